import type { Database } from '../../db/database.ts';
import { interviewInterviewers, interviews } from '../../db/schema.ts';
import type { App } from '../../server/app.ts';
import { apiClient } from './app.ts';
import { type Client, latestEmailToken, PASSWORD } from './actors.ts';

/** Someone invited by `owner` with this role, who accepts with a new account and is signed in. */
export async function teamMember(
  app: App,
  owner: Client,
  email: string,
  role: 'owner' | 'recruiter' | 'interviewer',
): Promise<Client & { id: number }> {
  await owner.trpc.companies.invite.mutate({ email, role });
  const client = apiClient(app);
  await client.trpc.companies.acceptInvite.mutate({
    token: await latestEmailToken(app, email, 'team_invitation'),
    password: PASSWORD,
  });
  const me = await client.trpc.auth.me.query();
  if (!me) throw new Error('the new member is not signed in');
  return Object.assign(client, { id: me.id });
}

let interviewCount = 0;

/**
 * Assigns these members to an interview of the application, written straight to the database
 * (what `interviews.propose` records), so scorecards are testable without the scheduling API.
 */
export async function assignInterview(db: Database, applicationId: number, interviewerIds: number[]): Promise<number> {
  const [interview] = await db
    .insert(interviews)
    .values({ applicationId, timeZone: 'Europe/Berlin', uid: `test-interview-${++interviewCount}@fitwork.test` })
    .returning({ id: interviews.id });
  if (interviewerIds.length > 0)
    await db
      .insert(interviewInterviewers)
      .values(interviewerIds.map((userId) => ({ interviewId: interview!.id, userId })));
  return interview!.id;
}
