import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PROFICIENCY_LEVELS } from '../db/schema.ts';
import { createAdmin } from '../server/auth/admin.ts';
import { normalizeSkillName } from '../server/skills/normalize.ts';
import { buildLexicon, findSkillMentions } from '../server/skills/lexicon.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { resolveSkillNames } from '../server/skills/catalog.ts';
import { customSkillMatchId } from '../server/skills/custom.ts';
import { jobSkillFacts, seekerSkillFacts } from '../server/matching/generate.ts';
import { skillMatch } from '../server/matching/scoring.ts';
import { originAfterSave } from '../server/seekers/skills.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { employerClient, nurseJob, seekerClient } from './helpers/actors.ts';
import { apiClient, createTestApp, testPasswordHasher } from './helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: ReturnType<typeof apiClient>;
let seeker: ReturnType<typeof apiClient>;
const PASSWORD = 'correct horse battery';

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => 'OK',
    (e: unknown) => (e instanceof TRPCClientError ? String(e.data?.code) : Promise.reject(e)),
  );
}

beforeEach(async () => {
  t = await createTestApp();
  await createAdmin(t.db, await testPasswordHasher(), { email: 'admin@platform.example', password: PASSWORD });
  admin = apiClient(t.app);
  await admin.trpc.auth.signIn.mutate({ email: 'admin@platform.example', password: PASSWORD });
  seeker = apiClient(t.app);
  await seeker.trpc.auth.signUp.mutate({
    userType: 'job_seeker',
    email: 'sam@example.com',
    password: PASSWORD,
    firstName: 'Sam',
    lastName: 'Lee',
  });
});

describe('normalization', () => {
  it('folds case, spacing and version suffixes, keeping meaningful punctuation', () => {
    expect(['python', 'Python 3', 'PYTHON', '  python  ', 'Python 3.12'].map(normalizeSkillName)).toEqual(
      Array(5).fill('python'),
    );
    expect(['C++', 'C#', '.NET', 'Node.js', 'CI/CD'].map(normalizeSkillName)).toEqual([
      'c++',
      'c#',
      '.net',
      'node.js',
      'ci/cd',
    ]);
  });

  it('finds in text every mention trying each run of words would find (phrases start with a known first word)', () => {
    const lexicon = buildLexicon(SKILLS_CATALOG);
    const everyRun = { ...lexicon, firstWords: { has: () => true } as unknown as Set<string> };
    const texts = [
      ...RESUME_FIXTURES.map((fixture) => fixture.text),
      'Python 3, Node.js, CI/CD-driven teams; React/Redux and .NET; Business Analyst; k8s and TS',
    ];
    for (const text of texts) {
      const found = findSkillMentions(lexicon, text);
      expect(found).toEqual(findSkillMentions(everyRun, text));
      expect(findSkillMentions(lexicon, text, { lenient: true })).toEqual(
        findSkillMentions(everyRun, text, { lenient: true }),
      );
    }
    expect(findSkillMentions(lexicon, texts.at(-1)!).map((m) => m.name)).toEqual(
      expect.arrayContaining(['Python', 'Node.js', 'React', 'Kubernetes']),
    );
  });

  it('resolves names and aliases to one catalog skill', async () => {
    const resolved = await resolveSkillNames(t.db, [
      'python',
      'Python 3',
      'PYTHON',
      'JS',
      'k8s',
      'TS',
      'postgres',
      'ReactJS',
      'node',
      'golang',
      'Underwater basket weaving',
    ]);
    expect(Object.fromEntries([...resolved].map(([k, v]) => [k, v.name]))).toEqual({
      python: 'Python',
      'Python 3': 'Python',
      PYTHON: 'Python',
      JS: 'JavaScript',
      k8s: 'Kubernetes',
      TS: 'TypeScript',
      postgres: 'PostgreSQL',
      ReactJS: 'React',
      node: 'Node.js',
      golang: 'Go',
    });
  });
});

