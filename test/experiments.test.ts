/**
 * The learning loop (issue 11): deterministic assignment, the arithmetic of quality metrics and
 * significance, experiments over real matches, offline evaluation, career paths.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parseConfig } from '../server/config.ts';
import { runMaintenance } from '../server/maintenance.ts';
import {
  ALGORITHMS,
  DEFAULT_ALGORITHM,
  factsOfStoredMatch,
  storedFactsColumns,
  type StoredFactsRow,
} from '../server/matching/algorithms.ts';
import { loadDemoData, enrichDemoData } from '../server/seed/seed.ts';
import { seniorityOf } from '../server/matching/career-paths.ts';
import { armFor, assignmentPoint } from '../server/experiments/assignment.ts';
import { evaluateRanking, type LabelledMatch } from '../server/experiments/offline-eval.ts';
import { armResults } from '../server/experiments/quality.ts';
import { compareRates, rateOf } from '../server/experiments/statistics.ts';
import { createProviders } from '../server/providers.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp, TEST_START } from './helpers/app.ts';
import { adminClient, codeOf, employerClient, failureOf, nurseJob, seekerClient } from './helpers/actors.ts';

describe('assignment to arms', () => {
  const experiment = {
    name: 'skills-first-trial',
    arms: [
      { algorithm: 'blend-v1', share: 0.5 },
      { algorithm: 'skills-first-v1', share: 0.3 },
      { algorithm: 'other', share: 0.2 },
    ],
  };

  it('puts the same seeker in the same arm every time, and another experiment name reshuffles', () => {
    for (const id of [1, 42, 99_999])
      expect(armFor(id, experiment)).toBe(armFor(id, { ...experiment, arms: [...experiment.arms] }));
    expect(assignmentPoint(42, 'a')).toBe(assignmentPoint(42, 'a'));
    const differ = Array.from(
      { length: 100 },
      (_, id) => armFor(id, experiment).algorithm !== armFor(id, { ...experiment, name: 'another' }).algorithm,
    );
    expect(differ.some(Boolean)).toBe(true);
  });

  it('respects the shares within 2% over 10,000 seekers', () => {
    const counts = new Map<string, number>();
    for (let id = 1; id <= 10_000; id++) {
      const arm = armFor(id, experiment).algorithm;
      counts.set(arm, (counts.get(arm) ?? 0) + 1);
    }
    for (const arm of experiment.arms)
      expect(Math.abs(counts.get(arm.algorithm)! / 10_000 - arm.share)).toBeLessThan(0.02);
  });
});

describe('the statistics, against hand-computed figures', () => {
  it('gives the Wilson 95% interval of a rate', () => {
    // 30 of 100: p 0.3, centre (0.3 + 1.9208/100) / 1.038415 = 0.30740, half-width 0.08845.
    const r = rateOf(30, 100);
    expect(r.rate).toBe(0.3);
    expect(r.low).toBeCloseTo(0.2189, 4);
    expect(r.high).toBeCloseTo(0.3958, 4);
    expect(rateOf(0, 0)).toMatchObject({ rate: null, low: null, high: null });
  });

  it('calls a difference only when it is significant and the arms are large enough', () => {
    // 100/1000 vs 130/1000: pooled 0.115, se 0.014267, z 2.1027, p 0.0355.
    const higher = compareRates(rateOf(100, 1000), rateOf(130, 1000));
    expect(higher.z).toBeCloseTo(2.1027, 3);
    expect(higher.pValue).toBeCloseTo(0.0355, 3);
    expect(higher.verdict).toBe('variant_higher');
    expect(compareRates(rateOf(130, 1000), rateOf(100, 1000)).verdict).toBe('variant_lower');
    // 100/1000 vs 110/1000: z 0.7295, p 0.466.
    expect(compareRates(rateOf(100, 1000), rateOf(110, 1000))).toMatchObject({ verdict: 'no_significant_difference' });
    // A huge-looking difference on little data: no verdict.
    expect(compareRates(rateOf(3, 20), rateOf(15, 20))).toMatchObject({ verdict: 'insufficient_data', pValue: null });
    expect(compareRates(rateOf(1, 5000), rateOf(2, 5000)).verdict).toBe('insufficient_data');
  });

  it('adds up the weeks of each arm and compares each variant with the control', () => {
    const counts = (shown: number, viewed: number, applied: number, interview: number, notRelevant: number) => ({
      shown,
      viewed,
      applied,
      interview,
      notRelevant,
    });
    const arms = armResults(
      ['blend-v1', 'skills-first-v1'],
      [
        { algorithm: 'blend-v1', week: '2026-11-16', counts: counts(400, 200, 40, 10, 20) },
        { algorithm: 'blend-v1', week: '2026-11-23', counts: counts(600, 300, 60, 10, 30) },
        { algorithm: 'skills-first-v1', week: '2026-11-23', counts: counts(1000, 500, 130, 22, 49) },
        { algorithm: 'retired-v0', week: '2026-11-23', counts: counts(50, 1, 1, 1, 1) },
      ],
    );
    expect(arms[0]).toMatchObject({
      algorithm: 'blend-v1',
      control: true,
      counts: counts(1000, 500, 100, 20, 50),
      comparisons: null,
    });
    expect(arms[0]!.weeks.map((w) => w.rates.applied.rate)).toEqual([0.1, 0.1]);
    expect(arms[1]!.comparisons!.applied).toMatchObject({ verdict: 'variant_higher' });
    expect(arms[1]!.comparisons!.viewed).toMatchObject({ verdict: 'no_significant_difference', difference: 0 });
    expect(arms[1]!.comparisons!.notRelevant.verdict).toBe('no_significant_difference');
  });
});

describe('offline evaluation', () => {
  it('replays the feedback: the algorithm that ranks the applied job first scores a reciprocal rank of 1', () => {
    const match = (
      seekerId: number,
      jobId: number,
      semantic: number,
      skills: number,
      labels: Partial<LabelledMatch> = {},
    ): LabelledMatch => ({
      seekerId,
      jobId,
      semantic,
      skills,
      location: 1,
      missing: [],
      lexical: 0,
      titleMatch: 0,
      skillsConfidence: 1,
      applied: false,
      dismissed: false,
      ...labels,
    });
    const matches = [
      // blend-v1: A 0.73, B 0.7975 (B first); skills-first-v1: A 0.79, B 0.745 (A first).
      match(1, 10, 0.5, 0.9, { applied: true }),
      match(1, 11, 0.95, 0.6, { dismissed: true }),
      // No feedback: not counted.
      match(2, 10, 0.5, 0.5),
    ];
    expect(evaluateRanking(matches, ALGORITHMS['blend-v1']!)).toEqual({
      algorithm: 'blend-v1',
      seekers: 1,
      meanReciprocalRank: 0.5,
      appliedInTopK: 1,
      notRelevantInTopK: 1,
    });
    expect(evaluateRanking(matches, ALGORITHMS['skills-first-v1']!)).toMatchObject({
      seekers: 1,
      meanReciprocalRank: 1,
    });
  });
});

describe('experiments over real matches', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('are started, run and stopped by admins only, and every match records its arm', async () => {
    const admin = await adminClient(t.app, t.db);
    const employer = await employerClient(t.app, 'boss@acme.example');
    expect(await codeOf(employer.trpc.experiments.list.query())).toBe('FORBIDDEN');
    expect(
      await failureOf(
        admin.trpc.experiments.start.mutate({
          name: 'bad shares',
          arms: [
            { algorithm: 'blend-v1', share: 0.5 },
            { algorithm: 'skills-first-v1', share: 0.4 },
          ],
        }),
      ),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The shares must add up to 1 (they add up to 0.9).',
    });
    expect(
      await failureOf(
        admin.trpc.experiments.start.mutate({
          name: 'unknown',
          arms: [
            { algorithm: 'blend-v1', share: 0.5 },
            { algorithm: 'magic', share: 0.5 },
          ],
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const experiment = await admin.trpc.experiments.start.mutate({
      name: 'skills first',
      arms: [
        { algorithm: 'blend-v1', share: 0.5 },
        { algorithm: 'skills-first-v1', share: 0.5 },
      ],
    });
    expect(
      await codeOf(
        admin.trpc.experiments.start.mutate({
          name: 'second',
          arms: [
            { algorithm: 'blend-v1', share: 0.5 },
            { algorithm: 'skills-first-v1', share: 0.5 },
          ],
        }),
      ),
    ).toBe('CONFLICT');

    const jobId = (await employer.trpc.jobs.create.mutate(nurseJob)).id;
    const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
    const seekers: Awaited<ReturnType<typeof seekerClient>>[] = [];
    for (let i = 0; i < 6; i++) {
      const seeker = await seekerClient(t.app, `s${i}@example.com`);
      await seeker.trpc.seekers.setResume.mutate({ text: resume });
      seekers.push(seeker);
    }
    await t.settle();
    t.clock.advance(60_000);
    // Seeker 0 views, 1 applies and reaches interview, 2 says "not relevant".
    await seekers[0]!.trpc.matches.markViewed.mutate({ jobId });
    const application = await seekers[1]!.trpc.applications.submit.mutate({ jobId, coverLetter: null });
    await employer.trpc.applications.setStatus.mutate({ id: application.id, status: 'reviewed' });
    await employer.trpc.applications.setStatus.mutate({ id: application.id, status: 'interview' });
    await seekers[2]!.trpc.matches.dismiss.mutate({ jobId });

    const rows = (
      await t.pg.query<{ job_seeker_id: number; algorithm_version: string; experiment_name: string }>(
        `select job_seeker_id, algorithm_version, experiment_name from matches order by job_seeker_id`,
      )
    ).rows;
    expect(rows).toHaveLength(6);
    const experimentArms = { name: 'skills first', arms: experiment.arms };
    for (const row of rows)
      expect(row).toMatchObject({
        experiment_name: 'skills first',
        algorithm_version: armFor(row.job_seeker_id, experimentArms).algorithm,
      });

    const results = await admin.trpc.experiments.results.query({ id: experiment.id });
    const expected = (algorithm: string) => {
      const inArm = (i: number) => armFor(seekers[i]!.id, experimentArms).algorithm === algorithm;
      return {
        shown: seekers.filter((s) => armFor(s.id, experimentArms).algorithm === algorithm).length,
        viewed: Number(inArm(0)),
        applied: Number(inArm(1)),
        interview: Number(inArm(1)),
        notRelevant: Number(inArm(2)),
      };
    };
    for (const arm of results.arms) expect(arm.counts).toEqual(expected(arm.algorithm));
    // Six matches: far too few for a verdict.
    expect(results.arms[1]!.comparisons!.applied.verdict).toBe('insufficient_data');

    const quality = await admin.trpc.experiments.quality.query();
    expect(quality.reduce((sum, w) => sum + w.counts.shown, 0)).toBe(6);

    await admin.trpc.experiments.stop.mutate({ id: experiment.id });
    await seekers[3]!.trpc.matches.refresh.mutate();
    await t.settle();
    const after = (
      await t.pg.query<{ algorithm_version: string; experiment_name: string | null }>(
        `select algorithm_version, experiment_name from matches where job_seeker_id = $1`,
        [seekers[3]!.id],
      )
    ).rows;
    expect(after).toEqual([{ algorithm_version: DEFAULT_ALGORITHM, experiment_name: null }]);
  });
});

describe('re-scoring stored matches when an experiment starts and stops', () => {
  it('moves every existing match to its arm, logs each new score, and moves them back after the stop', async () => {
    const t = await createTestApp();
    const admin = await adminClient(t.app, t.db);
    const employer = await employerClient(t.app, 'boss@acme.example');
    await employer.trpc.jobs.create.mutate(nurseJob);
    await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      title: 'Pediatric ICU Nurse',
      skills: [...nurseJob.skills, { name: 'Critical Care', required: true, priority: 1 }],
    });
    const resume = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
    for (let i = 0; i < 8; i++)
      await (await seekerClient(t.app, `r${i}@example.com`)).trpc.seekers.setResume.mutate({ text: resume });
    await t.settle();
    const matches = async () =>
      (
        await t.pg.query<{
          job_seeker_id: number;
          overall_score: number;
          algorithm_version: string;
          experiment_name: string | null;
          semantic_score: number;
          skill_match_score: number;
          missing_skills: unknown;
        }>(
          `select job_seeker_id, overall_score, algorithm_version, experiment_name, semantic_score, skill_match_score, missing_skills from matches order by id`,
        )
      ).rows;
    const before = await matches();
    expect(before).toHaveLength(16);
    expect(before.every((m) => m.algorithm_version === DEFAULT_ALGORITHM && m.experiment_name === null)).toBe(true);

    t.clock.advance(60_000);
    const arms = [
      { algorithm: 'blend-v1', share: 0.5 },
      { algorithm: 'skills-first-v1', share: 0.5 },
    ];
    const experiment = await admin.trpc.experiments.start.mutate({ name: 'rescore trial', arms });
    await t.settle();
    const during = await matches();
    for (const [i, m] of during.entries()) {
      const algorithm = armFor(m.job_seeker_id, { name: 'rescore trial', arms }).algorithm;
      expect(m).toMatchObject({ algorithm_version: algorithm, experiment_name: 'rescore trial' });
      // The seekers have no location and the job is not remote: location fit 0.5.
      expect(m.overall_score).toBeCloseTo(
        ALGORITHMS[algorithm]!.score({
          semantic: before[i]!.semantic_score,
          skills: before[i]!.skill_match_score,
          location: 0.5,
          missing: before[i]!.missing_skills as never,
          lexical: 0,
          titleMatch: 0,
          skillsConfidence: 1,
        }),
        3,
      );
    }
    expect(new Set(during.map((m) => m.algorithm_version)).size).toBe(2);
    const logged = await t.pg.query(
      `select 1 from ai_decisions where experiment_name = 'rescore trial' and reasoning_model = 'kept (re-scored)'`,
    );
    expect(logged.rows).toHaveLength(16);

    await admin.trpc.experiments.stop.mutate({ id: experiment.id });
    await t.settle();
    const after = await matches();
    expect(after.map((m) => [m.algorithm_version, m.experiment_name, m.overall_score])).toEqual(
      before.map((m) => [DEFAULT_ALGORITHM, null, m.overall_score]),
    );
  });
});

describe('career paths', () => {
  it('reads the seniority of a title and what is left of it', () => {
    expect(seniorityOf('Senior Pediatric Nurse')).toEqual({ stem: 'pediatric nurse', level: 3 });
    expect(seniorityOf('Pediatric Nurse')).toEqual({ stem: 'pediatric nurse', level: 2 });
    expect(seniorityOf('Jr. Data Analyst')).toEqual({ stem: 'data analyst', level: 1 });
    expect(seniorityOf('Director of Nursing')).toEqual({ stem: 'nursing', level: 5 });
    expect(seniorityOf('Lead Senior Engineer (C++)')).toEqual({ stem: 'engineer c++', level: 4 });
  });

  it('suggests the skills that open more good matches, from existing visible jobs only, one seniority step up included', async () => {
    // blend-v1, where skills weigh 45%: under blend-v2 (10%) one skill rarely crosses a threshold.
    const t = await createTestApp({ env: { MATCHING_ALGORITHM: 'blend-v1' } });
    const employer = await employerClient(t.app, 'boss@acme.example');
    const withSkills = (title: string, extra: string[]) => ({
      ...nurseJob,
      title,
      skills: [...nurseJob.skills, ...extra.map((name) => ({ name, required: true, priority: 1 as const }))],
    });
    // Punctuation in titles does not hide the step up.
    await employer.trpc.jobs.create.mutate({ ...nurseJob, title: 'Pediatric Nurse (Days)' });
    const icu = await employer.trpc.jobs.create.mutate(withSkills('Pediatric ICU Nurse', ['Critical Care']));
    const senior = await employer.trpc.jobs.create.mutate(withSkills('Senior Pediatric Nurse (Days)', ['ACLS']));
    const closed = await employer.trpc.jobs.create.mutate(withSkills('Pediatric Triage Nurse', ['Triage']));
    await employer.trpc.jobs.setStatus.mutate({ id: closed.id, status: 'closed' });
    const seeker = await seekerClient(t.app, 'nurse@example.com');
    await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text });
    await t.settle();
    // The senior job is not among the seeker's matches: it is reached as the step above "Pediatric Nurse (Days)".
    await t.pg.query(`delete from matches where job_id = $1`, [senior.id]);

    const paths = await seeker.trpc.matches.careerPaths.query({ threshold: 0.6 });
    expect(paths.goodMatchesNow).toBe(1);
    const bySkill = Object.fromEntries(paths.suggestions.map((s) => [s.skill.name, s]));
    expect(bySkill['Critical Care']?.jobs.map((j) => [j.id, j.stepUp])).toEqual([[icu.id, false]]);
    expect(bySkill.ACLS?.jobs.map((j) => [j.id, j.stepUp])).toEqual([[senior.id, true]]);

    const mine = new Set((await seeker.trpc.seekers.skills.query()).map((s) => s.name));
    for (const suggestion of paths.suggestions) {
      expect(mine.has(suggestion.skill.name)).toBe(false);
      expect(suggestion.additionalMatches).toBe(suggestion.jobs.length);
      for (const job of suggestion.jobs) {
        const row = (
          await t.pg.query<{ status: string; has: boolean }>(
            `select status, exists (select 1 from job_skills where job_id = jobs.id and skill_id = $2) as has from jobs where id = $1`,
            [job.id, suggestion.skill.id],
          )
        ).rows[0];
        expect(row).toEqual({ status: 'active', has: true });
        expect(job.scoreNow).toBeLessThan(0.6);
        expect(job.scoreWith).toBeGreaterThanOrEqual(0.6);
      }
    }
    expect(paths.suggestions.flatMap((s) => s.jobs).some((j) => j.id === closed.id)).toBe(false);

    // A seeker without a resume gets no invented suggestions.
    const empty = await seekerClient(t.app, 'empty@example.com');
    expect(await empty.trpc.matches.careerPaths.query({})).toEqual({
      threshold: 0.6,
      goodMatchesNow: 0,
      suggestions: [],
    });
  });
});

describe('blend-v2 against blend-v1, end to end on the demo data', () => {
  const storedMatches = async (t: Awaited<ReturnType<typeof createTestApp>>) =>
    (await t.db.execute(sql`select m.job_seeker_id, m.overall_score, m.algorithm_version, m.experiment_name, ${storedFactsColumns}
      from matches m join jobs on jobs.id = m.job_id join job_seekers s on s.id = m.job_seeker_id order by m.id`)) as unknown as {
      rows: (StoredFactsRow & {
        job_seeker_id: number;
        overall_score: number;
        algorithm_version: string;
        experiment_name: string | null;
      })[];
    };

  it('is the default; an experiment assigns the demo seekers to both arms and re-scores their matches; the setting rolls it back', async () => {
    const t = await createTestApp();
    await t.db.transaction(async (tx) => {
      const ids = new Map(
        (
          (await tx.execute(sql`select id, normalized_name from skills`)) as unknown as {
            rows: { id: number; normalized_name: string }[];
          }
        ).rows.map((r) => [r.normalized_name, r.id]),
      );
      await loadDemoData(tx, ids, 'x', TEST_START);
    });
    await enrichDemoData(t.db, createProviders(), TEST_START);
    const before = (await storedMatches(t)).rows;
    expect(before.length).toBeGreaterThan(100);
    expect(new Set(before.map((m) => m.algorithm_version))).toEqual(new Set(['blend-v2']));

    const admin = await adminClient(t.app, t.db);
    const arms = [
      { algorithm: 'blend-v1', share: 0.5 },
      { algorithm: 'blend-v2', share: 0.5 },
    ];
    const experiment = await admin.trpc.experiments.start.mutate({ name: 'blend-v2 rollout', arms });
    await t.settle();
    const during = (await storedMatches(t)).rows;
    const armOf = (seekerId: number) => armFor(seekerId, { name: 'blend-v2 rollout', arms }).algorithm;
    expect(new Set(during.map((m) => armOf(m.job_seeker_id)))).toEqual(new Set(['blend-v1', 'blend-v2']));
    for (const m of during) {
      expect(m).toMatchObject({ algorithm_version: armOf(m.job_seeker_id), experiment_name: 'blend-v2 rollout' });
      expect(m.overall_score).toBeCloseTo(ALGORITHMS[m.algorithm_version]!.score(factsOfStoredMatch(m)), 4);
    }
    // The blend-v1 arm's scores are blend-v1's: some order of jobs changed.
    const changed = during.filter(
      (m, i) => m.algorithm_version === 'blend-v1' && Math.abs(m.overall_score - before[i]!.overall_score) > 1e-4,
    );
    expect(changed.length).toBeGreaterThan(0);

    // Rolled back by the setting: with no experiment, the sweep moves every match to MATCHING_ALGORITHM.
    await admin.trpc.experiments.stop.mutate({ id: experiment.id });
    await t.settle();
    await runMaintenance(t.db, {
      now: t.clock.now,
      config: {
        resumeRetentionMonths: 24,
        decisionLogRetentionMonths: 12,
        matchingAlgorithm: 'blend-v1',
      },
    });
    const rolledBack = (await storedMatches(t)).rows;
    expect(new Set(rolledBack.map((m) => m.algorithm_version))).toEqual(new Set(['blend-v1']));
    for (const m of rolledBack)
      expect(m.overall_score).toBeCloseTo(ALGORITHMS['blend-v1']!.score(factsOfStoredMatch(m)), 4);
  }, 120_000);

  it('reads MATCHING_ALGORITHM, refusing a name that is not an algorithm', () => {
    expect(parseConfig({}).matchingAlgorithm).toBe('blend-v2');
    expect(parseConfig({ MATCHING_ALGORITHM: 'blend-v1' }).matchingAlgorithm).toBe('blend-v1');
    expect(() => parseConfig({ MATCHING_ALGORITHM: 'magic' })).toThrow(
      /MATCHING_ALGORITHM must be one of blend-v1, skills-first-v1, blend-v2/,
    );
  });
});
