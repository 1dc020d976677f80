import { TRPCClientError } from '@trpc/client';
import type { App } from '../../server/app.ts';
import { createAdmin } from '../../server/auth/admin.ts';
import type { Database } from '../../db/database.ts';
import { and, desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema.ts';
import { apiClient, databaseOfApp, testPasswordHasher } from './app.ts';

export const PASSWORD = 'correct horse battery';
export type Client = ReturnType<typeof apiClient>;

export async function seekerClient(app: App, email: string, names: { firstName?: string; lastName?: string } = {}) {
  const client = apiClient(app);
  const me = await client.trpc.auth.signUp.mutate({
    userType: 'job_seeker',
    email,
    password: PASSWORD,
    firstName: names.firstName ?? 'Sam',
    lastName: names.lastName ?? 'Lee',
  });
  return Object.assign(client, { id: me.id });
}

/** An employer who signed up and followed the link of their verification email (employers publish only then). */
export async function employerClient(app: App, email: string, companyName = 'Acme') {
  const client = apiClient(app);
  const me = await client.trpc.auth.signUp.mutate({ userType: 'employer', email, password: PASSWORD, companyName });
  await client.trpc.auth.verifyEmail.mutate({ token: await latestEmailToken(app, email, 'verify_email') });
  return Object.assign(client, { id: me.id });
}

/** The token of the newest link of this kind sent to this address, read from the outbox. */
export async function latestEmailToken(app: App, to: string, kind: string): Promise<string> {
  const db = databaseOfApp.get(app);
  if (!db) throw new Error('not a test app (createTestApp)');
  const [message] = await db
    .select({ text: outboxMessages.textBody })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  const token = /#token=([a-z0-9]+)/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no ${kind} email to ${to}`);
  return token;
}

export async function adminClient(app: App, db: Database, email = 'admin@platform.example') {
  await createAdmin(db, await testPasswordHasher(), { email, password: PASSWORD });
  const client = apiClient(app);
  const me = await client.trpc.auth.signIn.mutate({ email, password: PASSWORD });
  return Object.assign(client, { id: me.id });
}

/** The tRPC code of a failed call, or 'OK'. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof TRPCClientError ? String(error.data?.code) : Promise.reject(error)),
  );
}

export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; fieldErrors: Record<string, string[]> | null }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
  return { code: String(error.data?.code), message: error.message, fieldErrors: error.data?.fieldErrors ?? null };
}

export const nurseJob = {
  title: 'Pediatric Nurse',
  description:
    'Care for children on our pediatrics floor: assessments, medication administration and patient education for families.',
  location: 'Boston, MA',
  remoteAllowed: false,
  employmentType: 'full_time' as const,
  salaryMin: 70000,
  salaryMax: 90000,
  currency: 'USD',
  requirements: { experienceYears: 2, certifications: ['BLS'] },
  skills: [
    { name: 'Registered Nurse', required: true, priority: 1 as const },
    { name: 'pediatrics', required: true, priority: 1 as const },
    { name: 'Patient Education', required: false, priority: 3 as const },
  ],
};
