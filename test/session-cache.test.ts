/**
 * The Node entry on embedded PGlite keeps sessions it read for a few seconds
 * (server/auth/session-cache.ts). Whatever ends a session or changes what it carries through the
 * product takes effect at once; only a change made outside it (SQL by hand) waits out the seconds.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.ts';
import { SESSION_CACHE_TTL_MS } from '../server/auth/session-cache.ts';
import { latestEmailToken, PASSWORD, seekerClient } from './helpers/actors.ts';
import { apiClient, createTestApp } from './helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp({ sessionCache: true });
});

/** A client holding `token`, as a second device (or a thief) would. */
function holding(token: string) {
  const client = apiClient(t.app);
  client.jar.set('session', token);
  return client;
}

describe('the session cache of the Node entry', () => {
  it('answers from what it read for a few seconds, then reads again', async () => {
    const seeker = await seekerClient(t.app, 'sam@example.com');
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com' });
    // Out of band: the product never deletes a session without telling the cache.
    await t.db.delete(sessions);
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com' });
    t.clock.advance(SESSION_CACHE_TTL_MS);
    expect(await seeker.trpc.auth.me.query()).toBeNull();
  });

  it('still checks the secret and the expiry of a session it holds', async () => {
    const seeker = await seekerClient(t.app, 'sam@example.com');
    const token = seeker.jar.get('session')!;
    expect(await seeker.trpc.auth.me.query()).not.toBeNull();
    const [id] = token.split('.');
    expect(await holding(`${id}.${'a'.repeat(52)}`).trpc.auth.me.query()).toBeNull();
    expect(await holding(token).trpc.auth.me.query()).not.toBeNull();
  });

  it('forgets a session at sign-out', async () => {
    const seeker = await seekerClient(t.app, 'sam@example.com');
    const token = seeker.jar.get('session')!;
    expect(await holding(token).trpc.auth.me.query()).not.toBeNull();
    await seeker.trpc.auth.signOut.mutate();
    expect(await holding(token).trpc.auth.me.query()).toBeNull();
  });

  it('forgets the other sessions at a password change', async () => {
    const laptop = await seekerClient(t.app, 'sam@example.com');
    const phone = apiClient(t.app);
    await phone.trpc.auth.signIn.mutate({ email: 'sam@example.com', password: PASSWORD });
    expect(await phone.trpc.auth.me.query()).not.toBeNull();
    await laptop.trpc.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(await phone.trpc.auth.me.query()).toBeNull();
    expect(await laptop.trpc.auth.me.query()).toMatchObject({ email: 'sam@example.com' });
  });

  it('forgets every session of an erased account', async () => {
    const seeker = await seekerClient(t.app, 'sam@example.com');
    const token = seeker.jar.get('session')!;
    expect(await holding(token).trpc.auth.me.query()).not.toBeNull();
    await seeker.trpc.account.delete.mutate({ password: PASSWORD });
    expect(await holding(token).trpc.auth.me.query()).toBeNull();
    expect(
      await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, token.split('.')[0]!)),
    ).toEqual([]);
  });

  it('shows a changed email address at once', async () => {
    const seeker = await seekerClient(t.app, 'before@example.com');
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ email: 'before@example.com' });
    await seeker.trpc.auth.requestEmailChange.mutate({ email: 'after@example.com', password: PASSWORD });
    const token = await latestEmailToken(t.app, 'after@example.com', 'email_change');
    await apiClient(t.app).trpc.auth.confirmEmailChange.mutate({ token });
    expect(await seeker.trpc.auth.me.query()).toMatchObject({ email: 'after@example.com' });
  });
});
