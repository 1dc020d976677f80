/**
 * A resume parser that needs no network: sections by their headings, roles by their date
 * ranges, schools by degree words, skills by the catalog. Good enough for ordinary resumes;
 * OpenAI does better when a key is set.
 */
import type { SkillLexicon } from '../skills/lexicon.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import { fitJsonResume, type JsonResume } from './json-resume.ts';
import type { ResumeParser } from './types.ts';

export const LOCAL_PARSER_MODEL = 'local-parser-v1';

type Section = 'header' | 'summary' | 'work' | 'education' | 'skills' | 'certificates' | 'other';

const HEADINGS: [RegExp, Section][] = [
  [/^(summary|profile|professional summary|about( me)?|objective|career objective)$/, 'summary'],
  [/^((work|professional|teaching|clinical|relevant|employment|career) )?(experience|history)$|^employment( history)?$|^work$/, 'work'],
  [/^(education|education and training|academic background|qualifications)$/, 'education'],
  [/^((technical|core|key) )?skills( and tools)?$|^(competencies|tools|technologies|expertise)$/, 'skills'],
  [/^(licen[cs]es( and certifications)?|certifications?( and licen[cs]es)?|certificates)$/, 'certificates'],
  [/^(projects|publications|awards|volunteer(ing)?|interests|references|languages)$/, 'other'],
];

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', sept: '09', oct: '10', nov: '11', dec: '12',
};
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const POINT = `(?:${MONTH}\\s+\\d{4}|\\d{1,2}/\\d{4}|\\d{4})`;
const DATE_RANGE = new RegExp(`\\(?\\s*(${POINT})\\s*(?:-|–|—|to|until)\\s*(${POINT}|present|current|now|today)\\s*\\)?`, 'i');
const BULLET = /^\s*(?:[-*•·▪‣◦]|–\s)\s*/;
const DEGREE = /\b(bachelor|master|b\.?\s?s\.?c?|b\.?\s?a\.?|bba|bfa|b\.?eng|m\.?\s?s\.?c?|m\.?\s?a\.?|mba|m\.?ed|m\.?eng|ph\.?d|doctor|associate|diploma|certificate|a\.?a\.?s|b\.?ed|bsn|msn|llb|jd|ged|high school)\b/i;
const INSTITUTION = /\b(university|college|school|institute|academy|polytechnic|conservatory)\b/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /\+?\d[\d\s().-]{8,}\d/;
const CITY_REGION = /\b([A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)*),\s*([A-Z]{2})\b/;

