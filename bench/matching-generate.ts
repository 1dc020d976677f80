/**
 * Builds the matching benchmark's data (committed under bench/data/matching/, so a clone has
 * it): `npx tsx bench/matching-generate.ts`.
 * - written.json: 96 job ads (3 per role, 32 roles of 8 occupations) and 160 resumes (5 per
 *   role), composed from matching-roles.ts with a seeded generator in five resume layouts and
 *   four ad layouts, varied lengths, career changers and voices;
 * - resume-ner.json: the resumes of ../shared/data/resume-ner (CC0) whose job title places them
 *   in one of the occupations, as plain text with their occupation (and role when the title
 *   says it). Skipped, keeping the committed file, when the zip is absent.
 * Relevance: an ad of the resume's own role is grade 2, of its occupation grade 1, else 0.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { ROLES, type Role } from './matching-roles.ts';

export interface BenchAd {
  id: string;
  role: string;
  occupation: string;
  title: string;
  description: string;
  requirements: { experienceYears?: number; education?: string; certifications?: string[]; notes?: string };
  location: string;
}
export interface BenchResume {
  id: string;
  role: string | null;
  occupation: string;
  text: string;
  location: string;
  source: 'written' | 'resume-ner';
}

const OUT = new URL('./data/matching/', import.meta.url);
const ZIP = new URL('../../shared/data/resume-ner/545_cvs_train_v2.zip', import.meta.url);
const CITIES = ['Chicago, IL', 'Austin, TX', 'Denver, CO', 'Boston, MA', 'Seattle, WA', 'Atlanta, GA'];
const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'Dmitri',
  'Esther',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jamal',
  'Kira',
  'Luis',
  'Mei',
  'Noah',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Zoe',
];
const LAST = [
  'Alvarez',
  'Brooks',
  'Chen',
  'Dubois',
  'Eze',
  'Fischer',
  'Gupta',
  'Hansen',
  'Ito',
  'Jones',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nguyen',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Walsh',
];

// mulberry32: a small seeded generator, so the data is the same on every run.
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const some = <T>(xs: readonly T[], lo: number, hi: number): T[] =>
    [...xs].sort(() => next() - 0.5).slice(0, Math.min(xs.length, int(lo, hi)));
  return { next, int, pick, some };
}
type Gen = ReturnType<typeof generator>;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const years = (g: Gen, end: number) => {
  const start = end - g.int(1, 5);
  return { start, end };
};

function bullets(g: Gen, lines: string[]): string {
  const mark = g.pick(['• ', '- ', '* ', '', '> ']);
  return lines.map((l) => `${mark}${cap(l)}${mark === '' ? '.' : ''}`).join('\n');
}

function prose(g: Gen, lines: string[]): string {
  const openers = ['In this role I', 'Day to day I', 'Here I', 'I', 'Among other things I'];
  return lines
    .map((l, i) => (i === 0 ? `${g.pick(openers)} ${l}.` : g.next() < 0.5 ? `I also ${l}.` : `${cap(l)}.`))
    .join(' ');
}

interface Stint {
  title: string;
  employer: string;
  start: number;
  end: number;
  duties: string[];
}

function career(g: Gen, role: Role): Stint[] {
  const n = g.int(1, 3);
  let end = 2026;
  const stints: Stint[] = [];
  for (let i = 0; i < n; i++) {
    const span = years(g, end);
    stints.push({
      title: g.pick(role.titles),
      employer: g.pick(role.employers),
      ...span,
      duties: g.some(role.duties, 2, 5),
    });
    end = span.start;
  }
  // About a third changed careers: an earlier job in another occupation.
  if (g.next() < 0.33) {
    const other = g.pick(ROLES.filter((r) => r.occupation !== role.occupation));
    const span = years(g, end);
    stints.push({
      title: g.pick(other.titles),
      employer: g.pick(other.employers),
      ...span,
      duties: g.some(other.duties, 1, 2),
    });
  }
  return stints;
}

const period = (s: Stint) => `${s.start} – ${s.end === 2026 ? 'Present' : s.end}`;

function writeResume(g: Gen, role: Role, index: number): string {
  const name = `${g.pick(FIRST)} ${g.pick(LAST)}`;
  const city = g.pick(CITIES);
  const stints = career(g, role);
  const total = 2026 - stints.at(-1)!.start;
  const skills = g.some([...role.skills, ...role.tools], 3, 9);
  const creds = g.some(role.credentials, 0, 2);
  const school = g.pick(role.education);
  const headline = stints[0]!.title;
  switch (index % 5) {
    case 0: // classic sections
      return [
        name.toUpperCase(),
        headline,
        `${city} | ${name.split(' ')[0]!.toLowerCase()}@mail.example | (555) 01${g.int(10, 99)}`,
        '',
        'SUMMARY',
        `${headline} with ${total} years of experience. ${cap(g.pick(role.duties))}.`,
        '',
        'EXPERIENCE',
        ...stints.flatMap((s) => [`${s.title}, ${s.employer}    ${period(s)}`, bullets(g, s.duties), '']),
        'EDUCATION',
        `${school}, ${g.pick(['State University', 'Community College', 'Technical Institute', 'University of Illinois'])}`,
        '',
        'SKILLS',
        skills.join(', '),
        ...(creds.length ? ['', 'CERTIFICATIONS', creds.join(' · ')] : []),
      ].join('\n');
    case 1: // a letter-like narrative
      return [
        `${name} — ${city}`,
        '',
        `I have worked as a ${headline.toLowerCase()} for about ${total} years, most recently at ${stints[0]!.employer}. ${prose(g, stints[0]!.duties)}`,
        ...stints
          .slice(1)
          .map(
            (s) =>
              `Before that I was a ${s.title.toLowerCase()} at ${s.employer} (${period(s)}), where I ${s.duties.join(' and ')}.`,
          ),
        '',
        `I studied ${school.toLowerCase()}${creds.length ? ` and hold ${creds.join(' and ')}` : ''}. I am comfortable with ${skills.slice(0, -1).join(', ')} and ${skills.at(-1)}.`,
      ].join('\n');
    case 2: // flattened onto one line, as scraped from a job board
      return `${name} ${headline} - ${city} Work Experience ${stints.map((s) => `${s.title} ${s.employer} ${period(s)} ${s.duties.map(cap).join('. ')}.`).join(' ')} Education ${school} Skills ${skills.join(' / ')}${creds.length ? ` Certifications ${creds.join(', ')}` : ''}`;
    case 3: // competencies first
      return [
        `${name}`,
        `${city}`,
        '',
        'Core competencies',
        bullets(g, skills),
        '',
        'Professional history',
        ...stints.map((s) => `${s.employer} — ${s.title} (${period(s)}): ${s.duties.join('; ')}.`),
        '',
        `Credentials: ${[school, ...creds].join('; ')}`,
      ].join('\n');
    default: // short and plain
      return [
        `${name}, ${headline}`,
        `${total}+ yrs. ${stints
          .slice(0, 2)
          .map((s) => `${s.title} at ${s.employer}`)
          .join('; ')}.`,
        `${cap(stints[0]!.duties[0]!)}.`,
        `Skills: ${skills.slice(0, 5).join(', ')}.`,
      ].join('\n');
  }
}

const IRREGULAR: Record<string, string> = {
  troubleshot: 'troubleshoot',
  scheduled: 'schedule',
  treated: 'treat',
  reconciled: 'reconcile',
  analyzed: 'analyze',
  quoted: 'quote',
  repaired: 'repair',
  poured: 'pour',
  graded: 'grade',
  sourced: 'source',
  drew: 'draw',
  gave: 'give',
  led: 'lead',
  taught: 'teach',
  built: 'build',
  ran: 'run',
  wrote: 'write',
  made: 'make',
  kept: 'keep',
  drove: 'drive',
  raised: 'raise',
  took: 'take',
  cut: 'cut',
  hit: 'hit',
  set: 'set',
  sold: 'sell',
};
const KEEPS_E =
  /(at|iz|is|ar|ur|uc|os|v|ag|ng|rg|nc|rs|bl|dl|tl|pl|id|od|ud|ac|ic|as|ut|ir|mbin|rib|cord|cas|cost|orc|ens|ens|quir|revis)ed$/;

/** "administered medications" to "administer medications": an ad speaks of the work to come. */
function present(duty: string): string {
  const [verb = '', ...rest] = duty.split(' ');
  let base = IRREGULAR[verb];
  if (!base) {
    if (verb.endsWith('ied')) base = `${verb.slice(0, -3)}y`;
    else if (/([bdgmnprt])\1ed$/.test(verb)) base = verb.slice(0, -3);
    else if (KEEPS_E.test(verb)) base = verb.slice(0, -1);
    else if (verb.endsWith('ed')) base = verb.slice(0, -2);
    else base = verb;
  }
  return [base, ...rest].join(' ');
}

