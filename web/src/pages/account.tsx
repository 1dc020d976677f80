import { Navigate, useNavigate } from '@solidjs/router';
import { Match, Show, Switch, type JSX } from 'solid-js';
import { Field, FormError, PasswordField, TextField } from '../components/field.tsx';
import { useMe, useSetMe, type Me } from '../lib/session.ts';
import { useFormAction } from '../lib/form.ts';
import { downloadFile } from '../lib/download.ts';
import { trpc } from '../lib/trpc.ts';
import { SelfIdentification } from '../components/self-identification.tsx';
import { ChangeEmail } from '../components/change-email.tsx';
import { NotificationPreferences } from '../components/notification-preferences.tsx';

function Saved(props: { when: boolean; children: JSX.Element }) {
  return (
    <Show when={props.when}>
      <p class="notice" role="status">
        {props.children}
      </p>
    </Show>
  );
}

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
  return (
    <form onSubmit={form.submit} novalidate class="panel">
      <h2>Your profile</h2>
      <FormError message={form.problem()?.message ?? null} />
      <div class="row">
        <TextField
          id="firstName"
          label="First name"
          errors={form.errors('firstName')}
          value={props.me.profile.firstName}
          autocomplete="given-name"
        />
        <TextField
          id="lastName"
          label="Last name"
          errors={form.errors('lastName')}
          value={props.me.profile.lastName}
          autocomplete="family-name"
        />
      </div>
      <div class="row">
        <TextField
          id="phone"
          label="Phone"
          errors={form.errors('phone')}
          hint="Employers see it only after you apply to their job."
          type="tel"
          value={props.me.profile.phone}
          autocomplete="tel"
        />
        <TextField
          id="location"
          label="Location"
          errors={form.errors('location')}
          value={props.me.profile.location}
          autocomplete="address-level2"
        />
      </div>
      <button type="submit" class="button" disabled={form.busy()}>
        Save profile
      </button>
      <Saved when={form.saved()}>Profile saved.</Saved>
    </form>
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
  return (
    <form onSubmit={form.submit} novalidate class="panel">
      <h2>Your company</h2>
      <FormError message={form.problem()?.message ?? null} />
      <TextField
        id="companyName"
        label="Company name"
        errors={form.errors('companyName')}
        value={props.me.profile.companyName}
        autocomplete="organization"
      />
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
        <TextField id="industry" label="Industry" errors={form.errors('industry')} value={props.me.profile.industry} />
      </div>
      <TextField
        id="website"
        label="Website"
        errors={form.errors('website')}
        type="url"
        placeholder="https://"
        value={props.me.profile.website}
      />
      <button type="submit" class="button" disabled={form.busy()}>
        Save company
      </button>
      <Saved when={form.saved()}>Company saved.</Saved>
    </form>
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
    <form onSubmit={form.submit} novalidate class="panel">
      <h2>Password</h2>
      <FormError message={form.problem()?.message ?? null} />
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
      <button type="submit" class="button button-secondary" disabled={form.busy()}>
        Change password
      </button>
      <Saved when={form.saved()}>Password changed. Other devices were signed out.</Saved>
    </form>
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