function isoPoint(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  if (/^(present|current|now|today)$/.test(t)) return undefined;
  const monthYear = /^([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (monthYear) {
    const month = MONTHS[monthYear[1]!.slice(0, 4)] ?? MONTHS[monthYear[1]!.slice(0, 3)];
    return month ? `${monthYear[2]}-${month}` : monthYear[2];
  }
  const numeric = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (numeric) return `${numeric[2]}-${numeric[1]!.padStart(2, '0')}`;
  return /^\d{4}$/.test(t) ? t : undefined;
}

function sectionOf(line: string): Section | null {
  const text = line.trim().replace(/[:\s]+$/, '');
  if (!text || text.length > 45 || BULLET.test(line)) return null;
  const lower = text.toLowerCase();
  for (const [pattern, section] of HEADINGS) if (pattern.test(lower)) return section;
  return null;
}

/** "Title, Company", "Title - Company, City", "Title | Company | City", "Title at Company". */
function splitRole(text: string): { position?: string; name?: string; location?: string } {
  const cleaned = text.replace(/[()]/g, ' ').replace(/\s{2,}/g, ' ').replace(/[\s,|–—-]+$/, '').trim();
  let parts = cleaned.split(/\s+[|–—-]\s+|\s*\|\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 1) parts = cleaned.split(/\s+(?:at|@)\s+/);
  if (parts.length === 1) parts = cleaned.split(/,\s*/);
  const [position, second, ...rest] = parts;
  if (!second) return { position };
  // "Beacon General Hospital, Boston, MA", "Alpine Staffing, Boulder": the company before its place.
  const commaParts = second.split(/,\s*/);
  const place = commaParts.slice(1).join(', ');
  const looksLikePlace = CITY_REGION.test(place) || /^(?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+){0,2}$/.test(place) && !/\b(inc|llc|ltd|co|corp|group|partners)\b/i.test(place);
  const name = parts.length === 2 && commaParts.length > 1 && looksLikePlace ? commaParts[0] : second;
  const location = rest.length ? rest.join(', ') : name !== second ? commaParts.slice(1).join(', ') : undefined;
  return { position, name, location };
}

function parseEducation(line: string): JsonResume['education'][number] | null {
  if (!DEGREE.test(line) && !INSTITUTION.test(line)) return null;
  const years = line.match(/\b(19|20)\d{2}\b/g) ?? [];
  const text = line.replace(DATE_RANGE, ' ').replace(/\(?\b(19|20)\d{2}\b\)?/g, ' ').replace(/\s{2,}/g, ' ').trim();
  const parts = text.split(/\s+[|–—-]\s+|,\s*/).map((p) => p.trim()).filter(Boolean);
  // "High School Diploma, Newark Central High School": the school is the part without a degree word.
  const namesASchool = (p: string) => INSTITUTION.test(p) && (!DEGREE.test(p) || /\b(school|college|university|institute|academy)$/i.test(p));
  const institution = parts.find(namesASchool) ?? parts.find((p) => INSTITUTION.test(p));
  const degreeParts = parts.filter((p) => p !== institution && !CITY_REGION.test(`${p}, XX`.replace(/, XX$/, '')) && !/^[A-Z]{2}$/.test(p));
  let studyType: string | undefined;
  let area: string | undefined;
  const degree = degreeParts[0];
  if (degree) {
    const inArea = /^(.*?)\s+(?:in|of)\s+(.+)$/i.exec(degree.replace(/^(bachelor|master|doctor|associate)\s+of\s+(arts|science|education|engineering|business administration|fine arts)/i, '$1 of $2\u0000'));
    if (inArea && inArea[1]!.includes('\u0000')) {
      studyType = inArea[1]!.replace('\u0000', '');
      area = inArea[2];
    } else if (/\u0000/.test(degree.replace(/^(bachelor|master|doctor|associate)\s+of\s+(arts|science|education|engineering|business administration|fine arts)/i, '$&\u0000'))) {
      const m = /^((?:bachelor|master|doctor|associate)\s+of\s+(?:arts|science|education|engineering|business administration|fine arts))\s*(?:in\s+)?(.*)$/i.exec(degree);
      studyType = m?.[1];
      area = m?.[2] || undefined;
    } else {
      const abbreviation = /^([A-Za-z.]+\.?|[A-Z]{2,5})\s+(?:in\s+)?(.+)$/.exec(degree);
      if (abbreviation && DEGREE.test(abbreviation[1]!)) {
        studyType = abbreviation[1];
        area = abbreviation[2];
      } else {
        studyType = degree;
      }
    }
    if (!area && degreeParts[1] && !INSTITUTION.test(degreeParts[1])) area = degreeParts[1];
  }
  if (!institution && !studyType) return null;
  const endYear = years.length ? years[years.length - 1] : undefined;
  const startYear = years.length > 1 ? years[0] : undefined;
  return { institution, studyType: studyType?.replace(/\u0000/g, '').trim(), area: area?.trim(), startDate: startYear, endDate: endYear };
}

function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : name;
}

export function parseResumeLocally(text: string, lexicon: SkillLexicon): JsonResume {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const resume: JsonResume = { basics: {}, work: [], education: [], certificates: [], skills: [], languages: [] };
  let section: Section = 'header';
  const summary: string[] = [];
  let role: JsonResume['work'][number] | null = null;
  let pendingHeader: string[] = [];

  const firstLines = lines.map((l) => l.trim()).filter(Boolean).slice(0, 4);
  // The name, then contact lines (an email, a phone, a city with its region); the rest is a summary.
  const headerLines = firstLines.filter((l, i) => i === 0 || EMAIL.test(l) || PHONE.test(l) || /^[^.]{0,80}\b[A-Z][a-zA-Z.]+,\s*[A-Z]{2}\b[^.]*$/.test(l) || /https?:|www\.|\.com|\.example/.test(l));
  const first = headerLines[0] ?? '';
  const [namePart, labelPart] = first.split(/\s+[|–—-]\s+|,\s+(?=[A-Z]{2,}\b)/);
  if (namePart && !EMAIL.test(namePart) && namePart.length <= 60) resume.basics.name = titleCase(namePart.trim());
  if (labelPart && labelPart.length <= 80) resume.basics.label = labelPart.trim();
  const headerText = headerLines.join(' ');
  const email = EMAIL.exec(text)?.[0];
  if (email) resume.basics.email = email;
  const phone = PHONE.exec(headerText.replace(EMAIL, ' '))?.[0];
  if (phone && phone.replace(/\D/g, '').length >= 10) resume.basics.phone = phone.trim();
  const place = CITY_REGION.exec(headerLines.slice(1).join(' | '));
  if (place) resume.basics.location = { city: place[1], region: place[2] };

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (!line) continue;
    const heading = sectionOf(rawLine);
    if (heading) {
      section = heading;
      role = null;
      pendingHeader = [];
      continue;
    }
    switch (section) {
      case 'header':
      case 'summary':
        if (section === 'summary' || !headerLines.includes(line)) summary.push(line.replace(BULLET, ''));
        break;
      case 'work': {
        if (BULLET.test(rawLine)) {
          if (role) role.highlights.push(line.replace(BULLET, ''));
          break;
        }
        const range = DATE_RANGE.exec(line);
        if (range) {
          const rest = line.replace(range[0], ' ').trim();
          const described = rest.replace(/[\s,|–—-]+/g, '') ? rest : pendingHeader.join(' - ');
          role = { ...splitRole(described), startDate: isoPoint(range[1]!), endDate: isoPoint(range[2]!), highlights: [] };
          resume.work.push(role);
          pendingHeader = [];
        } else if (role && role.highlights.length > 0) {
          // A plain line after bullets starts the next role's header.
          pendingHeader = [line];
          role = null;
        } else if (role) {
          role.summary = role.summary ? `${role.summary} ${line}` : line;
        } else {
          pendingHeader.push(line);
        }
        break;
      }
      case 'education': {
        const entry = parseEducation(line.replace(BULLET, ''));
        if (entry) resume.education.push(entry);
        break;
      }
      case 'certificates':
        // Commas separate certificates, except inside parentheses: "Registered Nurse (MA, RI)".
        for (const name of line.replace(BULLET, '').split(/[,;]\s*(?![^()]*\))/)) if (name.trim()) resume.certificates.push({ name: name.trim() });
        break;
      default:
        break;
    }
  }
  if (summary.length) resume.basics.summary = summary.join(' ');
  resume.skills = findSkillMentions(lexicon, text).map((m) => ({ name: m.name, keywords: [] }));
  return fitJsonResume(resume);
}

export function createLocalResumeParser(): ResumeParser {
  return {
    model: LOCAL_PARSER_MODEL,
    async parse(text, lexicon) {
      const resume = parseResumeLocally(text, lexicon);
      const skills = findSkillMentions(lexicon, text).map((m) => ({ name: m.name, evidence: m.evidence }));
      return { resume, skills, model: LOCAL_PARSER_MODEL };
    },
  };
}
