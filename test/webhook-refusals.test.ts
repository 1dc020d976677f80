/**
 * Refused webhook deliveries are counted per board, reason and day (issue 21): the employer sees
 * why a board's deliveries fail, nothing a sender sent is stored, a hostile sender cannot grow
 * the table, and one company never sees another's counts.
 */
import { Webhook } from 'standardwebhooks';
import { beforeEach, expect, it } from 'vitest';
import { jobPosting } from './fixtures/webhooks.ts';
import { apiClient, createTestApp } from './helpers/app.ts';
import { codeOf, employerClient, PASSWORD, type Client } from './helpers/actors.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let source: { id: string; signingSecret: string; webhookPath: string };
let counter = 0;
const MARKER = 'sender-chosen-text-4711';
const FORGED_SECRET = `whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@harbor.example', 'Harbor Health');
  source = await employer.trpc.sources.create.mutate({ name: 'Our careers site', format: 'json-ld' });
});

function deliver(options: { secret?: string; timestamp?: Date; body?: string; path?: string; headers?: boolean } = {}) {
  const body = options.body ?? JSON.stringify(jobPosting({ title: MARKER }));
  const id = `msg_${MARKER}_${++counter}`;
  const timestamp = options.timestamp ?? new Date();
  const signature = new Webhook(options.secret ?? source.signingSecret).sign(id, timestamp, body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.headers !== false)
    Object.assign(headers, {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    });
  return t.app.request(options.path ?? source.webhookPath, { method: 'POST', headers, body });
}

const refusalsOf = async (client: Client, id: string) =>
  (await client.trpc.sources.list.query()).find((s) => s.id === id)?.refusals;

const counters = async () =>
  (
    await t.pg.query<Record<string, unknown>>(
      'select source_id, reason, count from webhook_refusals order by source_id nulls first, reason',
    )
  ).rows;

it('counts each refused delivery by board and reason, most frequent first, and shows it on the board', async () => {
  expect((await deliver({ secret: FORGED_SECRET })).status).toBe(401);
  expect((await deliver({ secret: FORGED_SECRET })).status).toBe(401);
  expect((await deliver({ timestamp: new Date(Date.now() - 10 * 60_000) })).status).toBe(401);
  expect((await deliver({ headers: false })).status).toBe(401);
  expect((await deliver({ body: 'not json at all' })).status).toBe(400);
  expect((await deliver({ body: JSON.stringify({ type: 'job.updated', data: { title: MARKER } }) })).status).toBe(400);
  expect((await deliver()).status).toBe(200);

  const refusals = await refusalsOf(employer, source.id);
  expect(refusals?.map((r) => [r.reason, r.count])).toEqual(
    [
      ['bad_signature', 2],
      ['invalid_payload', 1],
      ['malformed_body', 1],
      ['missing_headers', 1],
      ['stale_timestamp', 1],
    ].sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0]))),
  );
  expect(refusals?.[0]?.lastSeenAt).toBe(t.clock.now.toISOString());
});

it('keeps nothing the sender sent, and one row however many forgeries arrive', async () => {
  await Promise.all(Array.from({ length: 25 }, () => deliver({ secret: FORGED_SECRET })));
  expect(await counters()).toEqual([{ source_id: source.id, reason: 'bad_signature', count: 25 }]);
  const everything = JSON.stringify((await t.pg.query('select * from webhook_refusals')).rows);
  expect(everything).not.toContain(MARKER);
});

it('counts deliveries to unknown boards under no board, never per name', async () => {
  for (const path of ['/webhooks/not-a-board', `/webhooks/${crypto.randomUUID()}`, `/webhooks/${MARKER}`])
    expect((await deliver({ path })).status).toBe(404);
  expect(await counters()).toEqual([{ source_id: null, reason: 'unknown_board', count: 3 }]);
});

it('shows the last 7 days, drops counters after 30 days, and goes with its board', async () => {
  await deliver({ secret: FORGED_SECRET });
  t.clock.advance(7 * 86_400_000);
  expect(await refusalsOf(employer, source.id)).toEqual([]);
  await deliver({ body: 'not json' });
  expect((await refusalsOf(employer, source.id))?.map((r) => r.reason)).toEqual(['malformed_body']);
  t.clock.advance(31 * 86_400_000);
  await deliver({ body: 'not json' });
  expect(await counters()).toEqual([{ source_id: source.id, reason: 'malformed_body', count: 1 }]);
  const again = apiClient(t.app);
  await again.trpc.auth.signIn.mutate({ email: 'boss@harbor.example', password: PASSWORD });
  await again.trpc.sources.delete.mutate({ id: source.id });
  expect(await counters()).toEqual([]);
});

it('never shows one company’s counts to another', async () => {
  await deliver({ secret: FORGED_SECRET });
  const other = await employerClient(t.app, 'hr@other.example', 'Other Clinic');
  const theirs = await other.trpc.sources.create.mutate({ name: 'Their site', format: 'json-ld' });
  const listed = await other.trpc.sources.list.query();
  expect(listed.map((s) => s.id)).toEqual([theirs.id]);
  expect(listed[0]?.refusals).toEqual([]);
  expect(await codeOf(other.trpc.sources.deliveries.query({ id: source.id }))).toBe('NOT_FOUND');
  expect((await refusalsOf(employer, source.id))?.map((r) => r.count)).toEqual([1]);
});
