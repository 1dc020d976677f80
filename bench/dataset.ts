/**
 * A synthetic but realistic dataset: varied job postings and resumes assembled from the demo
 * data's fields, titles, skills and phrases, embedded by the local embedder. Real structure
 * (fields, shared vocabulary) is what HNSW needs; uniform random vectors would say nothing.
 */
import { DEMO_EMPLOYERS } from '../server/seed/demo-employers.ts';
import { DEMO_SEEKERS } from '../server/seed/demo-seekers.ts';

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
  'Remote',
];
const SENIORITY = ['Junior', '', 'Senior', 'Lead', 'Principal', 'Associate'];
const TYPES = ['full_time', 'full_time', 'full_time', 'part_time', 'contract', 'internship', 'temporary'] as const;
const OPENERS = [
  'Join a growing team',
  'We are hiring',
  'An opportunity to make an impact',
  'Help us serve our customers better',
  'Work with a friendly, experienced team',
];

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

const templates = DEMO_EMPLOYERS.flatMap((e) => e.jobs.map((j) => ({ ...j, field: j.field ?? e.field })));

export interface BenchJob {
  title: string;
  description: string;
  location: string;
  remoteAllowed: boolean;
  employmentType: (typeof TYPES)[number];
  salaryMin: number;
  salaryMax: number;
  field: string;
  skills: { name: string; required: boolean; priority: number }[];
}

export function generateJobs(count: number, seed = 42): BenchJob[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  return Array.from({ length: count }, () => {
    const template = pick(templates);
    const other = pick(templates.filter((t) => t.field === template.field));
    const seniority = pick(SENIORITY);
    const city = pick(CITIES);
    const skills = [
      ...template.skills,
      ...other.skills.filter(([n]) => !template.skills.some(([m]) => m === n)).slice(0, 2),
    ].map(([name, required, priority]) => ({ name, required, priority }));
    const base = template.salary ? template.salary[0] : 50_000;
    const factor = 0.8 + rand() * 0.6;
    return {
      title: `${seniority ? `${seniority} ` : ''}${template.title}`,
      description: `${pick(OPENERS)}. ${template.description} ${other.description}`,
      location: city,
      remoteAllowed: city === 'Remote' || rand() < 0.15,
      employmentType: pick(TYPES),
      salaryMin: Math.round(base * factor),
      salaryMax: Math.round(base * factor * 1.25),
      field: template.field,
      skills,
    };
  });
}

export function generateResumes(count: number, seed = 7): { text: string; field: string; location: string }[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const person = pick(DEMO_SEEKERS);
    const job = pick(templates.filter((t) => t.field === person.field));
    const city = pick(CITIES.filter((c) => c !== 'Remote'));
    return {
      field: person.field,
      location: city,
      text: `Person ${i}\n${city}\n\n${person.resume.split('\n').slice(3).join('\n')}\n\nAlso: ${job.title}. ${job.description}`,
    };
  });
}

export const QUERIES = [
  'nurse',
  'TS backend',
  'financial analyst excel',
  'teacher lesson planning',
  'warehouse forklift',
  'graphic designer',
  'sales b2b',
  'line cook',
  'data analyst sql',
  'kubernetes terraform',
];
