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
