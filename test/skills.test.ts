import { TRPCClientError } from '@trpc/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../server/auth/admin.ts';
import { normalizeSkillName } from '../server/skills/normalize.ts';
import { resolveSkillNames } from '../server/skills/catalog.ts';
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
  await seeker.trpc.auth.signUp.mutate({ userType: 'job_seeker', email: 'sam@example.com', password: PASSWORD, firstName: 'Sam', lastName: 'Lee' });
});

describe('normalization', () => {
  it('folds case, spacing and version suffixes, keeping meaningful punctuation', () => {
    expect(['python', 'Python 3', 'PYTHON', '  python  ', 'Python 3.12'].map(normalizeSkillName)).toEqual(Array(5).fill('python'));
    expect(['C++', 'C#', '.NET', 'Node.js', 'CI/CD'].map(normalizeSkillName)).toEqual(['c++', 'c#', '.net', 'node.js', 'ci/cd']);
  });

  it('resolves names and aliases to one catalog skill', async () => {
    const resolved = await resolveSkillNames(t.db, ['python', 'Python 3', 'PYTHON', 'JS', 'k8s', 'TS', 'postgres', 'ReactJS', 'node', 'golang', 'Underwater basket weaving']);
    expect(Object.fromEntries([...resolved].map(([k, v]) => [k, v.name]))).toEqual({
      python: 'Python', 'Python 3': 'Python', PYTHON: 'Python', JS: 'JavaScript', k8s: 'Kubernetes', TS: 'TypeScript',
      postgres: 'PostgreSQL', ReactJS: 'React', node: 'Node.js', golang: 'Go',
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
    expect((await apiClient(t.app).trpc.skills.search.query({ q: 'learning' })).map((r) => r.name)).toEqual(expect.arrayContaining(['Machine Learning', 'Deep Learning']));
    expect(await apiClient(t.app).trpc.skills.search.query({ q: '%' })).toEqual([]);
    expect(await apiClient(t.app).trpc.skills.search.query({ q: '   ' })).toEqual([]);
  });
});

describe('seekers.setSkills', () => {
  it('replaces the set in one go, folding aliases into one skill', async () => {
    await seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Go', proficiencyLevel: 'beginner', yearsExperience: 1 }] });
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

  it('refuses unknown skills without changing anything, and names them', async () => {
    await seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Go', proficiencyLevel: 'beginner', yearsExperience: 1 }] });
    const error = await seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Python', proficiencyLevel: null, yearsExperience: null }, { name: 'Quantum Knitting', proficiencyLevel: null, yearsExperience: null }] }).catch((e: Error) => e);
    expect((error as Error).message).toBe('Not in the skills catalog yet: Quantum Knitting. Pick a suggestion, or add it as a new skill first.');
    expect((await seeker.trpc.seekers.skills.query()).map((s) => s.name)).toEqual(['Go']);
  });

  it('refuses a negative number of years and an unknown level', async () => {
    expect(await code(seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Go', proficiencyLevel: 'beginner', yearsExperience: -1 }] }))).toBe('BAD_REQUEST');
    expect(await code(seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Go', proficiencyLevel: 'guru' as never, yearsExperience: 1 }] }))).toBe('BAD_REQUEST');
  });
});

describe('skills.create: the explicit path for a new skill', () => {
  it('creates an uncategorized skill once; the same name in another case or spacing is the same skill', async () => {
    const first = await seeker.trpc.skills.create.mutate({ name: 'Quantum  Knitting' });
    expect(first).toMatchObject({ name: 'Quantum Knitting', created: true });
    const again = await seeker.trpc.skills.create.mutate({ name: ' quantum knitting ' });
    expect(again).toMatchObject({ id: first.id, created: false });
    expect(await seeker.trpc.skills.create.mutate({ name: 'k8s' })).toMatchObject({ name: 'Kubernetes', created: false });
    expect(await code(apiClient(t.app).trpc.skills.create.mutate({ name: 'Anonymous Skill' }))).toBe('UNAUTHORIZED');
  });
});

describe('admin procedures', () => {
  it('are refused to everyone else', async () => {
    expect(await code(seeker.trpc.skills.add.mutate({ name: 'Zig', category: 'technical', aliases: [] }))).toBe('FORBIDDEN');
    expect(await code(seeker.trpc.skills.merge.mutate({ fromId: 1, intoId: 2 }))).toBe('FORBIDDEN');
    expect(await code(apiClient(t.app).trpc.skills.addAlias.mutate({ skillId: 1, alias: 'x' }))).toBe('UNAUTHORIZED');
    expect(await code(seeker.trpc.skills.list.query())).toBe('FORBIDDEN');
  });

  it('add a skill with aliases, and refuse a name or alias that is taken', async () => {
    const zig = await admin.trpc.skills.add.mutate({ name: 'Zig', category: 'technical', aliases: ['ziglang'] });
    expect((await resolveSkillNames(t.db, ['ZIGLANG'])).get('ZIGLANG')).toEqual(zig);
    const taken = await admin.trpc.skills.add.mutate({ name: 'zig ', category: 'technical', aliases: [] }).catch((e: Error) => e);
    expect((taken as Error).message).toBe('“zig” already names the skill Zig.');
    expect(await code(admin.trpc.skills.addAlias.mutate({ skillId: zig.id, alias: 'JS' }))).toBe('CONFLICT');
    expect(await code(admin.trpc.skills.addAlias.mutate({ skillId: 999_999, alias: 'nothing' }))).toBe('NOT_FOUND');
  });

  it('merge two skills, moving every seeker and job link and keeping the old name as an alias', async () => {
    const dup = await seeker.trpc.skills.create.mutate({ name: 'Postgre SQL Server' });
    const postgres = (await resolveSkillNames(t.db, ['PostgreSQL'])).get('PostgreSQL')!;
    const other = apiClient(t.app);
    await other.trpc.auth.signUp.mutate({ userType: 'job_seeker', email: 'kim@example.com', password: PASSWORD, firstName: 'Kim', lastName: 'Park' });
    await seeker.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Postgre SQL Server', proficiencyLevel: 'expert', yearsExperience: 7 }] });
    await other.trpc.seekers.setSkills.mutate({ skills: [{ name: 'Postgre SQL Server', proficiencyLevel: null, yearsExperience: 2 }, { name: 'PostgreSQL', proficiencyLevel: 'beginner', yearsExperience: 1 }] });
    await t.pg.query(`insert into users (email, password_hash, user_type) values ('e@x.example', 'x', 'employer')`);
    await t.pg.query(`insert into employers (id, company_name) select id, 'X' from users where email = 'e@x.example'`);
    await t.pg.query(`insert into jobs (employer_id, title, description) select id, 'DBA', 'Databases' from users where email = 'e@x.example'`);
    await t.pg.query(`insert into job_skills (job_id, skill_id, required, priority) select id, $1, true, 1 from jobs`, [dup.id]);

    expect(await admin.trpc.skills.merge.mutate({ fromId: dup.id, intoId: postgres.id })).toEqual(postgres);

    expect((await seeker.trpc.seekers.skills.query()).map((s) => [s.name, s.proficiencyLevel, s.yearsExperience])).toEqual([['PostgreSQL', 'expert', 7]]);
    expect((await other.trpc.seekers.skills.query()).map((s) => [s.name, s.proficiencyLevel, s.yearsExperience])).toEqual([['PostgreSQL', 'beginner', 2]]);
    const jobLinks = await t.pg.query<{ skill_id: number; required: boolean }>('select skill_id, required from job_skills');
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
    expect(list.find((s) => s.name === 'Kubernetes')).toMatchObject({ category: 'technical', aliases: ['k8s', 'kube'], seekers: 0, jobs: 0 });
  });
});