describe('skills.search', () => {
  it('ranks an exact name, then an alias, then prefixes, and says which alias matched', async () => {
    const results = await apiClient(t.app).trpc.skills.search.query({ q: 'k8s' });
    expect(results[0]).toMatchObject({ name: 'Kubernetes', matchedAlias: 'k8s', category: 'technical' });
    const java = await apiClient(t.app).trpc.skills.search.query({ q: 'Java' });
    expect(java.map((r) => r.name).slice(0, 2)).toEqual(['Java', 'JavaScript']);
    const react = await apiClient(t.app).trpc.skills.search.query({ q: 'react' });
    expect(react.map((r) => r.name).slice(0, 2)).toEqual(['React', 'React Native']);
  });

  it('finds a word inside a name, treats LIKE wildcards literally, and answers [] for nothing', async () => {
    expect((await apiClient(t.app).trpc.skills.search.query({ q: 'learning' })).map((r) => r.name)).toEqual(
      expect.arrayContaining(['Machine Learning', 'Deep Learning']),
    );
    expect(await apiClient(t.app).trpc.skills.search.query({ q: '%' })).toEqual([]);
    expect(await apiClient(t.app).trpc.skills.search.query({ q: '   ' })).toEqual([]);
  });
});

describe('seekers.setSkills', () => {
  it('replaces the set in one go, folding aliases into one skill', async () => {
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [{ name: 'Go', proficiencyLevel: 'beginner', yearsExperience: 1 }],
    });
    const skills = await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'JS', proficiencyLevel: 'intermediate', yearsExperience: 2 },
        { name: 'javascript', proficiencyLevel: 'expert', yearsExperience: 6 },
        { name: 'k8s', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    expect(skills.map((s) => [s.name, s.proficiencyLevel, s.yearsExperience])).toEqual([
      ['JavaScript', 'expert', 6],
      ['Kubernetes', null, null],
    ]);
  });

  it('refuses a negative number of years and an unknown level', async () => {
    expect(
      await code(
        seeker.trpc.seekers.setSkills.mutate({
          skills: [{ name: 'Go', proficiencyLevel: 'beginner', yearsExperience: -1 }],
        }),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      await code(
        seeker.trpc.seekers.setSkills.mutate({
          skills: [{ name: 'Go', proficiencyLevel: 'guru' as never, yearsExperience: 1 }],
        }),
      ),
    ).toBe('BAD_REQUEST');
  });
});

