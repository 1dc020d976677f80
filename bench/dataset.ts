/**
 * Benchmark data that varies like real postings (issue 23 part 1): jobs and resumes composed
 * from 80 roles (the matching benchmark's 32 written roles and the 48 demo jobs), each with its
 * titles, duties, skills, tools and credentials, in many sentence shapes, seniorities, places
 * and companies. No two jobs and no two resumes are the same text. Beside them, the queries
 * people type (one to four words: titles, skills, tools, companies, typos) and document-like ones
 * (a sentence or two describing the work), so recall can be read per kind.
 */
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { ROLES, type Role } from './matching-roles.ts';

/** A small deterministic PRNG, so the dataset (and its cache) is the same on every machine. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pickWith =
  (rand: Rand) =>
  <T>(items: readonly T[]): T =>
    items[Math.floor(rand() * items.length)]!;
/** `count` distinct items in a random order. */
function sample<T>(rand: Rand, items: readonly T[], count: number): T[] {
  const pool = [...items];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.max(0, Math.min(count, pool.length)));
}
const between = (rand: Rand, low: number, high: number) => low + Math.floor(rand() * (high - low + 1));

const CITIES = [
  'Boston, MA',
  'Austin, TX',
  'Chicago, IL',
  'Denver, CO',
  'Seattle, WA',
  'New York, NY',
  'Miami, FL',
  'Portland, OR',
  'Atlanta, GA',
  'Phoenix, AZ',
  'Detroit, MI',
  'San Diego, CA',
  'Minneapolis, MN',
  'Nashville, TN',
  'Columbus, OH',
  'Raleigh, NC',
  'Salt Lake City, UT',
  'Pittsburgh, PA',
  'Kansas City, MO',
  'Sacramento, CA',
  'Baltimore, MD',
  'Milwaukee, WI',
  'Albuquerque, NM',
  'Louisville, KY',
  'Tampa, FL',
  'Omaha, NE',
  'Richmond, VA',
  'Boise, ID',
  'Hartford, CT',
  'Remote',
];
const SENIORITY = ['Junior', '', '', 'Senior', 'Lead', 'Principal', 'Associate', 'Trainee', 'Head'];
const TYPES = ['full_time', 'full_time', 'full_time', 'part_time', 'contract', 'internship', 'temporary'] as const;
const QUALIFIERS = [
  '',
  '',
  '',
  ' - Night Shift',
  ' (Weekends)',
  ' - Contract',
  ' II',
  ' III',
  ' (Bilingual)',
  ' - New Site',
];

/** Company names: a stem, then a word that fits the occupation. */
const COMPANY_STEMS = [
  'Harbor',
  'Summit',
  'Cedar',
  'Bluewater',
  'Ironwood',
  'Maple',
  'Northgate',
  'Silverline',
  'Granite',
  'Oakridge',
  'Lakeshore',
  'Pinecrest',
  'Redstone',
  'Sunfield',
  'Westbrook',
  'Clearview',
  'Riverbend',
  'Highland',
  'Copperleaf',
  'Stonebridge',
  'Evergreen',
  'Fairhaven',
  'Brightwater',
  'Kestrel',
  'Juniper',
  'Meridian',
  'Orchard',
  'Prairie',
  'Quarry',
  'Tidewater',
  'Vantage',
  'Willow',
  'Alder',
  'Beacon',
  'Crescent',
  'Driftwood',
  'Foxglove',
  'Hawthorn',
  'Lantern',
  'Mosaic',
];
const COMPANY_WORDS: Record<string, string[]> = {
  healthcare: ['Health', 'Medical Group', 'Clinic', 'Care Partners', 'Hospital'],
  finance: ['Capital', 'Financial', 'Accounting', 'Advisors', 'Bank'],
  hospitality: ['Hotels', 'Kitchen', 'Hospitality', 'Restaurants', 'Resorts'],
  trades: ['Builders', 'Electric', 'Mechanical', 'Construction', 'Services'],
  software: ['Labs', 'Software', 'Systems', 'Technologies', 'Digital'],
  sales: ['Sales Group', 'Partners', 'Commerce', 'Brands', 'Marketing'],
  teaching: ['Academy', 'Schools', 'Learning', 'Education', 'Institute'],
  logistics: ['Logistics', 'Freight', 'Distribution', 'Supply', 'Transport'],
};
const OTHER_WORDS = ['Group', 'Company', 'Partners', 'Collective', 'Works'];

