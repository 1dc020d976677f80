/**
 * Kill -9 in the middle of a write load on PGlite, restart on the same data folder: every write
 * acknowledged before the kill is there, whole (a job with all its skills), and nothing else is
 * half-written.
 */
import { describe, expect, it } from 'vitest';
import { openPglite } from '../db/client.ts';
import { startSmtpServer, tokenIn } from './helpers/mail.ts';
import { startNodeServer } from './helpers/server.ts';

async function call(url: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as { result?: { data: { id: number } } } };
}

describe('a crash during writes', () => {
  it('loses no acknowledged write and leaves no half-written job', async () => {
    // Employers publish once their address is verified: the link comes by SMTP to this process.
    const smtp = await startSmtpServer();
    const server = await startNodeServer({ SMTP_URL: smtp.url, MAIL_FROM: 'Fitwork <no-reply@fitwork.example>' });
    const signUp = await call(server.url, 'auth.signUp', {
      userType: 'employer',
      email: 'crash@acme.example',
      password: 'correct horse battery',
      companyName: 'Crash Co',
    });
    const cookie = signUp.response.headers.get('set-cookie')!.split(';')[0]!;
    const [verification] = await smtp.waitFor(1, 15_000);
    await smtp.close();
    expect((await call(server.url, 'auth.verifyEmail', { token: tokenIn(verification!.text!) })).response.status).toBe(
      200,
    );
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const title = `Crash test job ${lane}-${i}`;
        try {
          const { response } = await call(
            server.url,
            'jobs.create',
            {
              title,
              description: 'A job written during a crash test.',
              skills: [
                { name: 'Python', required: true, priority: 1 },
                { name: 'SQL', required: false, priority: 2 },
              ],
            },
            cookie,
          );
          if (response.status === 200) acknowledged.push(title);
        } catch {
          return; // the server is gone
        }
      }
    };
    const lanes = [writer(1), writer(2), writer(3)];
    // Kill it mid-load: once enough writes were acknowledged that some are surely still in flight,
    // whatever the speed of the machine (a fixed wait acknowledged anywhere from 3 to 300).
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 30 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);

    // The same data folder, opened again as a restarted server would.
    const reopened = await openPglite({ dataDir: server.dataDir });
    try {
      const rows = await reopened.client.query<{ title: string; skills: number }>(
        `select j.title, count(js.skill_id)::int as skills from jobs j left join job_skills js on js.job_id = j.id group by j.id, j.title`,
      );
      const stored = new Map(rows.rows.map((r) => [r.title, r.skills]));
      expect(acknowledged.filter((title) => !stored.has(title))).toEqual([]);
      expect(rows.rows.filter((r) => r.skills !== 2)).toEqual([]);
      expect(
        (await reopened.client.query(`select count(*)::int as n from users where email = 'crash@acme.example'`)).rows,
      ).toEqual([{ n: 1 }]);
    } finally {
      await reopened.close();
    }
    // And the server starts on it again.
    const restarted = await startNodeServer({ DATA_DIR: server.dataDir });
    expect((await fetch(`${restarted.url}/health`)).status).toBe(200);
    await restarted.remove();
  }, 120_000);
});
