import { Webhook } from 'standardwebhooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { greenhouseJobPost, jobPosting } from './fixtures/webhooks.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, seekerClient, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let source: { id: string; signingSecret: string; webhookPath: string };
let counter = 0;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@harbor.example', 'Harbor Health');
  source = await employer.trpc.sources.create.mutate({ name: 'Our careers site', format: 'json-ld' });
});

interface Delivery {
  id?: string;
  secret?: string;
  timestamp?: Date;
  signature?: string;
  body?: string;
  path?: string;
}

function deliver(payload: unknown, options: Delivery = {}) {
  const body = options.body ?? JSON.stringify(payload);
  const id = options.id ?? `msg_${++counter}`;
  const timestamp = options.timestamp ?? new Date();
  const signature = options.signature ?? new Webhook(options.secret ?? source.signingSecret).sign(id, timestamp, body);
  return t.app.request(options.path ?? source.webhookPath, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body,
  });
}

const rows = async (sql: string, params: unknown[] = []) =>
  (await t.pg.query<Record<string, unknown>>(sql, params)).rows;

describe('Standard Webhooks verification', () => {
  it('matches the specification’s test vector', () => {
    const signature = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').sign(
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('gives each source a whsec_ secret of 32 random bytes, shown only at creation', async () => {
    expect(source.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await employer.trpc.sources.list.query();
    expect(JSON.stringify(listed)).not.toContain(source.signingSecret.slice(6));
    expect(listed[0]).toMatchObject({ id: source.id, name: 'Our careers site', format: 'json-ld', deliveries: 0 });
  });

  it.each([
    ['a forged signature', { secret: `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}` }],
    // Getters: the time is taken when the case runs, not when the table is built (a slow run would
    // otherwise bring the "future" case back inside the 5-minute tolerance).
    [
      'a stale timestamp',
      {
        get timestamp() {
          return new Date(Date.now() - 6 * 60_000);
        },
      },
    ],
    [
      'a future timestamp',
      {
        get timestamp() {
          return new Date(Date.now() + 6 * 60_000);
        },
      },
    ],
    ['no v1 signature', { signature: 'v2,abc' }],
  ])('refuses %s with 401 and records nothing', async (_what, options) => {
    const response = await deliver(jobPosting(), options);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid signature' });
    expect(await rows('select * from webhook_deliveries')).toEqual([]);
    expect(await rows('select * from jobs')).toEqual([]);
  });

  it('leaves the webhook-id of a delivery refused for its signature free for the real one', async () => {
    const forged = await deliver(jobPosting(), {
      id: 'msg_taken',
      secret: `whsec_${Buffer.from('y'.repeat(32)).toString('base64')}`,
    });
    expect(forged.status).toBe(401);
    const stale = await deliver(jobPosting(), { id: 'msg_taken', timestamp: new Date(Date.now() - 6 * 60_000) });
    expect(stale.status).toBe(401);
    const real = await deliver(jobPosting(), { id: 'msg_taken' });
    expect(await real.json()).toMatchObject({ status: 'applied' });
  });

  it('refuses a body changed after signing', async () => {
    const body = JSON.stringify(jobPosting());
    const signature = new Webhook(source.signingSecret).sign('msg_tamper', new Date(), body);
    const response = await deliver(null, { id: 'msg_tamper', signature, body: body.replace('80000', '8000000') });
    expect(response.status).toBe(401);
  });

  it('accepts several signatures when one of them is valid', async () => {
    const body = JSON.stringify(jobPosting());
    const now = new Date();
    const good = new Webhook(source.signingSecret).sign('msg_multi', now, body);
    const response = await deliver(null, {
      id: 'msg_multi',
      body,
      timestamp: now,
      signature: `v1,bm90IHRoaXMgb25l ${good} v1a,other`,
    });
    expect(response.status).toBe(200);
  });

  it('keeps the old secret working for 24 hours after a rotation, and not after', async () => {
    const old = source.signingSecret;
    const rotated = await employer.trpc.sources.rotateSecret.mutate({ id: source.id });
    expect(rotated.signingSecret).not.toBe(old);
    expect((await deliver(jobPosting(), { secret: old })).status).toBe(200);
    expect((await deliver(jobPosting(), { secret: rotated.signingSecret })).status).toBe(200);
    t.clock.advance(24 * 60 * 60_000 + 1);
    expect((await deliver(jobPosting(), { secret: old })).status).toBe(401);
    expect((await deliver(jobPosting(), { secret: rotated.signingSecret })).status).toBe(200);
  });
});

describe('a JSON-LD delivery', () => {
  it('creates a job of the source’s employer, sanitized, that reaches search and matching', async () => {
    const seeker = await seekerClient(t.app, 'maria@example.com');
    await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text });
    await t.settle();

    const response = await deliver(jobPosting());
    expect(response.status).toBe(200);
    const { jobId } = (await response.json()) as { jobId: number };
    const job = await employer.trpc.jobs.get.query({ id: jobId });
    expect(job).toMatchObject({
      employerId: employer.id,
      title: 'Registered Nurse, Cardiac Step-Down',
      description:
        'Join our cardiac step-down unit.\n\n• Patient care for 4 patients\n• Telemetry & medication administration',
      location: 'Boston, MA',
      employmentType: 'full_time',
      salaryMin: '80000.00',
      salaryMax: '98000.00',
      status: 'active',
      postedAt: '2026-11-20T00:00:00.000Z',
    });
    expect(job.skills.map((s) => s.name).sort()).toEqual([
      'BLS',
      'Medication Administration',
      'Patient Care',
      'Registered Nurse',
    ]);

    // Found by full text even before its embedding exists.
    expect((await apiClient(t.app).trpc.jobs.search.query({ q: 'cardiac' })).items.map((i) => i.id)).toEqual([jobId]);
    await t.settle();
    expect((await seeker.trpc.matches.forMe.query({})).items.map((m) => m.jobId)).toContain(jobId);
  });

  it('does the work once for a replayed delivery', async () => {
    expect((await deliver(jobPosting(), { id: 'msg_once' })).status).toBe(200);
    const again = await deliver(jobPosting({ title: 'Changed by a replay' }), { id: 'msg_once' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    expect(await rows('select title from jobs')).toEqual([{ title: 'Registered Nurse, Cardiac Step-Down' }]);
  });

  it('does the work once when copies arrive at the same time', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => deliver(jobPosting(), { id: 'msg_twins' })));
    const statuses = await Promise.all(responses.map((r) => r.json() as Promise<{ status: string }>));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(statuses.filter((s) => s.status === 'applied')).toHaveLength(1);
    expect(await rows('select count(*)::int as n from jobs')).toEqual([{ n: 1 }]);
    expect(await rows('select count(*)::int as n from webhook_deliveries')).toEqual([{ n: 1 }]);
  });

  it('updates the same job when the board pushes it again, and closes it on job.closed, keeping applications', async () => {
    const first = (await (await deliver(jobPosting())).json()) as { jobId: number };
    const second = (await (await deliver(jobPosting({ title: 'Senior RN, Cardiac Step-Down' }))).json()) as {
      jobId: number;
    };
    expect(second.jobId).toBe(first.jobId);
    const seeker = await seekerClient(t.app, 'maria@example.com');
    await seeker.trpc.applications.submit.mutate({ jobId: first.jobId, coverLetter: null });

    const closed = await deliver({ type: 'job.closed', data: { identifier: { value: 'HH-1042' } } });
    expect(await closed.json()).toEqual({ status: 'applied', jobId: first.jobId });
    expect((await employer.trpc.jobs.get.query({ id: first.jobId })).status).toBe('closed');
    expect(await rows('select count(*)::int as n from applications')).toEqual([{ n: 1 }]);
  });

  it('answers 400 with the reason to a signed payload it cannot use, records it, and changes nothing', async () => {
    const created = (await (await deliver(jobPosting())).json()) as { jobId: number };
    for (const [payload, reason] of [
      [jobPosting({ title: '' }), 'The job has no title.'],
      [jobPosting({ identifier: undefined }), 'The job has no identifier.'],
      [jobPosting({ datePosted: 'yesterday' }), 'datePosted is not a date.'],
      [{ '@type': 'Person', name: 'x' }, 'The payload has neither a JobPosting nor an event type.'],
      ['not an object', 'The payload is not a JSON object.'],
    ] as const) {
      const response = await deliver(payload);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: reason });
    }
    const bad = await deliver(null, { body: '{"@type": "JobPosting", ' });
    expect(await bad.json()).toEqual({ error: 'The body is not valid JSON.' });
    expect(await rows('select title from jobs')).toEqual([{ title: 'Registered Nurse, Cardiac Step-Down' }]);
    const deliveries = await employer.trpc.sources.deliveries.query({ id: source.id });
    expect(deliveries.filter((d) => d.outcome === 'rejected')).toHaveLength(6);
    expect(deliveries.find((d) => d.outcome === 'applied')).toMatchObject({ jobId: created.jobId });
  });

  it('drops NUL characters a board sends instead of failing on them', async () => {
    const response = await deliver(
      jobPosting({ title: 'Nurse\u0000 Manager', description: '<p>Lead\u0000 the unit.</p>' }),
    );
    expect(response.status).toBe(200);
    expect(await rows('select title, description from jobs')).toEqual([
      { title: 'Nurse Manager', description: 'Lead the unit.' },
    ]);
  });

  it('acknowledges and records an event type it does not use', async () => {
    const response = await deliver({ type: 'company.updated', data: {} });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ignored' });
    expect((await employer.trpc.sources.deliveries.query({ id: source.id }))[0]).toMatchObject({
      outcome: 'ignored',
      eventType: 'company.updated',
      error: 'event company.updated is not used',
    });
  });

  it('refuses a body over 1 MB with 413, and answers 404 for an unknown source', async () => {
    const big = await deliver(null, { body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }) });
    expect(big.status).toBe(413);
    expect((await deliver(jobPosting(), { path: '/webhooks/00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await deliver(jobPosting(), { path: '/webhooks/not-a-uuid' })).status).toBe(404);
  });
});

