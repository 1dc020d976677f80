import { z } from 'zod';

/**
 * The subset of the JSON Resume schema (jsonresume.org/schema) we fill and show. Dates are
 * ISO-8601 prefixes as the schema asks ("2021", "2021-03"); an open role has no endDate.
 */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use a date like 2021 or 2021-03.');
const shortText = (max: number) => z.string().trim().max(max);

export const jsonResumeSchema = z.object({
  basics: z
    .object({
      name: shortText(200).optional(),
      label: shortText(200).optional(),
      email: shortText(255).optional(),
      phone: shortText(40).optional(),
      url: shortText(255).optional(),
      summary: shortText(2000).optional(),
      location: z.object({ city: shortText(100).optional(), region: shortText(100).optional(), countryCode: shortText(2).optional() }).optional(),
    })
    .default({}),
  work: z
    .array(
      z.object({
        name: shortText(200).optional(),
        position: shortText(200).optional(),
        location: shortText(200).optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
        summary: shortText(2000).optional(),
        highlights: z.array(shortText(1000)).max(50).default([]),
      }),
    )
    .max(50)
    .default([]),
  education: z
    .array(
      z.object({
        institution: shortText(200).optional(),
        area: shortText(200).optional(),
        studyType: shortText(100).optional(),
        startDate: isoDate.optional(),
        endDate: isoDate.optional(),
      }),
    )
    .max(20)
    .default([]),
  certificates: z.array(z.object({ name: shortText(200) })).max(50).default([]),
  skills: z.array(z.object({ name: shortText(100), level: shortText(50).optional(), keywords: z.array(shortText(100)).max(50).default([]) })).max(200).default([]),
  languages: z.array(z.object({ language: shortText(100), fluency: shortText(100).optional() })).max(30).default([]),
});

export type JsonResume = z.infer<typeof jsonResumeSchema>;