const OPENERS = [
  (c: string) => `${c} is hiring.`,
  (c: string) => `Join ${c} and grow with a team that cares.`,
  (c: string) => `At ${c} we are growing again.`,
  (c: string) => `${c} has an opening on a busy, friendly team.`,
  (c: string) => `Come work with us at ${c}.`,
  (c: string) => `Why ${c}? People stay here for years.`,
  () => 'We are looking for someone dependable.',
  () => 'An opportunity to make an impact from day one.',
];
const DUTY_SHAPES = [
  (d: string) => `Ideal candidates have ${d}.`,
  (d: string) => `Our last hire in this role ${d}.`,
  (d: string) => `You bring experience: you have ${d}.`,
  (d: string) => `- ${d}`,
  (d: string) => `Most days the team ${d}.`,
];
const BENEFITS = [
  'Medical, dental and vision from day one.',
  'Paid time off and a 401(k) match.',
  'Tuition support and paid training.',
  'Flexible schedules and paid parental leave.',
  'A sign-on bonus for the right person.',
  'Free parking, an employee discount and a wellness stipend.',
  '',
];

/**
 * What a real ad carries beside the work (issue 23 part 1): who the employer is, how the day
 * goes, what it offers, how to apply and the equal-opportunity statement. Ads on job boards run
 * 2,000-5,000 characters, most of it this; the work itself is a few hundred. Full-text ranking,
 * snippets and the embedder all read the whole text, so the bench's ads carry it too.
 */
