import { Navigate, useNavigate } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { Field, FormError, PasswordField, TextField } from '../components/field.tsx';
import { useMe, useSetMe, type Me } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { downloadFile } from '../lib/download.ts';
import { trpc } from '../lib/trpc.ts';
import { PanelForm } from '../components/panel-form.tsx';
import { SelfIdentification } from '../components/self-identification.tsx';
import { ChangeEmail } from '../components/change-email.tsx';
import { NotificationPreferences } from '../components/notification-preferences.tsx';

/** A profile's text field by its id: the input's name, the server's errors for it and the saved value. */
function profileField<Profile>(form: ReturnType<typeof useFormAction>, profile: () => Profile) {
  // TextKey admits only the keys whose values are text, which TypeScript cannot follow through the index.
  return (id: TextKey<Profile>) => ({ id, errors: form.errors(id), value: profile()[id] as string | null });
}
type TextKey<Profile> = { [K in keyof Profile]: Profile[K] extends string | null ? K : never }[keyof Profile] & string;

function SeekerProfile(props: { me: Extract<Me, { userType: 'job_seeker' }> }) {
  const setMe = useSetMe();
  const text = (form: FormData, name: string) => String(form.get(name) ?? '');
  const form = useFormAction(async (data) => {
    const profile = await trpc.seekers.updateProfile.mutate({
      firstName: text(data, 'firstName'),
      lastName: text(data, 'lastName'),
      phone: text(data, 'phone'),
      location: text(data, 'location'),
    });
    if (profile) setMe({ ...props.me, profile });
  });
  const field = profileField(form, () => props.me.profile);
  return (
    <PanelForm title="Your profile" form={form} submitLabel="Save profile" savedText="Profile saved.">
      <div class="row">
        <TextField {...field('firstName')} label="First name" autocomplete="given-name" />
        <TextField {...field('lastName')} label="Last name" autocomplete="family-name" />
      </div>
      <div class="row">
        <TextField
          {...field('phone')}
          label="Phone"
          hint="Employers see it only after you apply to their job."
          type="tel"
          autocomplete="tel"
        />
        <TextField {...field('location')} label="Location" autocomplete="address-level2" />
      </div>
    </PanelForm>
  );
}

function CompanyProfile(props: { me: Extract<Me, { userType: 'employer' }> }) {
  const setMe = useSetMe();
  const form = useFormAction(async (data) => {
    const size = String(data.get('companySize') ?? '');
    const profile = await trpc.employers.updateCompany.mutate({
      companyName: String(data.get('companyName') ?? ''),
      companySize: size === '' ? null : (size as 'startup' | 'small' | 'medium' | 'large'),
      industry: String(data.get('industry') ?? ''),
      website: String(data.get('website') ?? ''),
    });
    if (profile) setMe({ ...props.me, profile });
  });
  const field = profileField(form, () => props.me.profile);
  return (
    <PanelForm title="Your company" form={form} submitLabel="Save company" savedText="Company saved.">
      <TextField {...field('companyName')} label="Company name" autocomplete="organization" />
      <div class="row">
        <Field id="companySize" label="Size" errors={form.errors('companySize')}>
          <select id="companySize" name="companySize" aria-describedby="companySize-error">
            <option value="">Not stated</option>
            {(['startup', 'small', 'medium', 'large'] as const).map((size) => (
              <option value={size} selected={props.me.profile.companySize === size}>
                {size[0]!.toUpperCase() + size.slice(1)}
              </option>
            ))}
          </select>
        </Field>
        <TextField {...field('industry')} label="Industry" />
      </div>
      <TextField {...field('website')} label="Website" type="url" placeholder="https://" />
    </PanelForm>
  );
}

function ChangePassword() {
  const form = useFormAction(async (data) => {
    await trpc.auth.changePassword.mutate({
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    });
  });
  return (
    <PanelForm
      title="Password"
      form={form}
      submitLabel="Change password"
      secondary
      savedText="Password changed. Other devices were signed out."
    >
      <PasswordField
        id="currentPassword"
        label="Current password"
        errors={form.errors('currentPassword')}
        autocomplete="current-password"
      />
      <PasswordField
        id="newPassword"
        label="New password"
        errors={form.errors('newPassword')}
        hint="Changing it signs you out everywhere else."
        autocomplete="new-password"
      />
    </PanelForm>
  );
}

function YourData() {
  const navigate = useNavigate();
  const setMe = useSetMe();
  const download = async () =>
    downloadFile(
      'fitwork-my-data.json',
      'application/json',
      JSON.stringify(await trpc.account.export.query(), null, 2),
    );
  const form = useFormAction(async (data) => {
    if (!confirm('Delete your account for good? This cannot be undone.')) throw new Error('Deletion cancelled.');
    await trpc.account.delete.mutate({ password: String(data.get('deletePassword') ?? '') });
    setMe(null);
    navigate('/');
  });
  return (
    <section class="panel">
      <h2>Your data</h2>
      <p>Download everything we hold about you as one JSON file (your resume as JSON Resume).</p>
      <button type="button" class="button button-secondary" onClick={download}>
        Download my data
      </button>
      <form onSubmit={form.submit} novalidate class="danger-zone">
        <h3>Delete your account</h3>
        <p class="muted">
          Your profile, resume, skills, matches and sessions are erased. Employers keep only an anonymous record of your
          applications.
        </p>
        <FormError message={form.problem()?.message ?? null} />
        <PasswordField
          id="deletePassword"
          label="Password"
          errors={form.errors('password')}
          autocomplete="current-password"
        />
        <button type="submit" class="button button-secondary" disabled={form.busy()}>
          Delete my account
        </button>
      </form>
    </section>
  );
}

export default function Account() {
  const me = useMe();
  return (
    <Switch
      fallback={
        <p class="skeleton" aria-busy="true">
          Loading your account…
        </p>
      }
    >
      <Match when={me.isError}>
        <p class="form-error" role="alert">
          Could not load your account. Reload the page to try again.
        </p>
      </Match>
      <Match when={me.isSuccess && !me.data}>
        <Navigate href="/signin" />
      </Match>
      <Match when={me.data}>
        {(user) => (
          <div class="stack">
            <h1>Account</h1>
            <p class="muted">Signed in as {user().email}</p>
            <Switch>
              <Match when={user().userType === 'job_seeker' && (user() as Extract<Me, { userType: 'job_seeker' }>)}>
                {(seeker) => (
                  <>
                    <SeekerProfile me={seeker()} />
                    <SelfIdentification />
                  </>
                )}
              </Match>
              <Match when={user().userType === 'employer' && (user() as Extract<Me, { userType: 'employer' }>)}>
                {(employer) => <CompanyProfile me={employer()} />}
              </Match>
            </Switch>
            <ChangeEmail current={user().email} />
            <NotificationPreferences />
            <ChangePassword />
            <YourData />
          </div>
        )}
      </Match>
    </Switch>
  );
}
