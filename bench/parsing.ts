/**
 * `npm run bench -- --parsing-only`: the offline resume parser, field by field.
 * 1. The parsing benchmark (test/fixtures/parsing): 46 hand-labelled resumes from many fields
 *    in text, DOCX and PDF files, through the same extraction as an upload.
 * 2. The resume-ner set (../shared/data/resume-ner, CC0, 310 annotated real resumes), when
 *    present: precision, recall and F1 for employers, titles, schools and hard skills.
 * PARSING_VERBOSE=1 prints every miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { createLocalResumeParser } from '../server/ai/local-resume-parser.ts';
import { SKILLS_CATALOG } from '../server/seed/skills-catalog.ts';
import { extractResumeText } from '../server/seekers/extract-text.ts';
import { buildLexicon } from '../server/skills/lexicon.ts';
import { CORPUS, type Format } from '../test/fixtures/parsing/corpus.ts';
import {
  countField,
  prf,
  readAnnotatedResume,
  scoreResume,
  totals,
  type FieldCounts,
  type ResumeScore,
} from '../test/fixtures/parsing/score.ts';

const FILES = new URL('../test/fixtures/parsing/files/', import.meta.url);
const NER_ZIP = new URL('../../shared/data/resume-ner/545_cvs_train_v2.zip', import.meta.url);
const verbose = process.env.PARSING_VERBOSE === '1';
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export async function corpusScores(): Promise<{ id: string; format: Format; layout: string; score: ResumeScore }[]> {
  const lexicon = buildLexicon(SKILLS_CATALOG);
  const parser = createLocalResumeParser();
  const out = [];
  for (const expected of CORPUS) {
    const bytes = new Uint8Array(readFileSync(new URL(`${expected.id}.${expected.format}`, FILES)));
    const text = await extractResumeText(bytes);
    const parsed = await parser.parse(text, lexicon);
    out.push({
      id: expected.id,
      format: expected.format,
      layout: expected.layout,
      score: scoreResume(
        expected,
        parsed.resume,
        parsed.skills.map((s) => s.name),
      ),
    });
  }
  return out;
}

function logTotals(log: (line: string) => void, label: string, scores: ResumeScore[]) {
  const t = totals(scores);
  log(
    `  ${label}: resumes with work found ${t.resumesWithWork}/${t.resumes} (${pct(t.resumesWithWork / t.resumes)}), roles found ${pct(t.rolesFound / t.roles)}, ` +
      `employer+title+dates right ${pct(t.rolesRight / t.roles)} (employer ${pct(t.employers / t.roles)}, title ${pct(t.titles / t.roles)}, dates ${pct(t.dates / t.roles)}), ` +
      `spurious roles ${t.extraRoles}, schools P/R ${pct(t.schoolPrecision)}/${pct(t.schoolRecall)}, skills P/R ${pct(t.skillPrecision)}/${pct(t.skillRecall)}`,
  );
}

async function corpus(log: (line: string) => void) {
  log(`\n## Resume parsing benchmark (${CORPUS.length} hand-labelled resumes)`);
  const scores = await corpusScores();
  logTotals(
    log,
    'all',
    scores.map((s) => s.score),
  );
  for (const format of ['txt', 'docx', 'pdf'] as const)
    logTotals(
      log,
      format,
      scores.filter((s) => s.format === format).map((s) => s.score),
    );
  for (const layout of [...new Set(scores.map((s) => s.layout))])
    logTotals(
      log,
      layout,
      scores.filter((s) => s.layout === layout).map((s) => s.score),
    );
  if (verbose) {
    for (const { id, score } of scores) {
      const wrong = score.roles.map((r, i) => (r.right ? '' : `role ${i}: ${JSON.stringify(r)}`)).filter(Boolean);
      if (wrong.length || score.falseSkills.length || score.schoolsFound < score.schoolsExpected) {
        log(
          `  ${id}: ${wrong.join('; ')} schools ${score.schoolsFound}/${score.schoolsExpected} false skills ${score.falseSkills.join(', ')} missed ${score.missedSkills.join(', ')}`,
        );
      }
    }
  }
}

/** Annotation types of the resume-ner set per field we fill. */
const NER_FIELDS = {
  employers: ['Companies worked at'],
  titles: ['Designation'],
  schools: ['College Name'],
  'hard skills': ['Tech Tools', 'Job Specific Skills'],
} as const;

async function resumeNer(log: (line: string) => void) {
  if (!existsSync(NER_ZIP)) {
    log('\n(resume-ner set absent: skipped)');
    return;
  }
  const files = unzipSync(new Uint8Array(readFileSync(NER_ZIP)));
  const resumes = Object.entries(files)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([name, bytes]) => readAnnotatedResume(name, new TextDecoder().decode(bytes)));
  const lexicon = buildLexicon(SKILLS_CATALOG);
  const parser = createLocalResumeParser();
  const counts = Object.fromEntries(
    Object.keys(NER_FIELDS).map((k) => [k, { predicted: 0, predictedRight: 0, gold: 0, goldFound: 0 }]),
  ) as Record<keyof typeof NER_FIELDS, FieldCounts>;
  const started = performance.now();
  for (const r of resumes) {
    const { resume, skills } = await parser.parse(r.text, lexicon);
    const gold = (types: readonly string[]) => types.flatMap((t) => r.entities.get(t) ?? []);
    countField(
      resume.work.flatMap((w) => w.name ?? []),
      gold(NER_FIELDS.employers),
      counts.employers,
    );
    countField(
      resume.work.flatMap((w) => w.position ?? []),
      gold(NER_FIELDS.titles),
      counts.titles,
    );
    countField(
      resume.education.flatMap((e) => e.institution ?? []),
      gold(NER_FIELDS.schools),
      counts.schools,
    );
    countField(
      skills.map((s) => s.name),
      gold(NER_FIELDS['hard skills']),
      counts['hard skills'],
    );
  }
  const ms = performance.now() - started;
  log(`\n## resume-ner (${resumes.length} annotated real resumes, CC0; ${(ms / resumes.length).toFixed(1)} ms each)`);
  for (const [field, c] of Object.entries(counts)) {
    const { precision, recall, f1 } = prf(c);
    log(`  ${field}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}, F1 ${f1.toFixed(2)}`);
  }
}

export async function parsingBenchmark(log: (line: string) => void) {
  await corpus(log);
  await resumeNer(log);
}

if (import.meta.url === `file://${process.argv[1]}`) await parsingBenchmark((line) => console.log(line));