const ABOUT_COMPANY: Record<string, string[]> = {
  healthcare: [
    'serves patients across the region from community clinics and two hospitals.',
    'is a not-for-profit health system with more than forty sites of care.',
    'has cared for families in this community for over fifty years.',
  ],
  finance: [
    'advises growing businesses and families on tax, audit and planning.',
    'is an independent firm serving clients in every industry.',
    'manages the finances of hundreds of small and mid-sized companies.',
  ],
  hospitality: [
    'runs hotels, restaurants and event spaces in six cities.',
    'is a family-owned group of restaurants known for scratch cooking.',
    'welcomes thousands of guests every week.',
  ],
  trades: [
    'builds and maintains commercial and residential properties.',
    'has served contractors and homeowners for three generations.',
    'takes on projects from small repairs to new construction.',
  ],
  software: [
    'builds products used by millions of people every day.',
    'makes tools that help teams plan, build and ship together.',
    'is a fast-growing company backed by long-term investors.',
  ],
  sales: [
    'brings well-loved brands to stores and customers nationwide.',
    'partners with retailers and distributors across the country.',
    'helps businesses find and keep their customers.',
  ],
  teaching: [
    'educates students from early childhood through adult learning.',
    'is a network of public schools focused on every learner.',
    'runs programs for learners of every age and background.',
  ],
  logistics: [
    'moves freight for manufacturers and retailers across North America.',
    'operates distribution centers and a regional delivery fleet.',
    'keeps supply chains running around the clock.',
  ],
};
const CULTURE = [
  'We promote from within, and most of our leaders started in front-line roles.',
  'Our teams are small, close-knit and proud of the work they do.',
  'We invest in training, mentoring and clear paths to grow.',
  'Safety, respect and honesty guide how we work with each other and with the people we serve.',
  'We measure ourselves by the trust of the people who rely on us.',
  'New team members get a structured onboarding and a peer mentor for their first months.',
];
const DAY_TO_DAY = [
  'Work closely with colleagues across teams and share what you learn.',
  'Keep accurate, timely records and follow established procedures.',
  'Communicate clearly with customers, coworkers and supervisors.',
  'Identify problems early and suggest practical improvements.',
  'Follow all safety, privacy and quality standards.',
  'Take part in training, team meetings and other duties as assigned.',
  'Manage your time across competing priorities in a fast-moving environment.',
  'Help onboard and support newer members of the team.',
];
const TRAITS = [
  'Strong attention to detail and good organizational skills.',
  'Clear written and verbal communication.',
  'A positive attitude and a willingness to learn.',
  'Ability to work independently and as part of a team.',
  'Reliable attendance and a flexible approach to schedules.',
  'Comfort with computers and common office software.',
  'Ability to stay calm and focused under pressure.',
];
const SCHEDULES = [
  'Schedule: Monday to Friday, day shift.',
  'Schedule: 8-hour shifts, some weekends and holidays.',
  'Schedule: 12-hour shifts, three days a week, rotating weekends.',
  'Schedule: flexible hours with core hours from 10 to 3.',
  'Schedule: evenings and weekends, with a predictable rotation.',
];
const PERKS = [
  'Medical, dental and vision insurance from your first day.',
  'Paid time off that grows with your tenure, plus paid holidays.',
  'A 401(k) plan with a company match.',
  'Tuition reimbursement and paid certifications.',
  'Paid parental leave and family support programs.',
  'Life and disability insurance.',
  'An employee assistance program and a wellness stipend.',
  'Employee discounts and free parking.',
  'A sign-on bonus for eligible candidates.',
  'Referral bonuses and regular performance reviews.',
];
const APPLYING = [
  'To apply, send your resume and a short note about why this role interests you.',
  'Apply online; we review every application and reply within two weeks.',
  'Interviews are held by video and on site; we will walk you through each step.',
  'Candidates must be authorized to work in the United States. A background check is required.',
];
const EQUAL_OPPORTUNITY = [
  'We are an equal opportunity employer. All qualified applicants will receive consideration for employment without regard to race, color, religion, sex, sexual orientation, gender identity, national origin, disability or veteran status.',
  'We celebrate diversity and are committed to an inclusive workplace. We do not discriminate on the basis of any protected characteristic, and we provide reasonable accommodations to applicants with disabilities on request.',
  'Equal opportunity employer. If you need an accommodation at any point in the hiring process, contact our recruiting team and we will work with you.',
];

export interface BenchRole {
  key: string;
  occupation: string;
  titles: string[];
  duties: string[];
  skills: string[];
  tools: string[];
  credentials: string[];
  education: string[];
  pitch: string[];
  salary: [number, number];
}

const OCCUPATION_OF_FIELD: Record<string, string> = {
  Healthcare: 'healthcare',
  Software: 'software',
  Finance: 'finance',
  Education: 'teaching',
  Retail: 'sales',
  Design: 'software',
  Logistics: 'logistics',
  Hospitality: 'hospitality',
};
const SALARY_OF_OCCUPATION: Record<string, [number, number]> = {
  healthcare: [48_000, 120_000],
  finance: [55_000, 140_000],
  hospitality: [30_000, 70_000],
  trades: [42_000, 95_000],
  software: [80_000, 190_000],
  sales: [40_000, 130_000],
  teaching: [40_000, 85_000],
  logistics: [34_000, 80_000],
};

const sentences = (text: string) => text.split(/(?<=\.)\s+/).filter(Boolean);