describe('admin procedures', () => {
  it('are refused to everyone else', async () => {
    expect(await code(seeker.trpc.skills.add.mutate({ name: 'Zig', category: 'technical', aliases: [] }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(seeker.trpc.skills.merge.mutate({ fromId: 1, intoId: 2 }))).toBe('FORBIDDEN');
    expect(await code(apiClient(t.app).trpc.skills.addAlias.mutate({ skillId: 1, alias: 'x' }))).toBe('UNAUTHORIZED');
    expect(await code(seeker.trpc.skills.list.query())).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.skills.pending.query())).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.skills.approve.mutate({ name: 'Alteryx' }))).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.skills.reject.mutate({ name: 'Alteryx' }))).toBe('FORBIDDEN');
    expect(await code(apiClient(t.app).trpc.skills.pending.query())).toBe('UNAUTHORIZED');
  });

  it('leave no way for anyone else to add to the catalog (skills.create is gone)', async () => {
    const response = await seeker.fetch('http://localhost/trpc/skills.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Visit cheap-pills.example now' }),
    });
    expect(response.status).toBe(404);
    expect((await t.pg.query(`select 1 from skills where name ilike '%cheap-pills%'`)).rows).toEqual([]);
  });

  it('add a skill with aliases, and refuse a name or alias that is taken', async () => {
    const zig = await admin.trpc.skills.add.mutate({ name: 'Zig', category: 'technical', aliases: ['ziglang'] });
    expect((await resolveSkillNames(t.db, ['ZIGLANG'])).get('ZIGLANG')).toEqual(zig);
    const taken = await admin.trpc.skills.add
      .mutate({ name: 'zig ', category: 'technical', aliases: [] })
      .catch((e: Error) => e);
    expect((taken as Error).message).toBe('“zig” already names the skill Zig.');
    expect(await code(admin.trpc.skills.addAlias.mutate({ skillId: zig.id, alias: 'JS' }))).toBe('CONFLICT');
    expect(await code(admin.trpc.skills.addAlias.mutate({ skillId: 999_999, alias: 'nothing' }))).toBe('NOT_FOUND');
  });

  it('merge two skills, moving every seeker and job link and keeping the old name as an alias', async () => {
    const dup = await admin.trpc.skills.add.mutate({ name: 'Postgre SQL Server', category: null });
    const postgres = (await resolveSkillNames(t.db, ['PostgreSQL'])).get('PostgreSQL')!;
    const other = apiClient(t.app);
    await other.trpc.auth.signUp.mutate({
      userType: 'job_seeker',
      email: 'kim@example.com',
      password: PASSWORD,
      firstName: 'Kim',
      lastName: 'Park',
    });
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [{ name: 'Postgre SQL Server', proficiencyLevel: 'expert', yearsExperience: 7 }],
    });
    await other.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Postgre SQL Server', proficiencyLevel: null, yearsExperience: 2 },
        { name: 'PostgreSQL', proficiencyLevel: 'beginner', yearsExperience: 1 },
      ],
    });
    await t.pg.query(`insert into users (email, password_hash, user_type) values ('e@x.example', 'x', 'employer')`);
    await t.pg.query(`insert into employers (id, company_name) select id, 'X' from users where email = 'e@x.example'`);
    await t.pg.query(
      `insert into jobs (employer_id, title, description) select id, 'DBA', 'Databases' from users where email = 'e@x.example'`,
    );
    await t.pg.query(`insert into job_skills (job_id, skill_id, required, priority) select id, $1, true, 1 from jobs`, [
      dup.id,
    ]);

    expect(await admin.trpc.skills.merge.mutate({ fromId: dup.id, intoId: postgres.id })).toEqual(postgres);

    expect(
      (await seeker.trpc.seekers.skills.query()).map((s) => [s.name, s.proficiencyLevel, s.yearsExperience]),
    ).toEqual([['PostgreSQL', 'expert', 7]]);
    expect(
      (await other.trpc.seekers.skills.query()).map((s) => [s.name, s.proficiencyLevel, s.yearsExperience]),
    ).toEqual([['PostgreSQL', 'beginner', 2]]);
    const jobLinks = await t.pg.query<{ skill_id: number; required: boolean }>(
      'select skill_id, required from job_skills',
    );
    expect(jobLinks.rows).toEqual([{ skill_id: postgres.id, required: true }]);
    expect((await t.pg.query('select 1 from skills where id = $1', [dup.id])).rows).toEqual([]);
    expect((await resolveSkillNames(t.db, ['postgre sql server'])).get('postgre sql server')).toEqual(postgres);
  });

  it('refuse to merge a skill into itself or into nothing', async () => {
    expect(await code(admin.trpc.skills.merge.mutate({ fromId: 1, intoId: 1 }))).toBe('BAD_REQUEST');
    expect(await code(admin.trpc.skills.merge.mutate({ fromId: 1, intoId: 999_999 }))).toBe('NOT_FOUND');
  });

  it('list the catalog with aliases and usage', async () => {
    const list = await admin.trpc.skills.list.query();
    expect(list.length).toBeGreaterThanOrEqual(300);
    expect(list.find((s) => s.name === 'Kubernetes')).toMatchObject({
      category: 'technical',
      aliases: ['k8s', 'kube'],
      seekers: 0,
      jobs: 0,
    });
  });
});