describe('a Greenhouse delivery', () => {
  let greenhouse: typeof source;
  beforeEach(async () => {
    greenhouse = await employer.trpc.sources.create.mutate({ name: 'Greenhouse', format: 'greenhouse' });
  });
  const send = (payload: unknown) =>
    deliver(payload, { secret: greenhouse.signingSecret, path: greenhouse.webhookPath });

  it('creates, updates and deletes (closes) a job post; other actions are acknowledged', async () => {
    const created = (await (await send(greenhouseJobPost('job_post_created'))).json()) as { jobId: number };
    const job = await employer.trpc.jobs.get.query({ id: created.jobId });
    expect(job).toMatchObject({
      title: 'Senior Backend Engineer',
      description: 'Build APIs in TypeScript on Node.js with PostgreSQL.',
      location: 'Remote - US',
      remoteAllowed: true,
    });
    expect(job.skills.map((s) => [s.name, s.inferred])).toEqual(
      expect.arrayContaining([
        ['TypeScript', true],
        ['Node.js', true],
        ['PostgreSQL', true],
      ]),
    );

    const updated = (await (
      await send(greenhouseJobPost('job_post_updated', { title: 'Staff Backend Engineer' }))
    ).json()) as { jobId: number };
    expect(updated.jobId).toBe(created.jobId);
    expect((await employer.trpc.jobs.get.query({ id: created.jobId })).title).toBe('Staff Backend Engineer');

    expect(await (await send({ action: 'job_post_deleted', payload: { job_post: { id: 4012345 } } })).json()).toEqual({
      status: 'applied',
      jobId: created.jobId,
    });
    expect((await employer.trpc.jobs.get.query({ id: created.jobId })).status).toBe('closed');

    expect(await (await send({ action: 'candidate_stage_change', payload: {} })).json()).toEqual({ status: 'ignored' });
  });

  it('closes a post that is no longer live', async () => {
    const created = (await (await send(greenhouseJobPost('job_post_created'))).json()) as { jobId: number };
    await send(greenhouseJobPost('job_post_updated', { live: false }));
    expect((await employer.trpc.jobs.get.query({ id: created.jobId })).status).toBe('closed');
  });
});