/** The 32 written roles and the 48 demo jobs as one list of roles. */
export const BENCH_ROLES: BenchRole[] = [
  ...ROLES.map((r: Role) => ({
    key: r.id,
    occupation: r.occupation,
    titles: r.titles,
    duties: r.duties,
    skills: r.skills,
    tools: r.tools,
    credentials: r.credentials,
    education: r.education,
    pitch: r.pitch,
    salary: SALARY_OF_OCCUPATION[r.occupation]!,
  })),
  ...DEMO_EMPLOYERS.flatMap((e) =>
    e.jobs.map((j, i) => {
      const occupation = OCCUPATION_OF_FIELD[j.field ?? e.field] ?? 'sales';
      return {
        key: `demo-${e.companyName}-${i}`,
        occupation,
        titles: [j.title],
        duties: [],
        skills: j.skills.map(([name]) => name),
        tools: [],
        credentials: [],
        education: [],
        pitch: sentences(j.description),
        salary: j.salary ?? SALARY_OF_OCCUPATION[occupation]!,
      };
    }),
  ),
];

export interface BenchCompany {
  name: string;
  occupation: string;
}

/** `count` distinct company names, each leaning to one occupation. */
export function generateCompanies(count: number, seed = 11): BenchCompany[] {
  const rand = random(seed);
  const pick = pickWith(rand);
  const occupations = Object.keys(COMPANY_WORDS);
  const seen = new Set<string>();
  const companies: BenchCompany[] = [];
  for (let i = 0; companies.length < count; i++) {
    const occupation = occupations[i % occupations.length]!;
    const stem = pick(COMPANY_STEMS);
    const word = rand() < 0.8 ? pick(COMPANY_WORDS[occupation]!) : pick(OTHER_WORDS);
    // Past the stems × words the names repeat: a second stem ("Harbor Cedar Labs") keeps them apart.
    const name = seen.has(`${stem} ${word}`) ? `${stem} ${pick(COMPANY_STEMS)} ${word}` : `${stem} ${word}`;
    if (seen.has(name)) continue;
    seen.add(name);
    companies.push({ name, occupation });
  }
  return companies;
}

export interface BenchJob {
  title: string;
  description: string;
  location: string;
  remoteAllowed: boolean;
  employmentType: (typeof TYPES)[number];
  salaryMin: number;
  salaryMax: number;
  /** Index into the companies the jobs were generated with. */
  company: number;
  field: string;
  skills: { name: string; required: boolean; priority: number }[];
}

function composeJob(rand: Rand, role: BenchRole, companies: BenchCompany[], companyIndex: number): BenchJob {
  const pick = pickWith(rand);
  const company = companies[companyIndex]!.name;
  const seniority = pick(SENIORITY);
  const title = `${seniority ? `${seniority} ` : ''}${pick(role.titles)}${pick(QUALIFIERS)}`.trim();
  const city = pick(CITIES);
  const skills = sample(rand, role.skills, between(rand, 3, 6));
  const tools = sample(rand, role.tools, between(rand, 0, 3));
  const duties = sample(rand, role.duties, between(rand, 1, 4)).map((d) => pick(DUTY_SHAPES)(d));
  const years = between(rand, 0, 10);
  const occupation = companies[companyIndex]!.occupation;
  const bullets = (items: string[]) => items.map((item) => `- ${item}`);
  const parts = [
    `${company} ${pick(ABOUT_COMPANY[occupation] ?? ABOUT_COMPANY.sales!)} ${sample(rand, CULTURE, between(rand, 2, 4)).join(' ')}`,
    pick(OPENERS)(company),
    ...sample(rand, role.pitch, between(rand, 1, 2)),
    ...duties,
    "What you'll do:",
    ...bullets(sample(rand, DAY_TO_DAY, between(rand, 3, 6))),
    tools.length ? `You will use ${tools.join(', ')}.` : '',
    'What you bring:',
    ...bullets([
      `${years ? `${years}+ years of experience` : 'No prior experience needed'}; ${skills.slice(0, 2).join(' and ')}.`,
      ...skills.slice(2).map((skill) => `Experience with ${skill}.`),
      ...sample(rand, TRAITS, between(rand, 2, 5)),
    ]),
    role.credentials.length && rand() < 0.6 ? `${pick(role.credentials)} required.` : '',
    role.education.length && rand() < 0.4 ? `${pick(role.education)} preferred.` : '',
    'What we offer:',
    ...bullets(sample(rand, PERKS, between(rand, 4, 8))),
    pick(BENEFITS),
    pick(SCHEDULES),
    city === 'Remote' ? 'This role is fully remote.' : `Based in ${city}.`,
    ...sample(rand, APPLYING, between(rand, 1, 2)),
    pick(EQUAL_OPPORTUNITY),
  ];
  const seniorityFactor = { Junior: 0.75, Trainee: 0.65, Associate: 0.85, Senior: 1.25, Lead: 1.35 }[seniority] ?? 1;
  const base = (role.salary[0] + rand() * (role.salary[1] - role.salary[0])) * seniorityFactor;
  return {
    title,
    description: parts.filter(Boolean).join('\n'),
    location: city,
    remoteAllowed: city === 'Remote' || rand() < 0.15,
    employmentType: pick(TYPES),
    salaryMin: Math.round(base / 500) * 500,
    salaryMax: Math.round((base * (1.1 + rand() * 0.3)) / 500) * 500,
    company: companyIndex,
    field: role.occupation,
    skills: [...skills, ...tools.filter((t) => /^[A-Z]/.test(t))].map((name, i) => ({
      name,
      required: i < 3,
      priority: i < 2 ? 1 : i < 4 ? 2 : 3,
    })),
  };
}