const PERKS = [
  'health, dental and vision insurance',
  'a 401(k) with match',
  'paid time off from day one',
  'tuition reimbursement',
  'a sign-on bonus',
  'flexible schedules',
  'free parking',
];

function writeAd(g: Gen, role: Role, index: number): Omit<BenchAd, 'id' | 'role' | 'occupation' | 'location'> {
  const title = role.titles[(index * 2 + role.id.length) % role.titles.length]!;
  const duties = g.some(role.duties, 3, 5).map(present);
  const asks = g.some(role.skills, 2, 4);
  const tools = g.some(role.tools, 1, 2);
  const experienceYears = g.int(0, 6);
  const company = g.pick(role.employers);
  const requirements = {
    experienceYears,
    education: g.pick(role.education),
    certifications: g.some(role.credentials, 0, 2),
  };
  switch (index % 4) {
    case 0:
      return {
        title,
        description: [
          `About us\n${company} ${g.pick(['has served the region for 30 years', 'is growing fast', 'is a people-first employer', 'is hiring across all sites'])}. ${g.pick(role.pitch)}`,
          '',
          `What you will do\n${bullets(g, duties)}`,
          '',
          `What you bring\n${bullets(g, [...asks.map((a) => `${g.pick(['experience with', 'solid', 'working knowledge of', 'proven'])} ${a.toLowerCase()}`), `comfort with ${tools.join(' and ')}`])}`,
          '',
          `We offer ${g.some(PERKS, 2, 3).join(', ')}.`,
        ].join('\n'),
        requirements,
      };
    case 1:
      return {
        title,
        description: `${g.pick(role.pitch)} You will ${duties.slice(0, 2).join(' and ')}. ${asks.join(', ')} a plus.`,
        requirements: { experienceYears },
      };
    case 2:
      return {
        title,
        description: [
          `${title.toUpperCase()} — ${company}`,
          'Responsibilities:',
          bullets(g, duties),
          'Must have:',
          bullets(g, [...asks, ...requirements.certifications]),
          `${experienceYears}+ years preferred.`,
        ].join('\n'),
        requirements: { ...requirements, notes: `Tools: ${tools.join(', ')}` },
      };
    default:
      return {
        title,
        description: [
          `${g.pick(role.pitch)} ${g.pick(role.pitch)}`,
          `As our ${title.toLowerCase()}, you'll ${duties.join(', ')}.`,
          `The ideal person knows ${asks.join(', ')} and has used ${tools.join(' or ')}.`,
          `${company} is an equal opportunity employer. Benefits include ${g.some(PERKS, 2, 4).join(', ')}.`,
        ].join('\n\n'),
        requirements,
      };
  }
}

