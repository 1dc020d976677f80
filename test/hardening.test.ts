/**
 * Bad input, secrets in logs, and security headers. Fuzzing sends every procedure generated
 * inputs shaped by its own input keys plus hostile values; the invariants: never a 5xx, never a
 * stack trace or SQL in an answer, never a changed row after a refused call.
 */
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../server/router.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { jobPosting } from './fixtures/webhooks.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { adminClient, employerClient, nurseJob, PASSWORD, seekerClient } from './helpers/actors.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation' } }> } })._def.procedures;

/** Who calls each domain in the fuzz: the role its procedures are for. */
function roleFor(path: string): 'seeker' | 'employer' | 'admin' | 'anonymous' {
  if (path.startsWith('seekers.') || path.startsWith('matches.forMe') || path.startsWith('matches.markViewed') || path.startsWith('matches.dismiss') || path.startsWith('matches.undismiss') || path.startsWith('matches.refresh') || path.startsWith('matches.requestReview') || path.startsWith('matches.careerPaths') || path.startsWith('applications.submit') || path.startsWith('applications.mine') || path.startsWith('applications.withdraw')) return 'seeker';
  if (path.startsWith('skills.') && !['skills.search', 'skills.create'].includes(path)) return 'admin';
  if (path === 'audit.platform' || path === 'audit.decisions' || path.startsWith('experiments.')) return 'admin';
  if (['employers.', 'audit.forEmployer', 'jobs.create', 'jobs.update', 'jobs.setStatus', 'jobs.mine', 'sources.', 'applications.forJob', 'applications.setStatus', 'matches.candidatesForJob', 'matches.respondToReview'].some((p) => path.startsWith(p))) return 'employer';
  return 'anonymous';
}

/** The input keys of each procedure, from valid examples: the fuzz keeps the shape, breaks the values. */
const KEYS: Record<string, string[]> = {
  'auth.signUp': ['userType', 'email', 'password', 'firstName', 'lastName', 'companyName'],
  'auth.signIn': ['email', 'password'],
  'auth.changePassword': ['currentPassword', 'newPassword'],
  'seekers.updateProfile': ['firstName', 'lastName', 'phone', 'location'],
  'seekers.setResume': ['text'],
  'seekers.setSkills': ['skills'],
  'employers.updateCompany': ['companyName', 'companySize', 'industry', 'website'],
  'skills.search': ['q', 'limit'],
  'skills.create': ['name'],
  'skills.add': ['name', 'category', 'description', 'aliases'],
  'skills.addAlias': ['skillId', 'alias'],
  'skills.merge': ['fromId', 'intoId'],
  'jobs.create': Object.keys(nurseJob).concat(['status', 'expiresAt']),
  'jobs.update': ['id', 'title', 'description', 'salaryMin', 'salaryMax', 'skills'],
  'jobs.setStatus': ['id', 'status'],
  'jobs.get': ['id'],
  'jobs.search': ['q', 'location', 'remoteAllowed', 'employmentType', 'salaryMin', 'skills', 'postedWithinDays', 'cursor', 'limit'],
  'matches.forMe': ['limit', 'minScore', 'cursor'],
  'matches.markViewed': ['jobId'],
  'matches.dismiss': ['jobId', 'reason'],
  'matches.undismiss': ['jobId'],
  'matches.candidatesForJob': ['jobId', 'minScore'],
  'matches.requestReview': ['jobId', 'kind', 'message'],
  'matches.respondToReview': ['reviewId', 'response'],
  'applications.submit': ['jobId', 'coverLetter'],
  'applications.forJob': ['jobId'],
  'applications.setStatus': ['id', 'status'],
  'applications.withdraw': ['id'],
  'sources.create': ['name', 'format'],
  'sources.rotateSecret': ['id'],
  'sources.delete': ['id'],
  'sources.deliveries': ['id', 'limit'],
  'account.delete': ['password'],
  'seekers.selfIdentify': ['sex', 'raceEthnicity'],
  'seekers.updateResumeData': ['data'],
  'audit.forEmployer': ['jobId'],
  'audit.decisions': ['seekerId', 'jobId', 'beforeId', 'limit'],
  'matches.careerPaths': ['threshold'],
  'experiments.start': ['name', 'arms'],
  'experiments.stop': ['id'],
  'experiments.results': ['id'],
};

const hostile = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '😀'.repeat(50), '\u202Eevil', "'; drop table users; --", '<script>alert(1)</script>', '../../etc/passwd', '%', '_', '\\', 'null', 'NaN', '1e309', 'admin', 'employer', 'closed', 'active'),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constant('x'.repeat(300_000)),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1.5, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.array(tie('deep'), { maxLength: 2 })) })).deep,
);

function inputFor(path: string) {
  const keys = KEYS[path];
  if (!keys) return fc.oneof(fc.constant(undefined), hostile);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(Object.fromEntries(keys.map((k) => [k, hostile])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.record({ ...Object.fromEntries(keys.map((k) => [k, hostile])), userType: fc.constantFrom('admin', 'employer'), employerId: fc.integer(), status: fc.constantFrom('closed', 'accepted'), ownerId: fc.integer() }, { requiredKeys: [] }) },
  );
}