/** One company per 40 jobs (at least 20), each posting mostly in its occupation. */
export const companyCountFor = (jobs: number) => Math.max(20, Math.round(jobs / 40));

export function generateJobs(count: number, seed = 42): BenchJob[] {
  const rand = random(seed);
  const pick = pickWith(rand);
  const companies = generateCompanies(companyCountFor(count));
  const byOccupation = new Map<string, number[]>();
  companies.forEach((c, i) => {
    byOccupation.set(c.occupation, [...(byOccupation.get(c.occupation) ?? []), i]);
  });
  const seen = new Set<string>();
  const jobs: BenchJob[] = [];
  while (jobs.length < count) {
    const role = pick(BENCH_ROLES);
    const companyIndex =
      rand() < 0.85 ? pick(byOccupation.get(role.occupation)!) : Math.floor(rand() * companies.length);
    const job = composeJob(rand, role, companies, companyIndex);
    const key = `${job.title}\n${job.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    jobs.push(job);
  }
  return jobs;
}

const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Luis'];
const LAST_NAMES = ['Ng', 'Okafor', 'Silva', 'Novak', 'Haddad', 'Brooks', 'Ito', 'Moreau', 'Kowalski', 'Reyes'];

export function generateResumes(count: number, seed = 7): { text: string; field: string; location: string }[] {
  const rand = random(seed);
  const pick = pickWith(rand);
  const written = BENCH_ROLES.filter((r) => r.duties.length);
  const seen = new Set<string>();
  const resumes: { text: string; field: string; location: string }[] = [];
  while (resumes.length < count) {
    const role = pick(written);
    const city = pick(CITIES.filter((c) => c !== 'Remote'));
    const years = between(rand, 1, 20);
    const jobsHeld = Array.from({ length: between(rand, 1, 3) }, () => {
      const since = between(rand, 2005, 2023);
      return `${pick(role.titles)}, ${pick(COMPANY_STEMS)} ${pick(COMPANY_WORDS[role.occupation] ?? OTHER_WORDS)} (${since}-${since + between(rand, 1, 4)})\n${sample(
        rand,
        role.duties,
        between(rand, 1, 3),
      )
        .map((d) => `- ${d[0]!.toUpperCase()}${d.slice(1)}`)
        .join('\n')}`;
    });
    const text = [
      `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      city,
      '',
      `${pick(role.titles)} with ${years} years of experience.`,
      '',
      'Experience',
      ...jobsHeld,
      '',
      `Skills: ${[...sample(rand, role.skills, between(rand, 3, 7)), ...sample(rand, role.tools, between(rand, 0, 3))].join(', ')}`,
      role.education.length ? `Education: ${pick(role.education)}` : '',
      role.credentials.length && rand() < 0.5 ? `Certifications: ${pick(role.credentials)}` : '',
    ].join('\n');
    if (seen.has(text)) continue;
    seen.add(text);
    resumes.push({ text, field: role.occupation, location: city });
  }
  return resumes;
}

