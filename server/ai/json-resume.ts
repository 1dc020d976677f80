import { z } from 'zod';

/**
 * The subset of the JSON Resume schema (jsonresume.org/schema) we fill and show. Dates are
 * ISO-8601 prefixes as the schema asks ("2021", "2021-03"); an open role has no endDate.
 */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
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

/** Cuts at the last word boundary within max characters, so a long paragraph ends on a whole word. */
function clipText(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const date = (value: string | undefined) =>
  value !== undefined && ISO_DATE.test(value.trim()) ? value.trim() : undefined;
const required = (text: string, max: number) => clipText(text, max) ?? '';

/**
 * What a parser read, made to fit the schema: texts clipped at a word, lists cut at their
 * maximum, malformed dates dropped. A real resume (a 20-page CV, a paragraph of 5,000
 * characters) must never fail because of what a parser made of it.
 */
export function fitJsonResume(draft: JsonResume): JsonResume {
  const b = draft.basics;
  const location = b.location && {
    city: clipText(b.location.city, L.place),
    region: clipText(b.location.region, L.place),
    countryCode: clipText(b.location.countryCode, L.countryCode),
  };
  return jsonResumeSchema.parse({
    basics: {
      name: clipText(b.name, L.name),
      label: clipText(b.label, L.label),
      email: clipText(b.email, L.email),
      phone: clipText(b.phone, L.phone),
      url: clipText(b.url, L.url),
      summary: clipText(b.summary, L.summary),
      location,
    },
    work: draft.work.slice(0, L.work).map((w) => ({
      name: clipText(w.name, L.workText),
      position: clipText(w.position, L.workText),
      location: clipText(w.location, L.workText),
      startDate: date(w.startDate),
      endDate: date(w.endDate),
      summary: clipText(w.summary, L.summary),
      highlights: w.highlights.flatMap((h) => clipText(h, L.highlight) ?? []).slice(0, L.highlights),
    })),
    education: draft.education.slice(0, L.education).map((e) => ({
      institution: clipText(e.institution, L.workText),
      area: clipText(e.area, L.workText),
      studyType: clipText(e.studyType, L.studyType),
      startDate: date(e.startDate),
      endDate: date(e.endDate),
    })),
    certificates: draft.certificates
      .flatMap((c) => (clipText(c.name, L.certificate) ? [{ name: required(c.name, L.certificate) }] : []))
      .slice(0, L.certificates),
    skills: draft.skills
      .flatMap((s) =>
        clipText(s.name, L.skillName)
          ? [
              {
                name: required(s.name, L.skillName),
                level: clipText(s.level, L.skillLevel),
                keywords: s.keywords.flatMap((k) => clipText(k, L.skillName) ?? []).slice(0, L.keywords),
              },
            ]
          : [],
      )
      .slice(0, L.skills),
    languages: draft.languages
      .flatMap((l) =>
        clipText(l.language, L.place)
          ? [{ language: required(l.language, L.place), fluency: clipText(l.fluency, L.place) }]
          : [],
      )
      .slice(0, L.languages),
  });
}
