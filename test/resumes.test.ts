import { readFile } from 'node:fs/promises';
import { TRPCClientError } from '@trpc/client';
import { RESUME_LIMITS, jsonResumeSchema } from '../shared/json-resume.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cosineSimilarity } from '../server/ai/local-embedder.ts';
import { createCatalogEmbedder } from '../server/matching/local-embedding.ts';
import { createLocalResumeParser } from '../server/ai/local-resume-parser.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { makeDocx, makePdf } from './fixtures/make-files.ts';
import { RESUME_FIXTURES } from './fixtures/resumes.ts';
import { apiClient, createTestApp } from './helpers/app.ts';

const lexicon = buildLexicon(SKILLS_CATALOG);
const parser = createLocalResumeParser();
const embedder = createCatalogEmbedder(lexicon);

describe('the local resume parser, on resumes from twelve fields', () => {
  it('has fixtures from at least ten fields', () => {
    expect(new Set(RESUME_FIXTURES.map((f) => f.field)).size).toBeGreaterThanOrEqual(10);
  });

  it.each(RESUME_FIXTURES.map((f) => [f.id, f] as const))(
    'reads the work history and education of %s',
    async (_id, fixture) => {
      const { resume } = await parser.parse(fixture.text, lexicon);
      expect(
        resume.work.map((w) => ({ position: w.position, name: w.name, startDate: w.startDate, endDate: w.endDate })),
      ).toEqual(
        fixture.work.map((w) => ({ position: w.position, name: w.name, startDate: w.startDate, endDate: w.endDate })),
      );
      expect(resume.work.every((w) => w.highlights.length > 0)).toBe(true);
      expect(resume.education.map((e) => e.institution)).toEqual(fixture.education.map((e) => e.institution));
      expect(resume.basics.email).toMatch(/@example\.com$/);
    },
  );

  it('finds at least 90% of the skills of each resume, each with the line that shows it', async () => {
    const recalls: Record<string, number> = {};
    for (const fixture of RESUME_FIXTURES) {
      const { skills } = await parser.parse(fixture.text, lexicon);
      const found = new Set(skills.map((s) => s.name));
      recalls[fixture.id] = fixture.skills.filter((s) => found.has(s)).length / fixture.skills.length;
      for (const skill of skills) expect(fixture.text).toContain(skill.evidence);
    }
    expect(Object.entries(recalls).filter(([, recall]) => recall < 0.9)).toEqual([]);
  });

  it('does not take everyday words for skills', async () => {
    const { skills } = await parser.parse(
      'We go the extra mile. I rest on weekends and express myself through spring hikes.\nReferences available on request.',
      lexicon,
    );
    expect(skills).toEqual([]);
  });
});

describe('the local embedder', () => {
  it.each(RESUME_FIXTURES.map((f) => [f.id, f] as const))(
    'puts the %s resume nearer a fitting job than an unrelated one',
    async (_id, fixture) => {
      const [resume, fitting, unrelated] = await embedder.embed([
        fixture.text,
        fixture.fittingJob,
        fixture.unrelatedJob,
      ]);
      expect(cosineSimilarity(resume!, fitting!)).toBeGreaterThan(cosineSimilarity(resume!, unrelated!) + 0.1);
    },
  );

  it('is deterministic, unit length, and reads aliases as their skill', async () => {
    const [a, b, c, d] = await embedder.embed([
      'k8s and TS',
      'Kubernetes and TypeScript',
      'k8s and TS',
      'bread baking',
    ]);
    expect(a).toEqual(c);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a!, b!)).toBeGreaterThan(cosineSimilarity(a!, d!) + 0.3);
  });
});