export type QueryKind = 'keyword' | 'document';
export interface BenchQuery {
  q: string;
  kind: QueryKind;
}

/** One adjacent transposition, the commonest typo ("nurse" → "nrsue" is not one; "nusre" is). */
function typo(rand: Rand, word: string) {
  if (word.length < 4) return word;
  const i = between(rand, 1, word.length - 3);
  return `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
}

const shortTitle = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .join(' ');

/**
 * What people type into the box (one to four words: a title, a skill, a tool, a company, a title
 * with a place, a misspelled title) and document-like queries (a pitch and a duty or two, as a
 * seeker describing the work they want). Deterministic.
 */
export function generateQueries(keywordCount = 60, documentCount = 40, seed = 99): BenchQuery[] {
  const rand = random(seed);
  const pick = pickWith(rand);
  const companies = generateCompanies(40);
  const keyword = new Set<string>();
  const makers = [
    () => shortTitle(pick(pick(BENCH_ROLES).titles)),
    () => pick(pick(BENCH_ROLES).skills).toLowerCase(),
    () => {
      const role = pick(BENCH_ROLES.filter((r) => r.tools.length));
      return pick(role.tools);
    },
    () => pick(companies).name.split(' ')[0]!.toLowerCase(),
    () => pick(companies).name,
    () =>
      `${
        shortTitle(pick(pick(BENCH_ROLES).titles))
          .split(' ')
          .slice(-1)[0]
      } ${pick(CITIES).split(',')[0]!.toLowerCase()}`,
    () => {
      const words = shortTitle(pick(pick(BENCH_ROLES).titles)).split(' ');
      const at = Math.floor(rand() * words.length);
      return words.map((w, i) => (i === at ? typo(rand, w) : w)).join(' ');
    },
  ];
  while (keyword.size < keywordCount) {
    const q = pick(makers)().trim();
    const words = q.split(/\s+/).length;
    if (q.length >= 2 && words <= 4) keyword.add(q);
  }
  const documents = new Set<string>();
  const written = BENCH_ROLES.filter((r) => r.duties.length);
  while (documents.size < documentCount) {
    const role = pick(written);
    const duties = sample(rand, role.duties, 2);
    const q =
      rand() < 0.5
        ? `${pick(role.pitch)} Experience where I ${duties.join(' and ')}.`
        : `Looking for a ${pick(role.titles).toLowerCase()} job where I ${duties[0]}, using ${sample(rand, role.skills, 2).join(' and ')}.`;
    // The search box takes 200 characters.
    if (q.length <= 200) documents.add(q);
  }
  // Interleaved, so any prefix of the list (a latency run of n queries) holds both kinds.
  const keywords = [...keyword];
  const docs = [...documents];
  const queries: BenchQuery[] = [];
  while (keywords.length || docs.length) {
    for (const q of keywords.splice(0, 3)) queries.push({ q, kind: 'keyword' });
    for (const q of docs.splice(0, 2)) queries.push({ q, kind: 'document' });
  }
  return queries;
}

/** The queries the latency figures cycle through: both kinds, interleaved. */
export const SEARCH_QUERIES = generateQueries();
export const QUERIES = SEARCH_QUERIES.map((query) => query.q);
