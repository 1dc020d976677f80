/**
 * The JSON Resume the app stores (job_seekers.resume_data, application_resumes.resume_data),
 * validates (seekers.updateResumeData) and fills (the resume parsers in server/ai). Here, outside
 * db/ and server/, because both type it: db/ may import nothing from server/ (.dependency-cruiser.cjs).
 */
import { z } from 'zod';

/**
 * The subset of the JSON Resume schema (jsonresume.org/schema) we fill and show. Dates are
 * ISO-8601 prefixes as the schema asks ("2021", "2021-03"); an open role has no endDate.
 */
export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const isoDate = z.string().regex(ISO_DATE, 'Use a date like 2021 or 2021-03.');
const shortText = (max: number) => z.string().trim().max(max);

/** The schema's limits, shared with fitJsonResume so what a parser makes always fits. */
export const RESUME_LIMITS = {
  name: 200,
  label: 200,
  email: 255,
  phone: 40,
  url: 255,
  summary: 2000,
  place: 100,
  countryCode: 2,
  workText: 200,
  highlight: 1000,
  highlights: 50,
  work: 50,
  studyType: 100,
  education: 20,
  certificate: 200,
  certificates: 50,
  skillName: 100,
  skillLevel: 50,
  keywords: 50,
  skills: 200,
  languages: 30,
} as const;
const L = RESUME_LIMITS;

export const jsonResumeSchema = z.object({
  basics: z
    .object({
      name: shortText(L.name).optional(),
      label: shortText(L.label).optional(),
      email: shortText(L.email).optional(),
      phone: shortText(L.phone).optional(),
      url: shortText(L.url).optional(),
      summary: shortText(L.summary).optional(),
      location: z
        .object({
          city: shortText(L.place).optional(),
          region: shortText(L.place).optional(),
          countryCode: shortText(L.countryCode).optional(),
        })
        .optional(),
    })
    .default({}),
  work: z
    .array(
      z.object({
        name: shortText(L.workText).optional(),
        position: shortText(L.workText).optional(),
        location: shortText(L.workText).optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
        summary: shortText(L.summary).optional(),
        highlights: z.array(shortText(L.highlight)).max(L.highlights).default([]),
      }),
    )
    .max(L.work)
    .default([]),
  education: z
    .array(
      z.object({
        institution: shortText(L.workText).optional(),
        area: shortText(L.workText).optional(),
        studyType: shortText(L.studyType).optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
      }),
    )
    .max(L.education)
    .default([]),
  certificates: z
    .array(z.object({ name: shortText(L.certificate) }))
    .max(L.certificates)
    .default([]),
  skills: z
    .array(
      z.object({
        name: shortText(L.skillName),
        level: shortText(L.skillLevel).optional(),
        keywords: z.array(shortText(L.skillName)).max(L.keywords).default([]),
      }),
    )
    .max(L.skills)
    .default([]),
  languages: z
    .array(z.object({ language: shortText(L.place), fluency: shortText(L.place).optional() }))
    .max(L.languages)
    .default([]),
});

export type JsonResume = z.infer<typeof jsonResumeSchema>;
