import { describe, expect, it } from 'vitest';
import { generateMatchesForSeeker } from '../server/matching/generate.ts';
import { createProviders } from '../server/providers.ts';
import { impactTable, type AuditPerson } from '../server/audit/service.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { createTestApp } from './helpers/app.ts';
import { adminClient, codeOf, employerClient, nurseJob, seekerClient } from './helpers/actors.ts';

const people = (sex: string | null, race: string | null, total: number, positive: number): AuditPerson[] =>
  Array.from({ length: total }, (_, i) => ({ sex, raceEthnicity: race, positive: i < positive }));

describe('impact ratios, against a hand-computed example', () => {
  it('divide each category’s rate by the highest, flag under 0.8, mark categories under 2%', () => {
    // 100 people: men 40 (16 selected: 0.40), women 50 (15: 0.30), 1 with no answer, 9 who prefer not to say... as sex.
    const group = [
      ...people('male', 'white', 40, 16),
      ...people('female', 'asian', 50, 15),
      ...people('female', 'white', 1, 1),
      ...people(null, null, 1, 0),
      ...people('prefer_not_to_say', null, 8, 2),
    ];
    const table = impactTable(group, (p) => (p.sex && p.sex !== 'prefer_not_to_say' ? p.sex : null));
    expect(table.unknown).toBe(9);
    expect(table.rows).toEqual([
      // women: 16 of 51 = 0.31373; 0.31373 / 0.4 = 0.78431 < 0.8: flagged.
      {
        category: 'female',
        suppressed: false,
        total: 51,
        positive: 16,
        rate: 16 / 51,
        impactRatio: 16 / 51 / 0.4,
        under2Percent: false,
        flagged: true,
      },
      {
        category: 'male',
        suppressed: false,
        total: 40,
        positive: 16,
        rate: 0.4,
        impactRatio: 1,
        under2Percent: false,
        flagged: false,
      },
    ]);
    const byRace = impactTable(group, (p) => p.raceEthnicity);
    // white: 17 of 41 = 0.41463 sets the bar; asian 15 of 50 = 0.3 -> 0.72353.
    expect(byRace.rows.map((r) => [r.category, r.total, Number(r.impactRatio!.toFixed(5)), r.flagged])).toEqual([
      ['asian', 50, 0.72353, true],
      ['white', 41, 1, false],
    ]);
    // One woman who is white: fewer than 5 people, so no figure of hers is shown and her rate
    // of 1 is not the bar.
    const intersection = impactTable(group, (p) =>
      p.sex === 'female' && p.raceEthnicity === 'white' ? 'female × white' : p.sex === 'male' ? 'male × white' : null,
    );
    expect(intersection.rows.find((r) => r.category === 'female × white')).toEqual({
      category: 'female × white',
      suppressed: true,
      total: null,
      positive: null,
      rate: null,
      impactRatio: null,
      under2Percent: false,
      flagged: false,
    });
    expect(intersection.rows.find((r) => r.category === 'male × white')).toMatchObject({ impactRatio: 1 });
  });

  it('suppresses every category under 5 people, and marks one of 5 or more under 2% of everyone', () => {
    expect(impactTable(people('female', 'white', 4, 4), (p) => p.sex).rows).toEqual([
      {
        category: 'female',
        suppressed: true,
        total: null,
        positive: null,
        rate: null,
        impactRatio: null,
        under2Percent: false,
        flagged: false,
      },
    ]);
    // 300 people: 5 women (all selected, 1.7% of everyone) and 295 men (100 selected: 0.33898).
    const group = [...people('female', 'white', 5, 5), ...people('male', 'white', 295, 100)];
    const table = impactTable(group, (p) => p.sex);
    expect(table.rows.find((r) => r.category === 'female')).toMatchObject({
      total: 5,
      rate: 1,
      under2Percent: true,
      flagged: false,
      impactRatio: 295 / 100,
    });
    expect(table.rows.find((r) => r.category === 'male')).toMatchObject({ impactRatio: 1 });
  });
});

