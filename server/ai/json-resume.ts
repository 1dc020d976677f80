import { ISO_DATE, jsonResumeSchema, RESUME_LIMITS, type JsonResume } from '../../shared/json-resume.ts';

const L = RESUME_LIMITS;

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