/** Occupation (and role when the title says it) of a resume-ner resume, from its job title. */
export function classifyDesignation(designation: string): { occupation: string; role: string | null } | null {
  const d = designation.toLowerCase();
  const rules: [RegExp, string, [RegExp, string][]][] = [
    [
      /teach|lecturer|tutor|professor|instructor|principal|trainer|educat/,
      'teaching',
      [
        [/special/, 'special-ed'],
        [/math|science|stem|physics|chemistry/, 'math-teacher'],
        [/english|esl|language|trainer|lecturer|adult|accent/, 'esl'],
      ],
    ],
    [
      /sales|business development/,
      'sales',
      [
        [/associate|assistant|store|retail/, 'retail-sales'],
        [/manager|head/, 'sales-manager'],
        [/representative|development rep/, 'inside-sales'],
      ],
    ],
    [
      /nurse|medical|health|clinic|pharm|therap/,
      'healthcare',
      [
        [/nurse/, 'nurse'],
        [/medical assistant/, 'medical-assistant'],
        [/pharm/, 'pharmacy'],
      ],
    ],
    [
      /accountant|accounting|financ|audit|tax|bookkeep/,
      'finance',
      [
        [/accountant|accounting/, 'accountant'],
        [/audit/, 'auditor'],
        [/analyst/, 'financial-analyst'],
      ],
    ],
    [/logistic|warehouse|supply chain|procure|driver/, 'logistics', []],
    [/chef|cook|food|hotel|restaurant/, 'hospitality', []],
    [
      /software|developer|programmer|\bit\b|java|php|web|devops|system|test|qa\b|sap|technical support|embedded|coder|data engineer|\.net|android|app dev/,
      'software',
      [
        [/test|qa\b|quality/, 'qa'],
        [/front|web|ui\b|php|full stack/, 'frontend'],
        [/devops|cloud|system|admin|network|support/, 'devops'],
      ],
    ],
  ];
  for (const [pattern, occupation, roles] of rules) {
    if (!pattern.test(d)) continue;
    return { occupation, role: roles.find(([p]) => p.test(d))?.[1] ?? null };
  }
  return null;
}