describe('the audit of an employer', () => {
  it('counts selection from applications and scoring from matches, per category, and exports CSV', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    const job = await employer.trpc.jobs.create.mutate(nurseJob);
    const answers = [
      ['female', 'asian'],
      ['female', 'white'],
      ['male', 'white'],
      ['prefer_not_to_say', null],
    ] as const;
    const applicationIds: number[] = [];
    for (const [i, [sex, race]] of answers.entries()) {
      const seeker = await seekerClient(t.app, `s${i}@example.com`);
      await seeker.trpc.seekers.selfIdentify.mutate({ sex, raceEthnicity: race });
      await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[i === 3 ? 6 : 1]!.text });
      await t.settle();
      applicationIds.push((await seeker.trpc.applications.submit.mutate({ jobId: job.id, coverLetter: null })).id);
    }
    // The first woman and the man reach interview.
    for (const id of [applicationIds[0]!, applicationIds[2]!]) {
      await employer.trpc.applications.setStatus.mutate({ id, status: 'reviewed' });
      await employer.trpc.applications.setStatus.mutate({ id, status: 'interview' });
    }
    const audit = await employer.trpc.audit.forEmployer.query({ jobId: job.id });
    expect(audit.selection.total).toBe(4);
    expect(audit.selection.sex.unknown).toBe(1);
    // Two women, one man: each category is under 5 people, so none shows a figure or a ratio.
    expect(
      audit.selection.sex.rows.map((r) => [r.category, r.suppressed, r.total, r.positive, r.rate, r.impactRatio]),
    ).toEqual([
      ['female', true, null, null, null, null],
      ['male', true, null, null, null, null],
    ]);
    expect(audit.selection.intersection.rows.every((r) => r.suppressed && r.total === null)).toBe(true);
    expect(audit.scoring.total).toBe(4);
    expect(audit.csv.split('\n')[0]).toBe(
      'measure,grouping,category,total,positive,rate,impact_ratio,under_2_percent,flagged',
    );
    expect(audit.csv).toContain('selection,sex,"female","fewer than 5",,,,,');
    expect(audit.csv).not.toMatch(/"(female|male)[^"]*",\d/);

    const rival = await employerClient(t.app, 'boss@rival.example');
    expect(await codeOf(rival.trpc.audit.forEmployer.query({ jobId: job.id }))).toBe('NOT_FOUND');
    const admin = await adminClient(t.app, t.db);
    expect((await admin.trpc.audit.platform.query()).selection.total).toBe(4);

    // Self-identification never reaches an employer's view of candidates.
    const views = JSON.stringify([
      await employer.trpc.applications.forJob.query({ jobId: job.id }),
      await employer.trpc.matches.candidatesForJob.query({ jobId: job.id }),
    ]);
    expect(views).not.toMatch(/asian|prefer_not_to_say|"female"|"male"/);
  });
});

describe('self-identification', () => {
  it('changes no score', async () => {
    const t = await createTestApp();
    const employer = await employerClient(t.app, 'boss@acme.example');
    await employer.trpc.jobs.create.mutate(nurseJob);
    const seeker = await seekerClient(t.app, 'sam@example.com');
    await seeker.trpc.seekers.setResume.mutate({ text: RESUME_FIXTURES[1]!.text });
    await t.settle();
    const ai = createProviders();
    const scores = async () =>
      (await seeker.trpc.matches.forMe.query({})).items.map((m) => [
        m.jobId,
        m.overallScore,
        m.semanticScore,
        m.skillMatchScore,
        m.matchReasoning,
      ]);
    const before = await scores();
    for (const answer of [
      { sex: 'female', raceEthnicity: 'black_or_african_american' },
      { sex: 'male', raceEthnicity: 'white' },
      { sex: null, raceEthnicity: null },
    ] as const) {
      await seeker.trpc.seekers.selfIdentify.mutate(answer);
      await generateMatchesForSeeker(t.db, ai, seeker.id, t.clock.now);
      expect(await scores()).toEqual(before);
    }
    expect(await seeker.trpc.seekers.selfIdentification.query()).toEqual({
      sex: null,
      raceEthnicity: null,
      asked: true,
    });
  });

  it('is asked once: a seeker who never answered is asked, one who declined is not', async () => {
    const t = await createTestApp();
    const other = await seekerClient(t.app, 'new-seeker@example.com');
    expect(await other.trpc.seekers.selfIdentification.query()).toEqual({
      sex: null,
      raceEthnicity: null,
      asked: false,
    });
    await other.trpc.seekers.selfIdentify.mutate({ sex: null, raceEthnicity: null });
    expect(await other.trpc.seekers.selfIdentification.query()).toEqual({
      sex: null,
      raceEthnicity: null,
      asked: true,
    });
  });
});
