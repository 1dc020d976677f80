/**
 * Resume parsing as an upload goes through it: text extraction that keeps structure (DOCX
 * tables, text boxes, headers; PDF columns), the offline parser (headings, date forms, title
 * and employer in either order), the extraction limits, and time on hostile input.
 */
import { readFileSync } from 'node:fs';
import { TRPCError } from '@trpc/server';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createLocalResumeParser, readRoleHeader } from '../server/ai/local-resume-parser.ts';
import { findDateRange } from '../server/ai/resume-text.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { wordXmlToLines } from '../server/seekers/extract-docx.ts';
import { layoutPage, type Fragment } from '../server/seekers/extract-pdf.ts';
import { EXTRACTION_LIMITS, extractResumeText } from '../server/seekers/extract-text.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { CORPUS } from './fixtures/parsing/corpus.ts';
import {
  countField,
  prf,
  readAnnotatedResume,
  scoreResume,
  totals,
  type FieldCounts,
} from './fixtures/parsing/score.ts';

const lexicon = buildLexicon(SKILLS_CATALOG);
const parser = createLocalResumeParser();
const file = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/parsing/files/${name}`, import.meta.url)));

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe('the parsing benchmark, on a subset', () => {
  // Every layout in every format it was made in: tables and two columns in DOCX and PDF.
  const subset = CORPUS.filter((r, i) => r.format !== 'txt' || i % 3 === 0);

  it('reads every role of each resume of the subset right (employer, title, dates) and its schools', async () => {
    const wrong: Record<string, unknown> = {};
    for (const expected of subset) {
      const text = await extractResumeText(file(`${expected.id}.${expected.format}`));
      const { resume, skills } = await parser.parse(text, lexicon);
      const score = scoreResume(
        expected,
        resume,
        skills.map((s) => s.name),
      );
      const got = resume.work.map((w) => [w.position, w.name, w.startDate, w.endDate]);
      const want = expected.roles.map((r) => [r.title, r.employer, r.start, r.end]);
      if (JSON.stringify(got) !== JSON.stringify(want) || score.schoolsFound < score.schoolsExpected)
        wrong[`${expected.id} (${expected.layout}, ${expected.format})`] = got;
    }
    expect(wrong).toEqual({});
  });

  it('holds the targets on the whole set: work found in 90% of resumes, 85% of roles right, skills precision 90%', async () => {
    const scores = [];
    for (const expected of CORPUS) {
      const { resume, skills } = await parser.parse(
        await extractResumeText(file(`${expected.id}.${expected.format}`)),
        lexicon,
      );
      scores.push(
        scoreResume(
          expected,
          resume,
          skills.map((s) => s.name),
        ),
      );
    }
    const t = totals(scores);
    expect(t.resumesWithWork / t.resumes).toBeGreaterThanOrEqual(0.9);
    expect(t.rolesRight / t.roles).toBeGreaterThanOrEqual(0.85);
    expect(t.skillPrecision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the offline parser', () => {
  const dateForms: [string, string, string | undefined][] = [
    ['Jan 2019 - Present', '2019-01', undefined],
    ['January 2018 – Present', '2018-01', undefined],
    ['Sept. 2020 — current', '2020-09', undefined],
    ['09/2018 – present', '2018-09', undefined],
    ['2/1/2012 - Current', '2012-02', undefined],
    ['2020 - now:', '2020', undefined],
    ['2017 – 2019:', '2017', '2019'],
    ['2016 to 2019', '2016', '2019'],
    ['Mar 2015 until Jan 2019', '2015-03', '2019-01'],
    ['2019-03 – 2021-11', '2019-03', '2021-11'],
    ['06.2016 - 08.2019', '2016-06', '2019-08'],
    ['since 2019', '2019', undefined],
    ['Summer 2014 - Fall 2015', '2014', '2015'],
  ];
  it("reads a role's dates in every common form", async () => {
    const read: Record<string, unknown> = {};
    for (const [dates] of dateForms) {
      const { resume } = await parser.parse(
        `Maria Alvarez\nmaria@example.com\nEXPERIENCE\nRegistered Nurse, Mercy Hospital ${dates}\n- Patient care`,
        lexicon,
      );
      read[dates] = [resume.work[0]?.name, resume.work[0]?.startDate, resume.work[0]?.endDate];
    }
    expect(read).toEqual(
      Object.fromEntries(dateForms.map(([dates, start, end]) => [dates, ['Mercy Hospital', start, end]])),
    );
  });

  it('does not take a phone number or a count for dates', () => {
    expect(findDateRange('(617) 555-0101 | maria@example.com')).toBeNull();
    expect(findDateRange('Led a team of 12 - 15 nurses')).toBeNull();
  });

  it.each([
    [
      ['Staff Nurse, ICU, Beacon General Hospital, Boston, MA'],
      { position: 'Staff Nurse, ICU', name: 'Beacon General Hospital', location: 'Boston, MA' },
    ],
    [
      ['Buckeye Outfitters, Columbus, OH', 'Store Manager'],
      { position: 'Store Manager', name: 'Buckeye Outfitters', location: 'Columbus, OH' },
    ],
    [
      ['Math Teacher at Roosevelt Middle School, Portland, OR'],
      { position: 'Math Teacher', name: 'Roosevelt Middle School', location: 'Portland, OR' },
    ],
    [
      ['AUDIT SENIOR', 'Moss & Reilly LLP, Dallas, TX'],
      { position: 'AUDIT SENIOR', name: 'Moss & Reilly LLP', location: 'Dallas, TX' },
    ],
    [
      ['Stripe | Senior Backend Engineer | Remote'],
      { position: 'Senior Backend Engineer', name: 'Stripe', location: 'Remote' },
    ],
    [['Account Executive – HubSpot – Remote'], { position: 'Account Executive', name: 'HubSpot', location: 'Remote' }],
  ])('tells title, employer and place apart in %j', (lines, expected) => {
    expect(readRoleHeader(lines)).toEqual(expected);
  });

  const roleUnder = (heading: string) =>
    `Maria Alvarez\nmaria@example.com\n\n${heading}\nRegistered Nurse, Mercy Hospital (2019 - 2021)\n- Patient care\n\nEDUCATION\nBSN, Boston College, 2018`;
  it('knows the experience heading in its common variants', async () => {
    const headings = [
      'EXPERIENCE',
      'Work Experience:',
      'PROFESSIONAL EXPERIENCE',
      'Employment History',
      'WORK HISTORY',
      'Career',
      'Career History',
      'Relevant Experience',
      'Clinical experience:',
      'EMPLOYMENT',
      'Sales Experience',
      'Experience Summary',
      'Professional Background',
    ];
    const employers: Record<string, unknown> = {};
    for (const heading of headings) {
      const { resume } = await parser.parse(roleUnder(heading), lexicon);
      employers[heading] = [resume.work.map((w) => w.name), resume.education.map((e) => e.institution)];
    }
    expect(employers).toEqual(Object.fromEntries(headings.map((h) => [h, [['Mercy Hospital'], ['Boston College']]])));
  });

  it('never reads a skill from an employer or school name, and finds Data Analysis on a data analyst', async () => {
    const text = `Tariq Hassan\ntariq@example.com\n\nEXPERIENCE\nData Analyst, Lakeshore Logistics (2020 - Present)\n- Dashboards in Tableau for the sales team\n\nEDUCATION\nB.S. Statistics, Hospitality Institute of Technology, 2017`;
    const { skills } = await parser.parse(text, lexicon);
    const names = skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Data Analysis', 'Tableau', 'Statistics']));
    expect(names).not.toContain('Logistics');
    expect(names).not.toContain('Hospitality');
    expect(skills.find((s) => s.name === 'Data Analysis')?.evidence).toBe(
      'Data Analyst, Lakeshore Logistics (2020 - Present)',
    );
  });

  it('reads real scraped resumes flattened onto one line (resume-ner sample, CC0)', async () => {
    const counts: FieldCounts = { predicted: 0, predictedRight: 0, gold: 0, goldFound: 0 };
    for (const id of ['10', '100', '104', '105']) {
      const r = readAnnotatedResume(
        id,
        readFileSync(new URL(`./fixtures/parsing/resume-ner/${id}.xml`, import.meta.url), 'utf8'),
      );
      const { resume } = await parser.parse(r.text, lexicon);
      countField(
        resume.work.flatMap((w) => w.name ?? []),
        r.entities.get('Companies worked at') ?? [],
        counts,
      );
    }
    expect(prf(counts).recall).toBeGreaterThanOrEqual(0.8);
  });

  // Each of these took seconds to minutes with patterns like /[ \t]+\n/, /[:\s]+$/ or /\s+[|-]\s+/.
  const hostile: [string, string][] = [
    ['a name, 40,000 spaces and x', `Maria Alvarez${' '.repeat(40_000)}x`.padEnd(60_000, ' ')],
    ['60,000 colons', ':'.repeat(60_000)],
    ['60,000 <', '<'.repeat(60_000)],
    ['60,000 tabs then a word', `${'\t'.repeat(59_990)}EXPERIENCE`],
    ['a word of dots and dashes', `a${'.-'.repeat(29_998)}a`],
    ['month names without end', 'jan'.repeat(20_000)],
    ['digits and slashes', '1/'.repeat(30_000)],
    ['one long email-like word', `${'a'.repeat(59_990)}@b`],
    ['60,000 bullets', '• '.repeat(30_000)],
    ['a heading and 60,000 spaces on one line', `EXPERIENCE${' '.repeat(59_990)}`],
  ];
  it('parses hostile resumes of the maximum size (60,000 characters) well under a second each', async () => {
    const slow: Record<string, number> = {};
    for (const [name, text] of hostile) {
      expect(text.length).toBeGreaterThanOrEqual(59_990);
      const started = performance.now();
      await parser.parse(text, lexicon);
      await extractResumeText(new TextEncoder().encode(`${text}\nx`)).catch(() => undefined);
      const ms = performance.now() - started;
      if (ms > 1000) slow[name] = Math.round(ms);
    }
    expect(slow).toEqual({});
  });
});

describe('text extraction', () => {
  it('reads a DOCX table row per line, cells apart, and multi-paragraph cells in reading order', async () => {
    const text = await extractResumeText(file('backend-engineer.docx'));
    expect(text).toContain('2013 - 2017\tB.S. Computer Science\tSan Jose State University');
    expect(text).toMatch(
      /2020 - now:\n+Senior Backend Engineer\nStripe, San Francisco, CA\n+• Go and PostgreSQL services/,
    );
  });

  it('reads a two-column DOCX column by column, the page header first and a text box in place', async () => {
    const twoColumns = await extractResumeText(file('graphic-designer.docx'));
    expect(twoColumns).toMatch(
      /TOOLS\n• Adobe Photoshop[\s\S]*EDUCATION\n[\s\S]*EXPERIENCE\nSenior Graphic Designer\nSunset Creative Agency \| Los Angeles, CA \| 2018 – Present/,
    );
    const header = await extractResumeText(file('staff-accountant.docx'));
    expect(header.split('\n').slice(0, 2)).toEqual([
      'Aisha Khan',
      'New York, NY | (212) 555-0105 | aisha.khan@example.com',
    ]);
    const textBox = await extractResumeText(file('sales-rep.docx'));
    expect(textBox.split('\n').slice(0, 2)).toEqual([
      'Tyler Brooks',
      'Scottsdale, AZ | (480) 555-0135 | tyler.brooks@example.com',
    ]);
  });

  it('reads a two-column PDF one column after the other, with its line breaks', async () => {
    const text = await extractResumeText(file('er-nurse.pdf'));
    expect(text).toMatch(
      /SKILLS\n• Emergency Medicine\n• Triage\n• ACLS\n• BLS\n• Cerner\n+EDUCATION\nBSN\nRegis University\n2010 - 2014\n+PROFILE/,
    );
    expect(text).toContain(
      'PROFESSIONAL EXPERIENCE\nEmergency Room Nurse\nSt. Joseph Hospital | Denver, CO | January 2018 – Present\n• Triage of 60 patients',
    );
  });

  it('reads a text box once, after its paragraph, though Word stores it twice (a choice and a fallback)', () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const xml =
      `<w:body><w:p><w:r><w:t>Maria Alvarez</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box('maria@example.com | Boston, MA')}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box('maria@example.com | Boston, MA')}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Nurse</w:t></w:r><w:r><w:tab/><w:t>2019 &amp; on</w:t><w:br/><w:t>Mercy</w:t></w:r></w:p></w:body>`;
    expect(wordXmlToLines(xml)).toEqual(['Maria Alvarez', 'maria@example.com | Boston, MA', 'Nurse\t2019 & on\nMercy']);
  });

  it('keeps a line that spans both columns where it stands', () => {
    const at = (text: string, x: number, y: number): Fragment => ({ text, x, y, width: text.length * 5, size: 10 });
    const left = ['Skills', 'Python', 'SQL', 'Excel', 'Tableau'].map((t, i) => at(t, 40, 700 - i * 14));
    const right = ['Experience', 'Analyst, Acme Corp', '2019 - 2021', 'Built reports', 'Cut costs'].map((t, i) =>
      at(t, 320, 700 - i * 14),
    );
    const name = at('Tariq Hassan, Data Analyst, tariq@example.com, Boston', 40, 760);
    expect(
      layoutPage([name, ...right, ...left], 612)
        .split('\n')
        .filter(Boolean),
    ).toEqual([name.text, ...left.map((f) => f.text), ...right.map((f) => f.text)]);
  });

  const docx = (document: string) =>
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8(`<w:document><w:body>${document}</w:body></w:document>`),
    });

  it('refuses a zip bomb by what it really inflates, naming the limit', async () => {
    const spaces = new Uint8Array(17 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({ 'word/document.xml': [spaces, { level: 1 }] });
    expect(bomb.length).toBeLessThan(EXTRACTION_LIMITS.uploadBytes);
    expect(await failure(extractResumeText(bomb))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message:
        'This Word document expands to more than 16 MB of text, more than a resume holds. Save it as PDF, or paste the text.',
    });
  });

  it('refuses a zip of too many entries, and one that holds a part twice', async () => {
    const many = zipSync(
      Object.fromEntries(
        Array.from({ length: EXTRACTION_LIMITS.docxEntries + 1 }, (_, i) => [`word/media/${i}.xml`, strToU8('x')]),
      ),
    );
    expect(await failure(extractResumeText(many))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('more than 2,000 parts'),
    });
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (!error) chunks.push(chunk);
    });
    for (const text of ['<w:p><w:r><w:t>first</w:t></w:r></w:p>', '<w:p><w:r><w:t>second</w:t></w:r></w:p>']) {
      const entry = new ZipDeflate('word/document.xml');
      zip.add(entry);
      entry.push(strToU8(text), true);
    }
    zip.end();
    const twice = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      twice.set(c, at);
      at += c.length;
    }
    expect(await failure(extractResumeText(twice))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('word/document.xml twice'),
    });
  });

  it('refuses a PDF of too many pages and a document of too much text, naming the limit', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i <= EXTRACTION_LIMITS.pdfPages; i++) pdf.addPage([200, 200]);
    expect(await failure(extractResumeText(await pdf.save()))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('at most 50'),
    });
    const long = docx(
      Array.from(
        { length: 2_100 },
        () => `<w:p><w:r><w:t>${'Managed accounts payable. '.repeat(4)}</w:t></w:r></w:p>`,
      ).join(''),
    );
    expect(await failure(extractResumeText(long))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('200,000 characters'),
    });
  });
});