function resumeNer(): BenchResume[] | null {
  if (!existsSync(ZIP)) return null;
  const files = unzipSync(new Uint8Array(readFileSync(ZIP)));
  const out: BenchResume[] = [];
  const g = generator(7);
  for (const [path, bytes] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    if (!path.endsWith('.xml')) continue;
    const xml = strFromU8(bytes);
    const designation = /<label type="Designation">([\s\S]*?)<\/label>/.exec(xml)?.[1] ?? '';
    const placed = classifyDesignation(designation.replace(/&amp;/g, '&'));
    if (!placed) continue;
    const text = xml
      .replace(/<\?xml[^>]*>/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .trim();
    if (text.length < 200) continue;
    out.push({
      id: `ner-${path.split('/').pop()!.replace('.xml', '')}`,
      ...placed,
      text: text.slice(0, 20_000),
      location: g.pick(CITIES),
      source: 'resume-ner',
    });
  }
  return out;
}

function written() {
  const g = generator(2026);
  const ads: BenchAd[] = [];
  const resumes: BenchResume[] = [];
  for (const role of ROLES) {
    for (let i = 0; i < 3; i++)
      ads.push({
        id: `ad-${role.id}-${i}`,
        role: role.id,
        occupation: role.occupation,
        location: g.pick(CITIES),
        ...writeAd(g, role, i + ROLES.indexOf(role)),
      });
    for (let i = 0; i < 5; i++)
      resumes.push({
        id: `cv-${role.id}-${i}`,
        role: role.id,
        occupation: role.occupation,
        location: g.pick(CITIES),
        text: writeResume(g, role, i + ROLES.indexOf(role)),
        source: 'written',
      });
  }
  return { ads, resumes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(new URL('written.json', OUT), JSON.stringify(written(), null, 1));
  const ner = resumeNer();
  if (ner) writeFileSync(new URL('resume-ner.json', OUT), JSON.stringify(ner, null, 1));
  const counts = new Map<string, number>();
  for (const r of ner ?? []) counts.set(r.occupation, (counts.get(r.occupation) ?? 0) + 1);
  console.log(
    `written: 96 ads, 160 resumes; resume-ner: ${ner ? `${ner.length} (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')})` : 'absent, kept the committed file'}`,
  );
}
