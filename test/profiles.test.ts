import { TRPCClientError } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../server/auth/admin.ts';
import { apiClient, createTestApp, testPasswordHasher } from './helpers/app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
let seeker: ReturnType<typeof apiClient>;
let otherSeeker: ReturnType<typeof apiClient>;
let employer: ReturnType<typeof apiClient>;
let admin: ReturnType<typeof apiClient>;
let anonymous: ReturnType<typeof apiClient>;
const PASSWORD = 'correct horse battery';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCClientError) return String(error.data?.code);
    throw error;
  }
}

beforeEach(async () => {
  t = await createTestApp();
  seeker = apiClient(t.app);
  await seeker.trpc.auth.signUp.mutate({
    userType: 'job_seeker',
    email: 'sam@example.com',
    password: PASSWORD,
    firstName: 'Sam',
    lastName: 'Lee',
  });
  otherSeeker = apiClient(t.app);
  await otherSeeker.trpc.auth.signUp.mutate({
    userType: 'job_seeker',
    email: 'kim@example.com',
    password: PASSWORD,
    firstName: 'Kim',
    lastName: 'Park',
  });
  employer = apiClient(t.app);
  await employer.trpc.auth.signUp.mutate({
    userType: 'employer',
    email: 'boss@acme.example',
    password: PASSWORD,
    companyName: 'Acme',
  });
  await createAdmin(t.db, await testPasswordHasher(), { email: 'admin@platform.example', password: PASSWORD });
  admin = apiClient(t.app);
  await admin.trpc.auth.signIn.mutate({ email: 'admin@platform.example', password: PASSWORD });
  anonymous = apiClient(t.app);
});
afterEach(() => t.close());

describe('the role middleware', () => {
  it('answers UNAUTHORIZED without a session and FORBIDDEN for the wrong role', async () => {
    expect(await code(anonymous.trpc.seekers.me.query())).toBe('UNAUTHORIZED');
    expect(await code(anonymous.trpc.employers.me.query())).toBe('UNAUTHORIZED');
    expect(await code(employer.trpc.seekers.me.query())).toBe('FORBIDDEN');
    expect(await code(admin.trpc.seekers.updateProfile.mutate({ firstName: 'X' }))).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.employers.me.query())).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.employers.updateCompany.mutate({ companyName: 'Mine now' }))).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.seekers.me.query())).toBe('OK');
    expect(await code(employer.trpc.employers.me.query())).toBe('OK');
  });

  it('shows the admin as an admin with no profile', async () => {
    expect(await admin.trpc.auth.me.query()).toMatchObject({
      email: 'admin@platform.example',
      userType: 'admin',
      profile: null,
    });
  });
});

describe('seekers.updateProfile', () => {
  it('changes only the caller’s own profile', async () => {
    const updated = await seeker.trpc.seekers.updateProfile.mutate({
      firstName: ' Samuel ',
      phone: '+1 (617) 555-0101',
      location: 'Boston, MA',
    });
    expect(updated).toEqual({
      firstName: 'Samuel',
      lastName: 'Lee',
      phone: '+1 (617) 555-0101',
      location: 'Boston, MA',
    });
    expect(await otherSeeker.trpc.seekers.me.query()).toMatchObject({ firstName: 'Kim', phone: null, location: null });
  });

  it('clears an optional field given as an empty string', async () => {
    await seeker.trpc.seekers.updateProfile.mutate({ location: 'Boston' });
    expect(await seeker.trpc.seekers.updateProfile.mutate({ location: '' })).toMatchObject({ location: null });
  });

  it('refuses fields it does not own: no mass assignment of id or userType', async () => {
    const input = { firstName: 'Sam', id: 999, userType: 'admin' } as never;
    expect(await code(seeker.trpc.seekers.updateProfile.mutate(input))).toBe('BAD_REQUEST');
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ userType: 'job_seeker' });
  });

  it('refuses an empty first name and a phone with letters', async () => {
    expect(await code(seeker.trpc.seekers.updateProfile.mutate({ firstName: '' }))).toBe('BAD_REQUEST');
    expect(await code(seeker.trpc.seekers.updateProfile.mutate({ phone: 'call me maybe' }))).toBe('BAD_REQUEST');
    expect(await seeker.trpc.seekers.me.query()).toMatchObject({ firstName: 'Sam', phone: null });
  });

  it('never answers with the password hash or the resume embedding', async () => {
    const body = JSON.stringify([await seeker.trpc.seekers.me.query(), await seeker.trpc.auth.me.query()]);
    expect(body).not.toMatch(/argon2|password|embedding|secret/i);
  });
});

describe('employers.updateCompany', () => {
  it('updates the company with a valid website and size', async () => {
    const company = await employer.trpc.employers.updateCompany.mutate({
      companySize: 'small',
      industry: 'Robotics',
      website: 'https://acme.example/about',
    });
    expect(company).toEqual({
      companyName: 'Acme',
      companySize: 'small',
      industry: 'Robotics',
      website: 'https://acme.example/about',
    });
  });

  it.each([['ftp://acme.example'], ['javascript:alert(1)'], ['acme'], ['https://']])(
    'refuses the website %s',
    async (website) => {
      expect(await code(employer.trpc.employers.updateCompany.mutate({ website }))).toBe('BAD_REQUEST');
    },
  );

  it('refuses an unknown company size', async () => {
    expect(await code(employer.trpc.employers.updateCompany.mutate({ companySize: 'huge' as never }))).toBe(
      'BAD_REQUEST',
    );
  });
});

describe('createAdmin (npm run admin:create)', () => {
  it('refuses a second account with the same email and a weak password', async () => {
    const passwords = await testPasswordHasher();
    await expect(
      createAdmin(t.db, passwords, { email: 'ADMIN@platform.example', password: 'another good one' }),
    ).rejects.toThrow(/already exists/);
    await expect(createAdmin(t.db, passwords, { email: 'new@platform.example', password: 'short' })).rejects.toThrow(
      /at least 10/,
    );
  });
});
