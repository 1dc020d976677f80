/**
 * Human oversight and retention (issue 10): review requests, the AI decision log, the sweep that
 * erases inactive seekers' resumes after a notice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dropExpiredDecisionPartitions, ensureDecisionPartition } from '../server/audit/decision-log.ts';
import { runMaintenance } from '../server/maintenance.ts';
import { RETENTION_NOTICE_DAYS } from '../server/seekers/retention.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import {
  adminClient,
  codeOf,
  employerClient,
  failureOf,
  nurseJob,
  seekerClient,
  type Client,
} from './helpers/actors.ts';

const DAY = 24 * 3600_000;
const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;

let t: Awaited<ReturnType<typeof createTestApp>>;
let employer: Client & { id: number };
let seeker: Client & { id: number };
let jobId: number;

beforeEach(async () => {
  t = await createTestApp();
  employer = await employerClient(t.app, 'boss@acme.example', 'Acme Health');
  jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
  seeker = await seekerClient(t.app, 'nora@example.com', { firstName: 'Nora', lastName: 'Quill' });
  await seeker.trpc.seekers.setResume.mutate({ text: resume });
  await t.settle();
});

describe('contesting a score and asking for a human review', () => {
  it('is recorded with the score as seen, shown to the employer, answered by a person, and shown back', async () => {
    const [match] = (await seeker.trpc.matches.forMe.query({})).items;
    expect(match!.review).toBeNull();
    const request = await seeker.trpc.matches.requestReview.mutate({
      jobId,
      kind: 'contest_score',
      message: 'I hold a PALS certificate that the score seems to miss.',
    });
    expect(request.status).toBe('open');

    const [candidate] = await employer.trpc.matches.candidatesForJob.query({ jobId });
    if (!candidate?.identified) throw new Error('a seeker who asked for a review is shown in full');
    expect(candidate.review).toMatchObject({
      kind: 'contest_score',
      message: 'I hold a PALS certificate that the score seems to miss.',
      contestedScore: match!.overallScore,
      status: 'open',
    });

    expect(
      await codeOf(
        seeker.trpc.matches.requestReview.mutate({
          jobId,
          kind: 'human_review',
          message: 'Asking a second time, just in case.',
        }),
      ),
    ).toBe('CONFLICT');
    const rival = await employerClient(t.app, 'rival@other.example', 'Other');
    expect(
      await codeOf(
        rival.trpc.matches.respondToReview.mutate({ reviewId: request.id, response: 'Not mine to answer.' }),
      ),
    ).toBe('NOT_FOUND');

    await employer.trpc.matches.respondToReview.mutate({
      reviewId: request.id,
      response: 'A recruiter read your resume: we will call you this week.',
    });
    expect(
      await codeOf(employer.trpc.matches.respondToReview.mutate({ reviewId: request.id, response: 'Again.' })),
    ).toBe('CONFLICT');
    const [seen] = (await seeker.trpc.matches.forMe.query({})).items;
    expect(seen!.review).toMatchObject({
      status: 'answered',
      response: 'A recruiter read your resume: we will call you this week.',
    });
    const [row] = (
      await t.pg.query<{ responded_by: number }>(`select responded_by from match_reviews where id = $1`, [request.id])
    ).rows;
    expect(row!.responded_by).toBe(employer.id);

    // Once answered, the seeker may ask again.
    await seeker.trpc.matches.requestReview.mutate({
      jobId,
      kind: 'human_review',
      message: 'Thank you; could someone also check my shift availability?',
    });
    const exported = await seeker.trpc.account.export.query();
    expect('reviewRequests' in exported && exported.reviewRequests.map((r) => r.status).sort()).toEqual([
      'answered',
      'open',
    ]);
    // Both sides see the latest of the two.
    const latest = { kind: 'human_review', message: 'Thank you; could someone also check my shift availability?' };
    const mine = (await seeker.trpc.matches.forMe.query({})).items.find((item) => item.jobId === jobId);
    expect(mine!.review).toMatchObject({ ...latest, status: 'open' });
    const [again] = await employer.trpc.matches.candidatesForJob.query({ jobId });
    if (!again?.identified) throw new Error('a seeker who asked for a review is shown in full');
    expect(again.review).toMatchObject({ ...latest, status: 'open' });
  });

  it('keeps the request in front of the employer when the match would otherwise be dropped', async () => {
    await seeker.trpc.matches.requestReview.mutate({
      jobId,
      kind: 'human_review',
      message: 'Please read my resume before you close this.',
    });
    // Closed, the job leaves the seeker's candidates: regeneration drops such matches, but not this one.
    await employer.trpc.jobs.setStatus.mutate({ id: jobId, status: 'closed' });
    await seeker.trpc.matches.refresh.mutate();
    await t.settle();
    const [candidate] = await employer.trpc.matches.candidatesForJob.query({ jobId });
    if (!candidate?.identified) throw new Error('a seeker who asked for a review is shown in full');
    expect(candidate.review).toMatchObject({
      message: 'Please read my resume before you close this.',
      status: 'open',
    });
  });

  it('refuses a job without a match and an empty message, with readable reasons', async () => {
    const other = await seekerClient(t.app, 'nomatch@example.com');
    expect(
      await codeOf(
        other.trpc.matches.requestReview.mutate({ jobId, kind: 'human_review', message: 'Please look at my profile.' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await failureOf(seeker.trpc.matches.requestReview.mutate({ jobId, kind: 'human_review', message: '  ' })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'message: Say in a sentence or two what a person should look at.',
    });
    expect((await t.pg.query(`select 1 from match_reviews`)).rows).toHaveLength(0);
  });
});

describe('the AI decision log', () => {
  it('holds every score produced with its algorithm, models and time, for admins only', async () => {
    const [match] = (await seeker.trpc.matches.forMe.query({})).items;
    const admin = await adminClient(t.app, t.db);
    const log = await admin.trpc.audit.decisions.query({ seekerId: seeker.id });
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items[0]).toMatchObject({
      seekerId: seeker.id,
      jobId,
      overallScore: match!.overallScore,
      algorithmVersion: 'blend-v2',
      embeddingModel: 'local-hash-v2',
      parserModel: 'local-parser-v1',
      reasoningModel: 'template',
      createdAt: t.clock.now.toISOString(),
    });
    expect(await codeOf(employer.trpc.audit.decisions.query({}))).toBe('FORBIDDEN');
    // The person's own export carries every entry about them.
    const exported = await seeker.trpc.account.export.query();
    const mine = await t.pg.query(`select 1 from ai_decisions where job_seeker_id = $1`, [seeker.id]);
    expect('aiDecisions' in exported && exported.aiDecisions).toHaveLength(mine.rows.length);
    expect('aiDecisions' in exported && exported.aiDecisions[0]).toMatchObject({
      jobId,
      algorithmVersion: 'blend-v2',
      embeddingModel: 'local-hash-v2',
    });

    // Regenerating adds entries: the log is a history, not the current state.
    const before = (await t.pg.query(`select 1 from ai_decisions`)).rows.length;
    t.clock.advance(DAY);
    await seeker.trpc.matches.refresh.mutate();
    await t.settle();
    expect((await t.pg.query(`select 1 from ai_decisions`)).rows.length).toBe(before * 2);
  });

  it('loses the person on erasure but keeps the figures', async () => {
    await seeker.trpc.account.delete.mutate({ password: 'correct horse battery' });
    const rows = (
      await t.pg.query<{ job_seeker_id: number | null; overall_score: number }>(
        `select job_seeker_id, overall_score from ai_decisions`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.job_seeker_id === null && r.overall_score > 0)).toBe(true);
  });

  it('is partitioned by month; months past the retention are dropped, never fewer than 6 kept', async () => {
    const months = ['2025-01-15', '2025-05-15', '2025-06-15', '2026-11-15'].map((d) => new Date(`${d}T00:00:00Z`));
    for (const at of months) await ensureDecisionPartition(t.db, at);
    const names = async () =>
      (
        await t.pg.query<{ name: string }>(
          `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'ai_decisions'::regclass order by 1`,
        )
      ).rows.map((r) => r.name);
    expect(await names()).toEqual([
      'ai_decisions_y2025m01',
      'ai_decisions_y2025m05',
      'ai_decisions_y2025m06',
      'ai_decisions_y2026m11',
    ]);
    await t.pg.query(
      `insert into ai_decisions (created_at, overall_score, algorithm_version, reasoning_model) values ('2025-06-20', 0.5, 'blend-v1', 'template')`,
    );

    // A retention of 3 months is raised to the minimum of 6: on 2025-12-10, May 2025 ended 7 months ago, June 6.
    expect(await dropExpiredDecisionPartitions(t.db, new Date('2025-12-10T00:00:00Z'), 3)).toEqual([
      'ai_decisions_y2025m01',
      'ai_decisions_y2025m05',
    ]);
    expect(await names()).toEqual(['ai_decisions_y2025m06', 'ai_decisions_y2026m11']);
    expect((await t.pg.query(`select 1 from ai_decisions where created_at = '2025-06-20'`)).rows).toHaveLength(1);
    // The log still takes new scores: the seeker's matches were written in November 2026.
    expect(
      (await t.pg.query(`select 1 from ai_decisions where created_at >= '2026-11-01'`)).rows.length,
    ).toBeGreaterThan(0);
    // And the admins' reading of it pages across the partitions that remain.
    const admin = await adminClient(t.app, t.db);
    const all = await t.pg.query<{ n: number }>(`select count(*)::int as n from ai_decisions`);
    const seen: number[] = [];
    let beforeId: number | undefined;
    do {
      const page = await admin.trpc.audit.decisions.query({ limit: 2, beforeId });
      seen.push(...page.items.map((d) => d.id));
      beforeId = page.nextBeforeId ?? undefined;
    } while (beforeId !== undefined);
    expect(seen).toHaveLength(all.rows[0]!.n);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('retention of inactive seekers’ resumes', () => {
  const config = { resumeRetentionMonths: 24, decisionLogRetentionMonths: 12 };
  const state = async () =>
    (
      await t.pg.query<{
        resume_text: string | null;
        has_embedding: boolean;
        notice: Date | null;
        erased: Date | null;
        skills: string;
        matches: string;
      }>(
        `select resume_text, resume_embedding is not null as has_embedding, resume_retention_notice_at as notice, resume_erased_at as erased,
              (select count(*) from job_seeker_skills k where k.job_seeker_id = s.id)::text as skills,
              (select count(*) from matches m where m.job_seeker_id = s.id)::text as matches
       from job_seekers s where id = $1`,
        [seeker.id],
      )
    ).rows[0]!;

  it('issues a notice 30 days ahead, erases the resume, its skills and matches after 24 months away, and keeps the manual skills', async () => {
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [{ name: 'Python', proficiencyLevel: 'beginner', yearsExperience: 1 }],
    });
    await t.settle();
    const start = t.clock.now.getTime();
    const at = (days: number) => new Date(start + days * DAY);

    expect(await runMaintenance(t.db, { now: at(600), config })).toMatchObject({ noticedResumes: 0, erasedResumes: 0 });
    const noticeDay = 730 - RETENTION_NOTICE_DAYS + 1;
    expect(await runMaintenance(t.db, { now: at(noticeDay), config })).toMatchObject({
      noticedResumes: 1,
      erasedResumes: 0,
    });
    // Running again the next day issues no second notice and erases nothing yet (24 months not reached).
    expect(await runMaintenance(t.db, { now: at(noticeDay + 1), config })).toMatchObject({
      noticedResumes: 0,
      erasedResumes: 0,
    });
    expect((await state()).resume_text).toBe(resume);

    expect(await runMaintenance(t.db, { now: at(noticeDay + RETENTION_NOTICE_DAYS), config })).toMatchObject({
      erasedResumes: 1,
    });
    const after = await state();
    expect(after).toMatchObject({ resume_text: null, has_embedding: false, notice: null, skills: '1', matches: '0' });
    expect(after.erased).not.toBeNull();

    // The seeker, back, is told; a new resume clears the mark.
    t.clock.now = at(noticeDay + RETENTION_NOTICE_DAYS + 5);
    await seeker.trpc.auth.signIn.mutate({ email: 'nora@example.com', password: 'correct horse battery' });
    const shown = await seeker.trpc.seekers.resume.query();
    expect(shown.retention).toMatchObject({ months: 24, erasedAt: after.erased!.toISOString() });
    await seeker.trpc.seekers.setResume.mutate({ text: resume });
    expect((await seeker.trpc.seekers.resume.query()).retention).toMatchObject({
      erasedAt: null,
      noticeIssuedAt: null,
    });
  });

  it('keeps the resume of a seeker who comes back after the notice', async () => {
    const start = t.clock.now.getTime();
    const at = (days: number) => new Date(start + days * DAY);
    const noticeDay = 730 - RETENTION_NOTICE_DAYS + 1;
    await runMaintenance(t.db, { now: at(noticeDay), config });
    t.clock.now = at(noticeDay + 3);
    await seeker.trpc.auth.signIn.mutate({ email: 'nora@example.com', password: 'correct horse battery' });
    const shown = await seeker.trpc.seekers.resume.query();
    expect(shown.retention.noticeIssuedAt).toBe(at(noticeDay).toISOString());
    expect(await runMaintenance(t.db, { now: at(noticeDay + RETENTION_NOTICE_DAYS + 1), config })).toMatchObject({
      erasedResumes: 0,
    });
    expect((await state()).resume_text).toBe(resume);
  });
});
