import { TRPCClientError } from '@trpc/client';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessions, users } from '../db/schema.ts';
import { createArgon2Hasher } from '../server/auth/passwords.ts';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_INACTIVITY_TIMEOUT_MS } from '../server/auth/sessions.ts';
import { apiClient, createTestApp, testPasswordHasher } from './helpers/app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const PASSWORD = 'correct horse battery';

const seeker = (email = 'sam@example.com') =>
  ({ userType: 'job_seeker', email, password: PASSWORD, firstName: 'Sam', lastName: 'Lee' }) as const;
const employer = (email = 'boss@acme.example') =>
  ({ userType: 'employer', email, password: PASSWORD, companyName: 'Acme' }) as const;

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      return {
        code: error.data?.code as string,
        message: error.message,
        fieldErrors: error.data?.fieldErrors as Record<string, string[]> | null,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('auth.signUp', () => {
  it('creates a seeker with a profile, signs in with an HttpOnly, SameSite=Lax session cookie', async () => {
    const client = apiClient(t.app);
    const me = await client.trpc.auth.signUp.mutate(seeker('  Sam@Example.COM '));
    expect(me).toMatchObject({
      email: 'sam@example.com',
      userType: 'job_seeker',
      profile: { firstName: 'Sam', lastName: 'Lee' },
    });
    const [cookie] = client.setCookies;
    expect(cookie).toMatch(/^session=[a-z0-9]{24}\.[a-z0-9]{52};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(new RegExp(`Max-Age=${SESSION_INACTIVITY_TIMEOUT_MS / 1000}`));
    expect(cookie).not.toMatch(/Secure/);
    expect(await client.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com', userType: 'job_seeker' });
  });

  it('uses a __Host- cookie with Secure outside http://localhost', async () => {
    const client = apiClient(t.app, { baseUrl: 'https://jobs.example' });
    await client.trpc.auth.signUp.mutate(employer());
    const [cookie] = client.setCookies;
    expect(cookie).toMatch(/^__Host-session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).not.toMatch(/Domain=/);
    expect(await client.trpc.auth.me.query()).toMatchObject({ userType: 'employer', profile: { companyName: 'Acme' } });
  });

  it('stores only a hash of the session secret, never the token', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    const token = client.jar.get('session')!;
    const [id, secret] = token.split('.');
    const rows = await t.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(id);
    expect(rows[0]!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(token);
  });

  it('creates the user and its profile together: a seeker row shares the user id', async () => {
    const client = apiClient(t.app);
    const me = await client.trpc.auth.signUp.mutate(seeker());
    const row = await t.pg.query<{ id: number }>('select id from job_seekers where id = $1', [me.id]);
    expect(row.rows).toHaveLength(1);
  });

  it('refuses a taken email, whatever its case or spacing, with CONFLICT', async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(seeker('sam@example.com'));
    const error = await failure(apiClient(t.app).trpc.auth.signUp.mutate(employer(' SAM@example.com')));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'An account with this email address already exists. Sign in instead.',
    });
    expect(await t.db.select().from(users)).toHaveLength(1);
  });

  it('answers CONFLICT to one of two simultaneous sign-ups with one email, never a 500', async () => {
    const results = await Promise.allSettled([
      apiClient(t.app).trpc.auth.signUp.mutate(seeker()),
      apiClient(t.app).trpc.auth.signUp.mutate(seeker()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as Error).message).toBe(
      'An account with this email address already exists. Sign in instead.',
    );
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email', 'Enter a valid email address, like name@example.com.'],
    ['a password under 10 characters', { password: 'short' }, 'password', 'Use at least 10 characters.'],
    ['a password over 256 characters', { password: 'x'.repeat(257) }, 'password', 'Use at most 256 characters.'],
    [
      'a common password',
      { password: 'qwertyuiop' },
      'password',
      'This password is one of the most common ones. Choose another.',
    ],
    ['a missing first name', { firstName: '   ' }, 'firstName', 'Enter your first name.'],
  ])('refuses %s with BAD_REQUEST and a message beside the field', async (_what, change, field, message) => {
    const error = await failure(apiClient(t.app).trpc.auth.signUp.mutate({ ...seeker(), ...change }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(`${field}: ${message}`);
    expect(error.fieldErrors?.[field]).toEqual([message]);
    expect(await t.db.select().from(users)).toHaveLength(0);
  });

  it('refuses an employer without a company name', async () => {
    const error = await failure(apiClient(t.app).trpc.auth.signUp.mutate({ ...employer(), companyName: '' }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'companyName: Enter your company name.' });
  });

  it('never signs anyone up as an admin', async () => {
    const client = apiClient(t.app);
    const input = { ...seeker(), userType: 'admin' } as unknown as ReturnType<typeof seeker>;
    const error = await failure(client.trpc.auth.signUp.mutate(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(await t.db.select().from(users)).toHaveLength(0);
  });
});

describe('auth.signIn', () => {
  beforeEach(async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(seeker());
  });

  it('signs in with a new session each time', async () => {
    const a = apiClient(t.app);
    const b = apiClient(t.app);
    await a.trpc.auth.signIn.mutate({ email: 'SAM@example.com', password: PASSWORD });
    await b.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });
    expect(a.jar.get('session')).not.toBe(b.jar.get('session'));
    expect(await t.db.select().from(sessions)).toHaveLength(3);
  });

  it('answers a wrong password and an unknown email alike, after the same password work', async () => {
    const base = await testPasswordHasher();
    let verifications = 0;
    const counting = {
      ...base,
      verify: (encoded: string, password: string) => {
        verifications++;
        return base.verify(encoded, password);
      },
    };
    const counted = await createTestApp({ passwords: counting, fresh: true });
    try {
      await apiClient(counted.app).trpc.auth.signUp.mutate(seeker());
      const wrongPassword = await failure(
        apiClient(counted.app).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: 'wrong password!' }),
      );
      expect(verifications).toBe(1);
      const unknownEmail = await failure(
        apiClient(counted.app).trpc.auth.signIn.mutate({ email: 'nobody@example.com', password: 'wrong password!' }),
      );
      expect(verifications).toBe(2);
      expect(unknownEmail).toEqual(wrongPassword);
      expect(wrongPassword).toMatchObject({
        code: 'UNAUTHORIZED',
        message: 'The email address or password is incorrect.',
      });
    } finally {
      await counted.close();
    }
  });

  it('slows down guesses from one address at one account after 5, and never locks the owner out from their own address', async () => {
    const attacker = () => apiClient(t.app, { ip: '192.0.2.66' });
    for (let i = 0; i < 5; i++) {
      expect(
        (await failure(attacker().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: `wrong guess ${i}` })))
          .code,
      ).toBe('UNAUTHORIZED');
    }
    // The attacker's address is slowed down, even with the right password...
    const slowed = await failure(attacker().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }));
    expect(slowed).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-in attempts. Try again in 15 minutes.',
    });
    // ...the owner, from their own address, is not, however often the attacker tries.
    for (let round = 0; round < 3; round++) {
      await failure(attacker().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: 'wrong again' }));
      await expect(
        apiClient(t.app, { ip: '198.51.100.7' }).trpc.auth.signIn.mutate({
          email: 'sam@example.com',
          password: PASSWORD,
        }),
      ).resolves.toMatchObject({ email: 'sam@example.com' });
    }
    t.clock.advance(15 * 60_000 + 1);
    await expect(
      attacker().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }),
    ).resolves.toMatchObject({ email: 'sam@example.com' });
  });

  it('counts attempts made at the same moment: 10 parallel guesses and the right password, the right one is refused', async () => {
    const client = () => apiClient(t.app, { ip: '192.0.2.77' });
    const guesses = Array.from({ length: 10 }, (_, i) =>
      failure(client().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: `parallel guess ${i}` })),
    );
    const codes = (await Promise.all(guesses)).map((f) => f.code);
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(5);
    expect(
      (await failure(client().trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }))).code,
    ).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses a batch of 200 sign-ins carrying 199 wrong passwords and the right one', async () => {
    const calls = Array.from({ length: 200 }, (_, i) => ({
      email: 'sam@example.com',
      password: i === 199 ? PASSWORD : `wrong guess ${i}`,
    }));
    const input = Object.fromEntries(calls.map((call, i) => [i, call]));
    const response = await t.app.request(`/trpc/${calls.map(() => 'auth.signIn').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.text()).toContain('at most 10 calls');
    expect(await t.db.select().from(sessions)).toHaveLength(1); // the sign-up's, nothing more
    // Within the cap, a sign-in is never batched either.
    const small = await t.app.request('/trpc/auth.signIn,auth.signIn?batch=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ 0: calls[0], 1: calls[199] }),
    });
    expect(small.status).toBe(400);
    expect(small.headers.getSetCookie()).toEqual([]);
    expect(await t.db.select().from(sessions)).toHaveLength(1);
  });

  it('refuses 100 sign-ups in one batch, and limits sign-ups from one address to 20 an hour', async () => {
    const input = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [i, seeker(`batch${i}@example.com`)]));
    const response = await t.app.request(
      `/trpc/${Array.from({ length: 100 }, () => 'auth.signUp').join(',')}?batch=1`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify(input),
      },
    );
    expect(response.status).toBe(400);
    expect(await t.db.select().from(users)).toHaveLength(1);
    const codes: string[] = [];
    for (let i = 0; i < 21; i++) {
      const signUp = apiClient(t.app, { ip: '192.0.2.88' }).trpc.auth.signUp.mutate(seeker(`many${i}@example.com`));
      codes.push(
        await signUp.then(
          () => 'OK',
          (error: unknown) => (error instanceof TRPCClientError ? String(error.data?.code) : 'thrown'),
        ),
      );
    }
    expect(codes.slice(0, 20).every((c) => c === 'OK')).toBe(true);
    expect(codes[20]).toBe('TOO_MANY_REQUESTS');
    expect(await t.db.select().from(users)).toHaveLength(21);
    // Another address is not affected.
    await expect(
      apiClient(t.app, { ip: '192.0.2.89' }).trpc.auth.signUp.mutate(seeker('other@example.com')),
    ).resolves.toBeTruthy();
  });

  it('ends the earlier session when another user signs in in the same browser', async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(employer());
    const browser = apiClient(t.app);
    await browser.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });
    const firstCookie = [...browser.jar.entries()][0]!;
    await browser.trpc.auth.signIn.mutate({ email: 'boss@acme.example', password: PASSWORD });
    const stale = apiClient(t.app);
    stale.jar.set(firstCookie[0], firstCookie[1]);
    expect(await stale.trpc.auth.me.query()).toBeNull();
    expect(await browser.trpc.auth.me.query()).toMatchObject({ email: 'boss@acme.example' });
  });

  it('locks an address that guesses across many emails', async () => {
    for (let i = 0; i < 30; i++) {
      await failure(
        apiClient(t.app, { ip: '192.0.2.9' }).trpc.auth.signIn.mutate({
          email: `user${i}@example.com`,
          password: 'guess guess guess',
        }),
      );
    }
    const locked = await failure(
      apiClient(t.app, { ip: '192.0.2.9' }).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }),
    );
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not affected.
    await expect(
      apiClient(t.app, { ip: '192.0.2.10' }).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }),
    ).resolves.toBeTruthy();
  });

  it('rehashes a password stored with weaker parameters', async () => {
    const weak = createArgon2Hasher(await (await import('@phi-ag/argon2/node')).default(), {
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
      hashLength: 32,
    } as never);
    await t.db
      .update(users)
      .set({ passwordHash: await weak.hash(PASSWORD) })
      .where(eq(users.email, 'sam@example.com'));
    await apiClient(t.app).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, 'sam@example.com'));
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('sessions', () => {
  it('slide forward with use (written at most hourly) and end after 10 idle days', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    const lastVerified = async () =>
      (await t.db.select({ at: sessions.lastVerifiedAt }).from(sessions))[0]!.at.getTime();
    const start = await lastVerified();

    t.clock.advance(30 * 60_000);
    await client.trpc.auth.me.query();
    expect(await lastVerified()).toBe(start);

    t.clock.advance(31 * 60_000);
    const before = client.setCookies.length;
    await client.trpc.auth.me.query();
    expect(await lastVerified()).toBe(t.clock.now.getTime());
    expect(client.setCookies.length).toBe(before + 1);

    t.clock.advance(SESSION_INACTIVITY_TIMEOUT_MS - HOUR);
    expect(await client.trpc.auth.me.query()).not.toBeNull();
    t.clock.advance(SESSION_INACTIVITY_TIMEOUT_MS);
    expect(await client.trpc.auth.me.query()).toBeNull();
    expect(await t.db.select().from(sessions)).toHaveLength(0);
  });

  it('end after 30 days however active', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    for (let day = 5; day < 30; day += 5) {
      t.clock.advance(5 * DAY);
      expect(await client.trpc.auth.me.query()).not.toBeNull();
    }
    t.clock.advance(SESSION_ABSOLUTE_LIFETIME_MS - 25 * DAY);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });

  it('refuse a token with a wrong secret and clear the cookie', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    const [id] = client.jar.get('session')!.split('.');
    client.jar.set('session', `${id}.${'a'.repeat(52)}`);
    expect(await client.trpc.auth.me.query()).toBeNull();
    expect(client.jar.has('session')).toBe(false);
  });

  it('end at sign-out, server-side', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    const token = client.jar.get('session')!;
    await client.trpc.auth.signOut.mutate();
    expect(client.jar.has('session')).toBe(false);
    client.jar.set('session', token);
    expect(await client.trpc.auth.me.query()).toBeNull();
  });
});

describe('auth.changePassword', () => {
  it('asks for the current password, then ends every other session', async () => {
    const laptop = apiClient(t.app);
    await laptop.trpc.auth.signUp.mutate(seeker());
    const phone = apiClient(t.app);
    await phone.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });

    const wrong = await failure(
      laptop.trpc.auth.changePassword.mutate({
        currentPassword: 'not my password',
        newPassword: 'a brand new passphrase',
      }),
    );
    expect(wrong).toMatchObject({ code: 'BAD_REQUEST', message: 'Your current password is not correct.' });

    await laptop.trpc.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(await phone.trpc.auth.me.query()).toBeNull();
    expect(await laptop.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com' });
    expect(
      (await failure(apiClient(t.app).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }))).code,
    ).toBe('UNAUTHORIZED');
    await expect(
      apiClient(t.app).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: 'a brand new passphrase' }),
    ).resolves.toBeTruthy();
  });

  it('needs a session', async () => {
    const error = await failure(
      apiClient(t.app).trpc.auth.changePassword.mutate({
        currentPassword: PASSWORD,
        newPassword: 'a brand new passphrase',
      }),
    );
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  });
});

describe('CSRF', () => {
  it('refuses a cross-origin POST that carries the session cookie', async () => {
    const client = apiClient(t.app);
    await client.trpc.auth.signUp.mutate(seeker());
    const cookie = `session=${client.jar.get('session')}`;
    const post = (headers: Record<string, string>) =>
      t.app.request('http://localhost/trpc/seekers.updateProfile', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ firstName: 'Mallory' }),
      });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site', origin: 'http://localhost' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect(await client.trpc.seekers.me.query()).toMatchObject({ firstName: 'Sam' });
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect(await client.trpc.seekers.me.query()).toMatchObject({ firstName: 'Mallory' });
  });

  it('never runs a mutation sent as GET', async () => {
    const input = encodeURIComponent(JSON.stringify(seeker()));
    const response = await t.app.request(`http://localhost/trpc/auth.signUp?input=${input}`);
    expect(response.status).toBe(405);
    expect(await t.db.select().from(users)).toHaveLength(0);
  });

  it('lets a signed-out caller sign in from anywhere (no cookie, nothing to forge)', async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(seeker());
    const client = apiClient(t.app, { origin: 'https://elsewhere.example' });
    await expect(
      client.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD }),
    ).resolves.toBeTruthy();
  });
});

describe('the database keeps emails unique and normalized', () => {
  it('one row per address', async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(seeker());
    const rows = await t.db.execute(sql`select count(*)::int as n from users where email = 'sam@example.com'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});

describe('a stale cookie', () => {
  it('does not undo the session of a sign-in made with it', async () => {
    await apiClient(t.app).trpc.auth.signUp.mutate(seeker());
    const client = apiClient(t.app);
    client.jar.set('session', 'stale.token');
    await client.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });
    expect(await client.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com' });
  });
});