describe('where a seeker skill came from', () => {
  const nurse = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!.text;
  const engineer = RESUME_FIXTURES.find((f) => f.id === 'data-engineer')!.text;
  const origins = async () =>
    Object.fromEntries((await seeker.trpc.seekers.skills.query()).map((s) => [s.name, s.source]));
  const asSaved = (skills: Awaited<ReturnType<typeof seeker.trpc.seekers.skills.query>>) =>
    skills.map((s) => ({
      name: s.name,
      proficiencyLevel: s.proficiencyLevel as (typeof PROFICIENCY_LEVELS)[number] | null,
      yearsExperience: s.yearsExperience,
    }));

  it('keeps untouched read skills as read, an edited or confirmed one as confirmed, an added one as typed', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurse });
    const read = await seeker.trpc.seekers.skills.query();
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(new Set(read.map((s) => s.source))).toEqual(new Set(['resume']));
    const [edited, confirmed, ...untouched] = asSaved(read);
    const saved = await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { ...edited!, proficiencyLevel: 'expert' },
        { ...confirmed!, confirm: true },
        ...untouched,
        { name: 'Python', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    const bySource = Object.fromEntries(saved.map((s) => [s.name, s.source]));
    expect(bySource[edited!.name]).toBe('confirmed');
    expect(bySource[confirmed!.name]).toBe('confirmed');
    for (const skill of untouched) expect(bySource[skill.name]).toBe('resume');
    expect(bySource.Python).toBe('typed');
    // Evidence from the resume stays with a confirmed skill.
    expect(saved.find((s) => s.name === edited!.name)!.evidence).toBe(
      read.find((s) => s.name === edited!.name)!.evidence,
    );
  });

  it('a new resume replaces the read skills and keeps the typed and confirmed ones', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurse });
    const read = asSaved(await seeker.trpc.seekers.skills.query());
    const [confirmed, ...rest] = read;
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { ...confirmed!, confirm: true },
        ...rest,
        { name: 'Alteryx', proficiencyLevel: 'beginner', yearsExperience: 1 },
      ],
    });

    await seeker.trpc.seekers.setResume.mutate({ text: engineer });
    const after = await origins();
    expect(after[confirmed!.name]).toBe('confirmed');
    expect(after.Alteryx).toBe('typed');
    for (const skill of rest) if (after[skill.name] !== undefined) expect(['resume']).toContain(after[skill.name]);
    // Nursing skills read only from the first resume are gone; the engineer's are read.
    expect(rest.some((s) => after[s.name] === undefined)).toBe(true);
    expect(after.Python ?? after.SQL).toBe('resume');
  });

  it('originAfterSave: the rules on their own', () => {
    const base = { name: 'Go', proficiencyLevel: null, yearsExperience: null, confirm: false };
    expect(originAfterSave(undefined, base)).toBe('typed');
    expect(originAfterSave({ source: 'resume', proficiencyLevel: null, yearsExperience: null }, base)).toBe('resume');
    expect(
      originAfterSave(
        { source: 'resume', proficiencyLevel: null, yearsExperience: null },
        { ...base, yearsExperience: 2 },
      ),
    ).toBe('confirmed');
    expect(
      originAfterSave({ source: 'resume', proficiencyLevel: null, yearsExperience: null }, { ...base, confirm: true }),
    ).toBe('confirmed');
    expect(originAfterSave({ source: 'confirmed', proficiencyLevel: 'expert', yearsExperience: 3 }, base)).toBe(
      'confirmed',
    );
    expect(
      originAfterSave({ source: 'typed', proficiencyLevel: null, yearsExperience: null }, { ...base, confirm: true }),
    ).toBe('typed');
  });
});