describe('sources procedures', () => {
  it('belong to their employer only', async () => {
    const rival = await employerClient(t.app, 'boss@rival.example');
    const seeker = await seekerClient(t.app, 'sam@example.com');
    expect(await codeOf(rival.trpc.sources.deliveries.query({ id: source.id }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.sources.rotateSecret.mutate({ id: source.id }))).toBe('NOT_FOUND');
    expect(await codeOf(rival.trpc.sources.delete.mutate({ id: source.id }))).toBe('NOT_FOUND');
    expect(await rival.trpc.sources.list.query()).toEqual([]);
    expect(await codeOf(seeker.trpc.sources.create.mutate({ name: 'x', format: 'json-ld' }))).toBe('FORBIDDEN');
    expect(await codeOf(employer.trpc.sources.create.mutate({ name: 'x', format: 'rss' as never }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('delete a connection but keep its jobs', async () => {
    const { jobId } = (await (await deliver(jobPosting())).json()) as { jobId: number };
    await employer.trpc.sources.delete.mutate({ id: source.id });
    expect(await employer.trpc.sources.list.query()).toEqual([]);
    expect((await employer.trpc.jobs.get.query({ id: jobId })).status).toBe('active');
    expect((await deliver(jobPosting())).status).toBe(404);
  });
});
