/**
 * Accounts through email: verification gates publishing, password reset (the same answer for
 * every address, throttled, 1 hour, single use), email change confirmed at the new address.
 * The development mailbox transport delivers; links are read from the outbox.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema.ts';
import { codeOf, failureOf, latestEmailToken, nurseJob, PASSWORD, seekerClient } from './helpers/actors.ts';
import { apiClient, createTestApp } from './helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});

const mailTo = async (to: string) => (await t.db.select().from(outboxMessages)).filter((m) => m.toAddress === to);

describe('email verification', () => {
  it('lets an unverified employer save drafts but not publish, with a clear FORBIDDEN, until the link is used', async () => {
    const employer = apiClient(t.app);
    await employer.trpc.auth.signUp.mutate({
      userType: 'employer',
      email: 'new@acme.example',
      password: PASSWORD,
      companyName: 'Acme',
    });
    expect(await employer.trpc.auth.me.query()).toMatchObject({ emailVerified: false });
    expect(await failureOf(employer.trpc.jobs.create.mutate(nurseJob))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/^Confirm your email address before publishing a job/),
    });
    const draft = await employer.trpc.jobs.create.mutate({ ...nurseJob, status: 'draft' });
    expect(await codeOf(employer.trpc.jobs.setStatus.mutate({ id: draft.id, status: 'active' }))).toBe('FORBIDDEN');

    await employer.trpc.auth.verifyEmail.mutate({
      token: await latestEmailToken(t.app, 'new@acme.example', 'verify_email'),
    });
    expect(await employer.trpc.auth.me.query()).toMatchObject({ emailVerified: true });
    expect(await employer.trpc.jobs.setStatus.mutate({ id: draft.id, status: 'active' })).toMatchObject({
      status: 'active',
    });
  });

  it('sends the link again on request, a few times an hour at most, and refuses a made-up token', async () => {
    const seeker = await seekerClient(t.app, 'again@example.com');
    for (let i = 0; i < 2; i++) await seeker.trpc.auth.resendVerification.mutate();
    expect(await codeOf(seeker.trpc.auth.resendVerification.mutate())).toBe('TOO_MANY_REQUESTS');
    expect(await mailTo('again@example.com')).toHaveLength(3);
    expect(await failureOf(apiClient(t.app).trpc.auth.verifyEmail.mutate({ token: 'a'.repeat(52) }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/not valid any more/),
    });
  });

  it('writes the email in the sign-up transaction: a refused sign-up leaves no message', async () => {
    await seekerClient(t.app, 'once@example.com');
    expect(
      await codeOf(
        apiClient(t.app).trpc.auth.signUp.mutate({
          userType: 'job_seeker',
          email: 'once@example.com',
          password: PASSWORD,
          firstName: 'A',
          lastName: 'B',
        }),
      ),
    ).toBe('CONFLICT');
    expect(await mailTo('once@example.com')).toHaveLength(1);
  });
});

describe('password reset', () => {
  it('answers the same for an unknown address and sends nothing', async () => {
    await seekerClient(t.app, 'known@example.com');
    const known = await apiClient(t.app).trpc.auth.requestPasswordReset.mutate({ email: 'known@example.com' });
    const unknown = await apiClient(t.app).trpc.auth.requestPasswordReset.mutate({ email: 'nobody@example.com' });
    expect(unknown).toEqual(known);
    expect(await mailTo('nobody@example.com')).toHaveLength(0);
    expect((await mailTo('known@example.com')).map((m) => m.kind)).toEqual(['verify_email', 'password_reset']);
  });

  it('sends at most 3 reset emails an hour to one account, silently, and throttles an address that asks too often', async () => {
    await seekerClient(t.app, 'flood@example.com');
    for (let i = 0; i < 5; i++)
      await apiClient(t.app, { ip: `198.51.100.${i}` }).trpc.auth.requestPasswordReset.mutate({
        email: 'flood@example.com',
      });
    expect((await mailTo('flood@example.com')).filter((m) => m.kind === 'password_reset')).toHaveLength(3);
    const script = apiClient(t.app, { ip: '192.0.2.50' });
    for (let i = 0; i < 10; i++) await script.trpc.auth.requestPasswordReset.mutate({ email: `walk${i}@example.com` });
    expect(
      await failureOf(script.trpc.auth.requestPasswordReset.mutate({ email: 'walk11@example.com' })),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Too many reset requests/) });
  });

  it('expires the link after 1 hour', async () => {
    await seekerClient(t.app, 'late@example.com');
    await apiClient(t.app).trpc.auth.requestPasswordReset.mutate({ email: 'late@example.com' });
    const token = await latestEmailToken(t.app, 'late@example.com', 'password_reset');
    t.clock.advance(60 * 60_000 + 1);
    expect(
      await codeOf(apiClient(t.app).trpc.auth.resetPassword.mutate({ token, password: 'a brand new passphrase' })),
    ).toBe('BAD_REQUEST');
    expect(
      await codeOf(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'late@example.com', password: PASSWORD })),
    ).toBe('OK');
  });

  it('stores only a hash of the token', async () => {
    await seekerClient(t.app, 'hash@example.com');
    await apiClient(t.app).trpc.auth.requestPasswordReset.mutate({ email: 'hash@example.com' });
    const token = await latestEmailToken(t.app, 'hash@example.com', 'password_reset');
    const rows = await t.pg.query<{ row: string }>(`select t::text as row from account_tokens t`);
    expect(rows.rows.map((r) => r.row).join('\n')).not.toContain(token);
  });
});

describe('email change', () => {
  it('asks for the password, confirms at the new address, tells the old one, and signs in with the new address', async () => {
    const seeker = await seekerClient(t.app, 'before@example.com');
    expect(
      await failureOf(
        seeker.trpc.auth.requestEmailChange.mutate({ email: 'after@example.com', password: 'not my password' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    await seekerClient(t.app, 'taken@example.com');
    expect(
      await codeOf(seeker.trpc.auth.requestEmailChange.mutate({ email: 'taken@example.com', password: PASSWORD })),
    ).toBe('CONFLICT');

    await seeker.trpc.auth.requestEmailChange.mutate({ email: 'after@example.com', password: PASSWORD });
    expect((await mailTo('before@example.com')).map((m) => m.subject)).toContain(
      'Your Fitwork email address is being changed',
    );
    const notice = (await mailTo('before@example.com')).find((m) => m.kind === 'email_change_notice')!;
    expect(notice.textBody).not.toContain('after@example.com');
    expect((await seeker.trpc.auth.me.query())?.email).toBe('before@example.com');

    const token = await latestEmailToken(t.app, 'after@example.com', 'email_change');
    expect(await apiClient(t.app).trpc.auth.confirmEmailChange.mutate({ token })).toEqual({
      email: 'after@example.com',
    });
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ email: 'after@example.com', emailVerified: true });
    expect(
      await codeOf(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'after@example.com', password: PASSWORD })),
    ).toBe('OK');
    expect(await codeOf(apiClient(t.app).trpc.auth.confirmEmailChange.mutate({ token }))).toBe('BAD_REQUEST');
  });
});

describe('account data', () => {
  it('exports the messages and links without bodies or tokens, and erases them with the account', async () => {
    const seeker = await seekerClient(t.app, 'mine@example.com');
    await t.settle();
    const token = await latestEmailToken(t.app, 'mine@example.com', 'verify_email');
    const data = await seeker.trpc.account.export.query();
    expect(data).toMatchObject({
      emails: [
        {
          kind: 'verify_email',
          to: 'mine@example.com',
          subject: 'Confirm your email address for Fitwork',
          status: 'sent',
        },
      ],
      emailLinks: [{ purpose: 'verify_email', usedAt: null }],
    });
    expect(JSON.stringify(data)).not.toContain(token);
    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await t.db.select().from(outboxMessages)).toHaveLength(0);
    expect((await t.pg.query('select count(*)::int as n from account_tokens')).rows).toEqual([{ n: 0 }]);
  });
});