describe('custom skills: a name the catalog lacks stays its owner’s', () => {
  it('is kept on the seeker’s row, shown to them, and waits for review', async () => {
    const saved = await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Python', proficiencyLevel: null, yearsExperience: null },
        { name: ' Alteryx  Designer ', proficiencyLevel: 'expert', yearsExperience: 4 },
      ],
    });
    expect(saved.map((s) => [s.name, s.custom, s.inReview, s.skillId === null])).toEqual([
      ['Alteryx Designer', true, true, true],
      ['Python', false, false, false],
    ]);
    // One row per owner and folded name.
    const again = await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'alteryx designer', proficiencyLevel: null, yearsExperience: 1 },
        { name: 'ALTERYX DESIGNER', proficiencyLevel: null, yearsExperience: 5 },
      ],
    });
    expect(again.map((s) => [s.name, s.yearsExperience])).toEqual([['ALTERYX DESIGNER', 5]]);
    expect(
      await code(
        seeker.trpc.seekers.setSkills.mutate({
          skills: [{ name: '!!!', proficiencyLevel: null, yearsExperience: null }],
        }),
      ),
    ).toBe('BAD_REQUEST');
  });

  it('is never offered to others: not in skills.search, not inferred for jobs, not in another seeker’s list', async () => {
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Alteryx', proficiencyLevel: null, yearsExperience: null },
        { name: 'Visit cheap-pills.example now', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    for (const q of ['alteryx', 'visit', 'cheap']) {
      expect(await apiClient(t.app).trpc.skills.search.query({ q })).toEqual([]);
      expect(await seeker.trpc.skills.search.query({ q })).toEqual([]);
    }
    const other = await seekerClient(t.app, 'kim@example.com');
    expect(await other.trpc.seekers.skills.query()).toEqual([]);
    const employer = await employerClient(t.app, 'hr@acme.example');
    const job = await employer.trpc.jobs.create.mutate({
      title: 'Data Analyst',
      description: 'Build Alteryx workflows and SQL reports. Visit cheap-pills.example now.',
    });
    await t.settle();
    const names = (await apiClient(t.app).trpc.jobs.get.query({ id: job.id })).skills.map((s) => s.name);
    expect(names).toContain('SQL');
    expect(names).not.toContain('Alteryx');
    expect(names.join(' ')).not.toMatch(/cheap-pills/i);
  });

  it('an employer’s custom skill shows on the job, as written', async () => {
    const employer = await employerClient(t.app, 'hr@acme.example');
    const job = await employer.trpc.jobs.create.mutate({
      ...nurseJob,
      skills: [
        { name: 'Pediatrics', required: true, priority: 1 },
        { name: 'Epic Rover', required: false, priority: 3 },
      ],
    });
    const skills = (await apiClient(t.app).trpc.jobs.get.query({ id: job.id })).skills;
    expect(skills.map((s) => [s.name, s.custom])).toEqual([
      ['Pediatrics', false],
      ['Epic Rover', true],
    ]);
  });

  it('is matched as text: a seeker’s custom “Alteryx” meets a job’s custom “alteryx”', async () => {
    const employer = await employerClient(t.app, 'hr@acme.example');
    const job = await employer.trpc.jobs.create.mutate({
      title: 'Analyst',
      description: 'Reports.',
      skills: [
        { name: 'alteryx', required: true, priority: 1 },
        { name: 'SQL', required: true, priority: 1 },
        { name: 'Power Query M', required: true, priority: 2 },
      ],
    });
    const me = (await seeker.trpc.seekers.me.query())!;
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Alteryx', proficiencyLevel: 'expert', yearsExperience: null },
        { name: 'SQL', proficiencyLevel: 'expert', yearsExperience: null },
      ],
    });
    const jobFacts = (await jobSkillFacts(t.db, [job.id])).get(job.id)!;
    const mine = (await seekerSkillFacts(t.db, [me.id])).get(me.id)!;
    const fit = skillMatch(jobFacts, mine, null);
    expect(fit.matched.map((s) => s.name).sort()).toEqual(['SQL', 'alteryx']);
    expect(fit.missing.map((s) => s.name)).toEqual(['Power Query M']);
    expect(customSkillMatchId('alteryx')).toBeLessThan(0);
  });
});