const LEAK = /\bat [\w.<>]+ \(|\n\s+at |Failed query|select .* from|insert into|syntax error|duplicate key|violates|PGlite|drizzle|node_modules/i;

describe('fuzzing every procedure', () => {
  it('covers every procedure of the router', () => {
    const withInput = Object.keys(procedures).filter((p) => !['auth.signOut', 'auth.me', 'seekers.me', 'seekers.resume', 'seekers.skills', 'seekers.uploadResume', 'employers.me', 'skills.list', 'jobs.mine', 'matches.refresh', 'applications.mine', 'sources.list', 'account.export', 'seekers.selfIdentification', 'audit.platform', 'experiments.list', 'experiments.quality'].includes(p));
    expect(withInput.filter((p) => !KEYS[p])).toEqual([]);
  });

  for (const path of Object.keys(procedures)) {
    it(`survives ${RUNS} hostile inputs to ${path}`, async () => {
      const t = await createTestApp();
      const clients = {
        anonymous: apiClient(t.app),
        seeker: await seekerClient(t.app, 'fuzz-seeker@example.com'),
        employer: await employerClient(t.app, 'fuzz-employer@example.com'),
        admin: await adminClient(t.app, t.db),
      };
      await clients.employer.trpc.jobs.create.mutate(nurseJob);
      const client = clients[roleFor(path)];
      const type = procedures[path]!._def.type;
      const digest = async () =>
        (await t.pg.query<{ d: string }>(`select md5(string_agg(t::text, '|' order by t::text)) as d from (
          select 'u' || id || email || user_type || password_hash as t from users union all select 'j' || id || title || status || coalesce(salary_min::text, '') from jobs
          union all select 'a' || id || status from applications union all select 's' || id || name from skills union all select 'k' || job_id || '-' || skill_id from job_skills
          union all select 'p' || id || first_name || coalesce(location, '') || coalesce(md5(resume_text), '') from job_seekers union all select 'e' || id || company_name from employers
          union all select 'w' || id from job_sources union all select 'x' || id from sessions) all_rows`)).rows[0]!.d;

      await fc.assert(
        fc.asyncProperty(inputFor(path), async (input) => {
          const before = await digest();
          const body = JSON.stringify(input ?? null);
          const response =
            type === 'query'
              ? await client.fetch(`http://localhost/trpc/${path}?input=${encodeURIComponent(body)}`)
              : await client.fetch(`http://localhost/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          const text = await response.text();
          if (response.status >= 500) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
          if (LEAK.test(text) && response.status !== 200) throw new Error(`${path} leaked internals: ${text.slice(0, 300)}`);
          // A refused call changes nothing (a failed sign-in is counted in auth_throttles, on purpose).
          if (response.status !== 200 && (await digest()) !== before) throw new Error(`${path} changed rows although it answered ${response.status}`);
          // A successful sign-out or password change ends the session the fuzz runs with: sign in again.
          if (response.status === 200 && ['auth.signOut', 'auth.changePassword', 'auth.signUp', 'auth.signIn'].includes(path) && client !== clients.anonymous) {
            client.jar.clear();
          }
        }),
        { numRuns: RUNS, seed: 20261125 },
      );
    }, 300_000);
  }
});

describe('text no column can store', () => {
  it('is refused at the door with a message a person understands', async () => {
    const t = await createTestApp();
    const error = await apiClient(t.app).trpc.auth.signUp.mutate({ userType: 'job_seeker', email: 'nul@example.com', password: PASSWORD, firstName: 'A\u0000B', lastName: 'C' }).catch((e: Error) => e);
    expect((error as Error).message).toBe('Text cannot contain the NUL character.');
    expect((await t.pg.query('select count(*)::int as n from users')).rows[0]).toEqual({ n: 0 });
  });
});

describe('logs', () => {
  it('carry no password, token, resume text or webhook secret through a whole journey', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const source = await employer.trpc.sources.create.mutate({ name: 'Board', format: 'json-ld' });
    const seeker = await seekerClient(t.app, 'sam@example.com');
    const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
    await seeker.trpc.seekers.setResume.mutate({ text: resume });
    await seeker.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: 'my private cover letter' });
    await seeker.trpc.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'another secret phrase' });
    await apiClient(t.app).trpc.auth.signIn.mutate({ email: 'sam@example.com', password: 'wrong secret phrase' }).catch(() => {});
    const body = JSON.stringify(jobPosting());
    await t.app.request(source.webhookPath, { method: 'POST', body, headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': new Webhook(source.signingSecret).sign('msg_1', new Date(), body) } });
    await t.settle();
    const logs = t.logLines.join('\n');
    expect(t.logLines.length).toBeGreaterThanOrEqual(9);
    for (const line of t.logLines) expect(() => JSON.parse(line)).not.toThrow();
    expect(logs).toContain('"path":"/trpc/seekers.setResume"');
    for (const secret of [PASSWORD, 'another secret phrase', 'wrong secret phrase', seeker.jar.get('session')!, employer.jar.get('session')!.split('.')[1]!, source.signingSecret, 'my private cover letter', 'Lakeshore Children', 'james.oconnor@example.com']) {
      expect(logs).not.toContain(secret);
    }
  });

  it('keep query parameters out of error lines', async () => {
    const { errorSummary } = await import('../server/logger.ts');
    const error = new Error('Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: sam@example.com,$argon2id$v=19$m=19456');
    expect(errorSummary(error)).toBe('Error: Failed query: insert into users (email, password_hash) values ($1, $2)');
  });
});

describe('security headers', () => {
  it('are on every answer, with HSTS over HTTPS only', async () => {
    const t = await createTestApp();
    for (const url of ['http://localhost/health', 'http://localhost/trpc/auth.me', 'http://localhost/nothing']) {
      const response = await t.app.request(url);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
    expect((await t.app.request('https://jobs.example/health')).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });
});
