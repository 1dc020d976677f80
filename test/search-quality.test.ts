/**
 * Search that finds what people mean (issue 18): company names, corrected typos, an honest empty
 * answer for nonsense, sorting, and facets that agree with the results.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProviders } from '../server/providers.ts';
import { editDistance, MAX_WORDS_CORRECTED } from '../server/jobs/search-correction.ts';
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { enrichDemoData, loadDemoData } from '../server/seed/seed.ts';
import { apiClient, createTestApp, TEST_START } from './helpers/app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let anonymous: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await createTestApp();
  anonymous = apiClient(t.app);
  await t.db.transaction(async (tx) => {
    const rows = (await tx.execute(sql`select id, normalized_name from skills`)) as unknown as {
      rows: { id: number; normalized_name: string }[];
    };
    await loadDemoData(tx, new Map(rows.rows.map((r) => [r.normalized_name, r.id])), 'not-a-login-hash', TEST_START);
  });
  await enrichDemoData(t.db, createProviders(), TEST_START);
}, 120_000);

const search = (input: Parameters<typeof anonymous.trpc.jobs.search.query>[0]) =>
  anonymous.trpc.jobs.search.query(input);
const northwind = DEMO_EMPLOYERS.find((e) => e.companyName === 'Northwind Health')!;

describe('what jobs.search finds', () => {
  it('finds a company by its name: every Northwind job, before anything else', async () => {
    const answer = await search({ q: 'Northwind', limit: 20 });
    expect(answer.items.slice(0, northwind.jobs.length).map((i) => i.companyName)).toEqual(
      northwind.jobs.map(() => 'Northwind Health'),
    );
    expect(answer.items.map((i) => i.title)).toEqual(expect.arrayContaining(northwind.jobs.map((j) => j.title)));
    const nurses = await search({ q: 'northwind nurse', limit: 4 });
    expect(nurses.items.every((i) => i.companyName === 'Northwind Health' && /nurse/i.test(i.title))).toBe(true);
  });

  it('corrects a misspelled word against the vocabulary and says what it searched', async () => {
    const answer = await search({ q: 'pyhton', limit: 5 });
    expect(answer.correctedQuery).toBe('python');
    expect(answer.items[0]!.skills.map((s) => s.name)).toContain('Python');
    expect(answer.items.map((i) => i.title)).toContain('Full Stack Developer (Python, Django)');

    const nurse = await search({ q: 'Nurce jobs', limit: 3 });
    expect(nurse.correctedQuery).toBe('Nurse jobs');
    expect(nurse.items.every((i) => /nurse/i.test(i.title))).toBe(true);
    // A word that matches jobs as it is stays as it is.
    expect((await search({ q: 'nurse', limit: 1 })).correctedQuery).toBeNull();
  });

  it('learns new words as jobs are written (the vocabulary follows the titles)', async () => {
    await t.pg.query(`update jobs set title = 'Zymurgist' where title = 'Line Cook'`);
    const answer = await search({ q: 'zymurgyst', limit: 5 });
    expect(answer.correctedQuery).toBe('zymurgist');
    expect(answer.items.map((i) => i.title)).toEqual(['Zymurgist']);
    await t.pg.query(`update jobs set title = 'Line Cook' where title = 'Zymurgist'`);
    expect((await search({ q: 'zymurgyst', limit: 5 })).correctedQuery).toBeNull();
  });

  it.each([['zzzzqqq'], ['asdfgh qwertyuiop'], ['lorem ipsum dolor'], ['astronaut']])(
    'answers nonsense (%j) honestly: nothing',
    async (q) => {
      const answer = await search({ q, limit: 20 });
      expect(answer).toMatchObject({ items: [], total: 0, nextCursor: null });
      expect(answer.facets.remote).toEqual({ remote: 0, onSite: 0 });
    },
  );

  it('corrects at most a few words of a long query, and answers it quickly', async () => {
    const typos = 'nurce pyhton acountant techer plumer pharmasist';
    const answer = await search({ q: typos, limit: 5 });
    const changed = answer.correctedQuery!.split(' ').filter((word, i) => word !== typos.split(' ')[i]);
    expect(changed).toHaveLength(MAX_WORDS_CORRECTED);
    const started = performance.now();
    await search({
      q: Array.from({ length: 60 }, (_, i) => `qz${i}x`)
        .join(' ')
        .slice(0, 200),
    });
    await search({ q: 'q'.repeat(200) });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('pyhton', 'python')).toBe(1);
    expect(editDistance('nurce', 'nurse')).toBe(1);
    expect(editDistance('desinger', 'designer')).toBe(1);
    expect(editDistance('cat', 'dog')).toBe(3);
  });
});

describe('sorting and facets', () => {
  it('sorts by newest and by salary, and pages through either without gaps', async () => {
    const newest = await search({ q: 'manager', sort: 'newest', limit: 50 });
    const times = newest.items.map((i) => new Date(i.postedAt!).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bySalary = await search({ sort: 'salary', limit: 50 });
    const pay = bySalary.items.map((i) => Number(i.salaryMax ?? i.salaryMin ?? -1));
    expect(pay).toEqual([...pay].sort((a, b) => b - a));
    expect(pay[0]).toBeGreaterThan(pay.at(-1)!);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ sort: 'salary', limit: 9, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(bySalary.items.map((i) => i.id).concat(seen.slice(50)));
    expect(new Set(seen).size).toBe(bySalary.total);
  });

  it.each([[''], ['manager'], ['engineer']])('returns facets for %j that agree with the results', async (q) => {
    const all = await search({ q, limit: 50 });
    const { facets, total } = all;
    expect(facets.remote.remote + facets.remote.onSite).toBe(total);
    expect((await search({ q, remoteAllowed: true, limit: 1 })).total).toBe(facets.remote.remote);
    for (const type of facets.employmentType) {
      const employmentType = type.value as 'full_time';
      expect((await search({ q, employmentType, limit: 1 })).total).toBe(type.count);
    }
    expect(facets.employmentType.reduce((s, f) => s + f.count, 0)).toBeLessThanOrEqual(total);
    for (const company of facets.company) {
      const filtered = await search({ q, companyId: company.id, limit: 50 });
      expect(filtered.total).toBe(company.count);
      expect(filtered.items.every((i) => i.companyName === company.name)).toBe(true);
    }
    for (const band of facets.salary)
      expect((await search({ q, salaryMin: band.atLeast, limit: 1 })).total).toBe(band.count);
    const [location] = facets.location;
    expect((await search({ q, location: location!.value, limit: 1 })).total).toBe(location!.count);
  });
});