describe('the review queue', () => {
  async function world() {
    const other = await seekerClient(t.app, 'kim@example.com');
    const employer = await employerClient(t.app, 'hr@acme.example');
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Alteryx', proficiencyLevel: 'expert', yearsExperience: 3 },
        { name: 'Team', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    await other.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'alteryx', proficiencyLevel: null, yearsExperience: 1 },
        { name: 'Tableau', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    const job = await employer.trpc.jobs.create.mutate({
      title: 'Analyst',
      description: 'Reports.',
      skills: [
        { name: 'ALTERYX', required: true, priority: 1 },
        { name: 'Tableau Prep', required: false, priority: 2 },
      ],
    });
    return { other, employer, job };
  }

  it('lists each pending name with how many seekers and jobs use it', async () => {
    await world();
    expect(await admin.trpc.skills.pending.query()).toEqual([
      { normalizedName: 'alteryx', name: 'ALTERYX', seekers: 2, jobs: 1 },
      { normalizedName: 'tableau prep', name: 'Tableau Prep', seekers: 0, jobs: 1 },
      { normalizedName: 'team', name: 'Team', seekers: 1, jobs: 0 },
    ]);
  });

  it('approve creates the catalog skill and turns every such row into it', async () => {
    const { other, job } = await world();
    const approved = await admin.trpc.skills.approve.mutate({ name: 'Alteryx', category: 'technical' });
    expect(approved).toMatchObject({ name: 'Alteryx', rowsConverted: 3 });
    const mine = (await seeker.trpc.seekers.skills.query()).find((s) => s.name === 'Alteryx')!;
    expect(mine).toMatchObject({
      skillId: approved.id,
      custom: false,
      inReview: false,
      proficiencyLevel: 'expert',
      yearsExperience: 3,
      source: 'typed',
    });
    expect((await other.trpc.seekers.skills.query()).find((s) => s.skillId === approved.id)).toMatchObject({
      name: 'Alteryx',
      yearsExperience: 1,
    });
    expect(
      (await apiClient(t.app).trpc.jobs.get.query({ id: job.id })).skills.find((s) => s.skillId === approved.id),
    ).toMatchObject({ name: 'Alteryx', custom: false });
    expect((await apiClient(t.app).trpc.skills.search.query({ q: 'alter' }))[0]).toMatchObject({
      name: 'Alteryx',
      category: 'technical',
    });
    expect((await admin.trpc.skills.pending.query()).map((p) => p.normalizedName)).toEqual(['tableau prep', 'team']);
  });

  it('approve as an alias maps the name onto an existing skill', async () => {
    const { job } = await world();
    const tableau = (await resolveSkillNames(t.db, ['Tableau'])).get('Tableau')!;
    expect(await admin.trpc.skills.approve.mutate({ name: 'Tableau Prep', aliasOf: tableau.id })).toMatchObject({
      id: tableau.id,
      name: 'Tableau',
      rowsConverted: 1,
    });
    expect((await apiClient(t.app).trpc.jobs.get.query({ id: job.id })).skills.map((s) => s.name)).toContain('Tableau');
    expect((await resolveSkillNames(t.db, ['tableau prep'])).get('tableau prep')).toEqual(tableau);
  });

  it('approve keeps one row when the owner already had the catalog skill', async () => {
    await world();
    const tableau = (await resolveSkillNames(t.db, ['Tableau'])).get('Tableau')!;
    const kim = await seekerClient(t.app, 'lee@example.com');
    await kim.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'Tableau', proficiencyLevel: 'expert', yearsExperience: 2 },
        { name: 'Tableau Prep', proficiencyLevel: null, yearsExperience: null },
      ],
    });
    await admin.trpc.skills.approve.mutate({ name: 'tableau prep', aliasOf: tableau.id });
    expect((await kim.trpc.seekers.skills.query()).map((s) => [s.name, s.proficiencyLevel])).toEqual([
      ['Tableau', 'expert'],
    ]);
  });

  it('reject takes the name out of the queue; its owners keep it as their own', async () => {
    await world();
    expect(await admin.trpc.skills.reject.mutate({ name: 'team' })).toEqual({ rejected: true });
    expect((await admin.trpc.skills.pending.query()).map((p) => p.normalizedName)).toEqual(['alteryx', 'tableau prep']);
    expect((await seeker.trpc.seekers.skills.query()).find((s) => s.name === 'Team')).toMatchObject({
      custom: true,
      inReview: false,
    });
    expect((await apiClient(t.app).trpc.skills.search.query({ q: 'team' })).map((s) => s.name)).not.toContain('Team');
  });

  it('answers NOT_FOUND for a name no one uses', async () => {
    await world();
    expect(await code(admin.trpc.skills.approve.mutate({ name: 'Nobody uses this' }))).toBe('NOT_FOUND');
    expect(await code(admin.trpc.skills.reject.mutate({ name: 'Nobody uses this' }))).toBe('NOT_FOUND');
  });

  it('an admin adding the name (or an alias) directly also turns the custom rows into the catalog skill', async () => {
    const { job } = await world();
    const alteryx = await admin.trpc.skills.add.mutate({ name: 'Alteryx', category: 'technical' });
    expect((await seeker.trpc.seekers.skills.query()).find((s) => s.name === 'Alteryx')).toMatchObject({
      skillId: alteryx.id,
      custom: false,
    });
    const tableau = (await resolveSkillNames(t.db, ['Tableau'])).get('Tableau')!;
    await admin.trpc.skills.addAlias.mutate({ skillId: tableau.id, alias: 'Tableau Prep' });
    expect((await apiClient(t.app).trpc.jobs.get.query({ id: job.id })).skills.map((s) => [s.name, s.custom])).toEqual([
      ['Alteryx', false],
      ['Tableau', false],
    ]);
    expect((await admin.trpc.skills.pending.query()).map((p) => p.normalizedName)).toEqual(['team']);
  });
});