describe('seekers.setResume and seekers.uploadResume', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let seeker: ReturnType<typeof apiClient>;
  const nurse = RESUME_FIXTURES.find((f) => f.id === 'pediatric-nurse')!;

  beforeEach(async () => {
    t = await createTestApp();
    seeker = apiClient(t.app);
    await seeker.trpc.auth.signUp.mutate({
      userType: 'job_seeker',
      email: 'james@example.com',
      password: 'correct horse battery',
      firstName: 'James',
      lastName: "O'Connor",
    });
  });
  afterEach(() => t.close());

  const upload = (bytes: Uint8Array<ArrayBuffer> | string, name: string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new File([bytes], name, { type }));
    return seeker.trpc.seekers.uploadResume.mutate(form);
  };
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof TRPCClientError)) throw new Error(`expected a tRPC error, got ${String(error)}`);
    return { code: error.data?.code as string, message: error.message };
  };

  it('saves the three layers: text now, JSON Resume now, the embedding after the response', async () => {
    const saved = await seeker.trpc.seekers.setResume.mutate({ text: nurse.text });
    expect(saved.text).toBe(nurse.text);
    expect(saved.data?.work.map((w) => w.name)).toEqual(nurse.work.map((w) => w.name));
    expect(saved.embedding).toBe('pending');
    await t.settle();
    const row = await t.pg.query<{ dims: number; model: string }>(
      'select vector_dims(resume_embedding) as dims, resume_embedding_model as model from job_seekers',
    );
    expect(row.rows[0]).toEqual({ dims: 1536, model: 'local-hash-v2' });
    expect((await seeker.trpc.seekers.resume.query()).embedding).toBe('ready');
  });

  it('makes the skills found the seeker’s, with evidence, while the seeker’s own entries win', async () => {
    await seeker.trpc.seekers.setSkills.mutate({
      skills: [
        { name: 'pediatrics', proficiencyLevel: 'expert', yearsExperience: 5 },
        { name: 'Spanish', proficiencyLevel: 'beginner', yearsExperience: 1 },
      ],
    });
    const saved = await seeker.trpc.seekers.setResume.mutate({ text: nurse.text });
    const byName = Object.fromEntries(saved.skills.map((s) => [s.name, s]));
    expect(byName.Pediatrics).toMatchObject({ source: 'typed', proficiencyLevel: 'expert', yearsExperience: 5 });
    expect(byName.Spanish).toMatchObject({ source: 'typed' });
    expect(byName['Wound Care']).toMatchObject({
      source: 'resume',
      evidence: '- Medical-surgical nursing, wound care and infection control',
    });

    // A second resume replaces what the first one found, never the seeker's own entries.
    const saved2 = await seeker.trpc.seekers.setResume.mutate({
      text: 'Registered nurse.\nEXPERIENCE\nNurse, City Hospital (2019 - present)\n- Triage in the emergency department',
    });
    const names = saved2.skills.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Pediatrics', 'Spanish', 'Triage', 'Registered Nurse']));
    expect(names).not.toContain('Wound Care');
  });

  it('extracts a PDF', async () => {
    const saved = await upload(
      new Uint8Array(await readFile('test/fixtures/files/resume.pdf')),
      'resume.pdf',
      'application/pdf',
    );
    expect(saved.text).toContain("Pediatric Nurse - Lakeshore Children's Hospital");
    expect(saved.data?.work.map((w) => w.name)).toEqual(["Lakeshore Children's Hospital", 'Mercy Community Hospital']);
    expect(saved.skills.map((s) => s.name)).toEqual(expect.arrayContaining(['Pediatrics', 'Epic EHR']));
  });

  it('extracts a DOCX', async () => {
    const saved = await upload(new Uint8Array(await readFile('test/fixtures/files/resume.docx')), 'resume.docx');
    expect(saved.text).toContain('Bachelor of Science in Nursing, Loyola University Chicago, 2018');
    expect(saved.data?.education[0]).toMatchObject({
      institution: 'Loyola University Chicago',
      studyType: 'Bachelor of Science',
      area: 'Nursing',
    });
  });

  it('takes a plain text file', async () => {
    const saved = await upload(nurse.text, 'resume.txt', 'text/plain');
    expect(saved.text).toBe(nurse.text);
  });

  // Real CVs run to many pages: a role described in one long paragraph, dozens of roles, long
  // bullet lists. What the parser makes of them must fit its own schema, never answer 500.
  const sentence =
    'Prepared monthly reconciliations and journal entries for the regional ledger and reviewed variances with the controller';
  const longResumes: [string, string][] = [
    [
      'a role described in one paragraph of 6,000 characters',
      `Dana Whitfield\ndana@example.com\nEXPERIENCE\nSenior Accountant, Harbor Freight Lines (2015 - present)\n${`${sentence}. `.repeat(50)}\nEDUCATION\nBachelor of Science in Accounting, Ohio State University, 2014`,
    ],
    [
      '80 roles with long bullet lists',
      `Dana Whitfield\ndana@example.com\nWORK HISTORY\n${Array.from({ length: 80 }, (_, i) => `Accountant, Company ${i} (${1940 + i} - ${1941 + i})\n${Array.from({ length: 60 }, (_, j) => `- ${sentence} ${j}`).join('\n')}`).join('\n')}`.slice(
        0,
        59_000,
      ),
    ],
    [
      'bullets of 3,000 characters and a long header',
      `${'Dana Whitfield '.repeat(30)}\ndana@example.com\nEXPERIENCE\nAccountant - Harbor Freight Lines (2015 - 2020)\n- ${`${sentence} `.repeat(30)}\n- ${`${sentence} `.repeat(30)}\nCERTIFICATIONS\n${Array.from({ length: 120 }, (_, i) => `Certified ${sentence} ${i}`).join(', ')}\nEDUCATION\n${Array.from({ length: 40 }, (_, i) => `Master of Science in ${sentence.repeat(3)}, State University ${i}, ${1980 + i}`).join('\n')}`,
    ],
  ];

  it.each(longResumes)(
    'reads a long real-world resume (%s) from text, PDF and DOCX without failing',
    async (_name, text) => {
      const saved = await seeker.trpc.seekers.setResume.mutate({ text });
      expect(jsonResumeSchema.safeParse(saved.data).success).toBe(true);
      expect(saved.data!.work.length).toBeGreaterThan(0);
      expect(saved.data!.work.length).toBeLessThanOrEqual(RESUME_LIMITS.work);
      for (const role of saved.data!.work) expect(role.summary?.length ?? 0).toBeLessThanOrEqual(RESUME_LIMITS.summary);
      const fromDocx = await upload(new Uint8Array(makeDocx(text)), 'long.docx');
      expect(fromDocx.data!.work.length).toBeGreaterThan(0);
      const fromPdf = await upload(new Uint8Array(makePdf(text.slice(0, 20_000))), 'long.pdf', 'application/pdf');
      expect(fromPdf.data!.work.length).toBeGreaterThan(0);
    },
  );

  it('refuses a 6 MB upload with 413 before reading it, and keeps the previous resume', async () => {
    await seeker.trpc.seekers.setResume.mutate({ text: nurse.text });
    const error = await failure(upload(new Uint8Array(6 * 1024 * 1024).fill(65), 'big.txt'));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request is larger than 5 MB.' });
    expect((await seeker.trpc.seekers.resume.query()).text).toBe(nurse.text);
  });

  it('refuses an executable renamed .pdf, a binary blob and an empty file, clearly', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new Uint8Array(200)]);
    expect(await failure(upload(exe, 'resume.pdf', 'application/pdf'))).toEqual({
      code: 'BAD_REQUEST',
      message:
        'This file is a program, not a document. Upload your resume as a PDF, a Word document (.docx) or a plain text file.',
    });
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Uint8Array(100)]);
    expect((await failure(upload(elf, 'resume.docx'))).code).toBe('BAD_REQUEST');
    expect((await failure(upload(new Uint8Array([1, 2, 0, 4, 5, 0, 0, 9]), 'x.txt'))).message).toMatch(
      /PDF, a Word document/,
    );
    expect((await failure(upload(new Uint8Array(0), 'empty.txt'))).message).toBe('The file is empty.');
    expect(
      (
        await failure(
          upload(
            new Uint8Array([
              0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65,
            ]),
            'broken.pdf',
          ),
        )
      ).message,
    ).toMatch(/This PDF could not be read/);
    expect((await seeker.trpc.seekers.resume.query()).text).toBeNull();
  });

  it('refuses a form without a file, and a too short resume', async () => {
    expect((await failure(seeker.trpc.seekers.uploadResume.mutate(new FormData()))).message).toBe(
      'Choose a file to upload.',
    );
    expect((await failure(seeker.trpc.seekers.setResume.mutate({ text: 'nurse' }))).message).toBe(
      'This looks too short to be a resume. Paste the whole text.',
    );
  });

  it('lets the seeker correct what was read, keeping the text and its embedding', async () => {
    expect(
      (
        await failure(
          seeker.trpc.seekers.updateResumeData.mutate({ data: { basics: {}, work: [], education: [] } as never }),
        )
      ).message,
    ).toBe('Add your resume first, then correct what we read.');
    const saved = await seeker.trpc.seekers.setResume.mutate({ text: nurse.text });
    await t.settle();
    const data = {
      ...saved.data!,
      work: [{ ...saved.data!.work[0]!, position: 'Charge Nurse', startDate: '2019-05' }, ...saved.data!.work.slice(1)],
    };
    const corrected = await seeker.trpc.seekers.updateResumeData.mutate({ data });
    expect(corrected.data!.work[0]).toMatchObject({
      position: 'Charge Nurse',
      startDate: '2019-05',
      name: "Lakeshore Children's Hospital",
    });
    expect(corrected).toMatchObject({ text: nurse.text, embedding: 'ready' });
    expect(
      (
        await failure(
          seeker.trpc.seekers.updateResumeData.mutate({
            data: { ...data, work: [{ startDate: 'last spring', highlights: [] }] },
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });

  it('is only for seekers', async () => {
    const employer = apiClient(t.app);
    await employer.trpc.auth.signUp.mutate({
      userType: 'employer',
      email: 'boss@acme.example',
      password: 'correct horse battery',
      companyName: 'Acme',
    });
    expect((await failure(employer.trpc.seekers.setResume.mutate({ text: nurse.text }))).code).toBe('FORBIDDEN');
    expect((await failure(apiClient(t.app).trpc.seekers.resume.query())).code).toBe('UNAUTHORIZED');
  });
});
