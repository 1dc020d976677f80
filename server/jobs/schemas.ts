import { z } from 'zod';
import { EMPLOYMENT_TYPES, type JobRequirements } from '../../db/schema.ts';
import { recordId } from '../ids.ts';
import { SEARCH_SORTS } from './search-facets.ts';

const MAX_MONEY = 99_999_999.99; // numeric(10, 2)

/** Money in, as a JSON number or a decimal string; stored as numeric, answered as a decimal string. */
export const moneyInput = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d{1,2})?$/, 'Enter an amount like 85000 or 85000.50.')
      .transform(Number),
  ])
  .refine((n) => Number.isFinite(n) && n >= 0, 'Enter an amount of zero or more.')
  .refine((n) => n <= MAX_MONEY, 'That amount is too large.')
  .refine((n) => Math.round(n * 100) === n * 100 || Number.isInteger(Math.round(n * 100)), 'Use at most two decimals.')
  .transform((n) => n.toFixed(2));

const currencies = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);
export const currencyInput = z
  .string()
  .trim()
  .toUpperCase()
  .refine(
    (c) => /^[A-Z]{3}$/.test(c) && (currencies.size === 0 || currencies.has(c)),
    'Use an ISO 4217 currency code, like USD or EUR.',
  );

export const requirementsInput = z
  .object({
    experienceYears: z
      .number()
      .int('Years must be a whole number.')
      .min(0)
      .max(50, 'Ask for at most 50 years.')
      .nullable()
      .optional(),
    education: z.string().trim().max(200).nullable().optional(),
    certifications: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    languages: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    notes: z.string().trim().max(5000).nullable().optional(),
  })
  .strict() satisfies z.ZodType<JobRequirements>;

export const jobSkillInput = z.object({
  name: z.string().trim().min(1, 'Enter a skill name.').max(100),
  required: z.boolean().default(true),
  /** 1 must have, 2 important, 3 nice to have. */
  priority: z
    .union([z.literal(1), z.literal(2), z.literal(3)], {
      error: 'Priority is 1 (must have), 2 (important) or 3 (nice to have).',
    })
    .default(2),
});

const title = z
  .string({ error: 'Enter a job title.' })
  .trim()
  .min(1, 'Enter a job title.')
  .max(200, 'A title can be at most 200 characters.');
const description = z
  .string({ error: 'Describe the job.' })
  .trim()
  .min(1, 'Describe the job.')
  .max(20_000, 'A description can be at most 20,000 characters.');
const futureDate = z.iso
  .datetime({ offset: true, error: 'Use a date and time like 2027-01-31T00:00:00Z.' })
  .transform((s) => new Date(s));

const jobFields = {
  title,
  description,
  requirements: requirementsInput.nullable().optional(),
  location: z
    .string()
    .trim()
    .max(100, 'A location can be at most 100 characters.')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  remoteAllowed: z.boolean().optional(),
  employmentType: z
    .enum(EMPLOYMENT_TYPES, { error: 'Choose full_time, part_time, contract, internship or temporary.' })
    .nullable()
    .optional(),
  salaryMin: moneyInput.nullable().optional(),
  salaryMax: moneyInput.nullable().optional(),
  currency: currencyInput.optional(),
  expiresAt: futureDate.nullable().optional(),
  skills: z.array(jobSkillInput).max(50, 'List at most 50 skills.').optional(),
};

const salaryInOrder = (v: { salaryMin?: string | null; salaryMax?: string | null }) =>
  v.salaryMin == null || v.salaryMax == null || Number(v.salaryMin) <= Number(v.salaryMax);
const salaryMessage = { message: 'The minimum salary cannot be above the maximum.', path: ['salaryMax'] };

export const createJobInput = z
  .object({
    ...jobFields,
    status: z.enum(['draft', 'active'], { error: 'A new job is a draft or active.' }).default('active'),
  })
  .strict()
  .refine(salaryInOrder, salaryMessage);
export type CreateJobInput = z.infer<typeof createJobInput>;

export const updateJobInput = z
  .object({ id: recordId, ...jobFields })
  .partial({ title: true, description: true })
  .strict()
  .refine(salaryInOrder, salaryMessage);
export type UpdateJobInput = z.infer<typeof updateJobInput>;

export const searchJobsInput = z.object({
  q: z.string().trim().max(200, 'Search with at most 200 characters.').default(''),
  location: z.string().trim().max(100).optional(),
  remoteAllowed: z.boolean().optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).optional(),
  salaryMin: z.number().min(0).max(MAX_MONEY).optional(),
  skills: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
  postedWithinDays: z.number().int().min(1).max(365).optional(),
  companyId: recordId.optional(),
  sort: z.enum(SEARCH_SORTS, { error: 'Sort by relevance, newest or salary.' }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchJobsInput = z.infer<typeof searchJobsInput>;
