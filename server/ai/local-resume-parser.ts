/**
 * A resume parser that needs no network: sections by their headings, roles by their date
 * ranges (title and employer told apart by the words they use, in either order, on one line or
 * several), schools by degree and institution words, skills by the catalog. Good enough for
 * ordinary resumes; OpenAI does better when a key is set.
 *
 * Every regular expression here runs in linear time on any input: whitespace is collapsed by
 * a loop before any pattern sees a line, and every quantifier that could be followed by a
 * failing match is bounded. A hostile resume (60,000 spaces, colons or `<`) parses in
 * milliseconds.
 */
import type { SkillLexicon } from '../skills/lexicon.ts';
import { findSkillMentions } from '../skills/lexicon.ts';
import type { JsonResume } from '../../shared/json-resume.ts';
import { fitJsonResume } from './json-resume.ts';
import type { ResumeParser } from './types.ts';
import { cleanLines, findDateRange, stripEnd, type Line } from './resume-text.ts';

export const LOCAL_PARSER_MODEL = 'local-parser-v1';

type Section = 'header' | 'summary' | 'work' | 'education' | 'skills' | 'certificates' | 'languages' | 'other';
type Role = JsonResume['work'][number];
type School = JsonResume['education'][number];

/** Heading phrases, lower case, without punctuation. */
const HEADINGS: [RegExp, Section][] = [
  [
    /^(?:professional |career |executive |personal )?(?:summary|profile|objective|statement)$|^about(?: me)?$|^summary of qualifications$|^(?:career|professional) (?:objective|overview)$/,
    'summary',
  ],
  [
    /^(?:[a-z&]{1,20} ){0,3}(?:experience|employment|employment history|work history|career history|job history|history of employment)$|^(?:employment|work|career|experience|positions held|professional background)$|^experience summary$/,
    'work',
  ],
  [
    /^(?:education|academic|educational)(?: (?:and|&) (?:training|qualifications|certifications?))?(?: background| history)?$|^(?:academic |educational )?qualifications$|^training$|^academics$/,
    'education',
  ],
  [
    /^(?:[a-z]{1,15} )?(?:skills?|competencies|competences|proficiencies|expertise|strengths|tools|technologies|qualifications)(?: (?:and|&) (?:tools|abilities|technologies|expertise|competencies|interests))?$|^areas of expertise$|^skill highlights$|^tools (?:and|&) technologies$|^tech stack$/,
    'skills',
  ],
  [/^(?:licen[cs]es?|certifications?|certificates)(?: (?:and|&) (?:licen[cs]es|certifications?))?$/, 'certificates'],
  [/^languages?(?: skills)?$/, 'languages'],
  [
    /^(?:projects|key projects|personal projects|publications|awards|honou?rs(?: (?:and|&) awards)?|awards (?:and|&) honou?rs|volunteer(?:ing| experience| work)?|interests|hobbies|references|activities|affiliations|memberships|additional information|accomplishments|achievements|personal details|courses|coursework)$/,
    'other',
  ],
];

/** A heading by itself, or "Skills: Python, SQL" (a heading then its first line). */
function headingOf(text: string): { section: Section; rest: string } | null {
  const colon = text.indexOf(':');
  const candidates = colon > 0 && colon <= 40 ? [text.slice(0, colon), text] : [text];
  for (const candidate of candidates) {
    const key = stripEnd(candidate, ':;.|- ')
      .toLowerCase()
      .replace(/[^a-z& ]/g, ' ')
      .split(' ')
      .filter(Boolean)
      .join(' ');
    if (!key || key.length > 45) continue;
    // "Summary of qualifications" and "Core qualifications" say what follows, unlike "Qualifications".
    if (/^(?:core|key|professional) qualifications$/.test(key))
      return { section: 'skills', rest: candidate === text ? '' : text.slice(colon + 1).trim() };
    for (const [pattern, section] of HEADINGS) {
      if (pattern.test(key)) return { section, rest: candidate === text ? '' : text.slice(colon + 1).trim() };
    }
  }
  return null;
}

// ---- Roles: title, employer, location -----------------------------------------------------

const TITLE_WORDS = new Set(
  `nurse practitioner engineer developer programmer manager analyst teacher assistant associate specialist coordinator director
  accountant designer technician electrician welder carpenter plumber driver dispatcher cashier clerk representative rep
  consultant officer supervisor lead head chef cook server bartender agent administrator architect scientist intern
  trainee apprentice operator recruiter generalist paralegal attorney lawyer counsel banker teller auditor bookkeeper
  controller executive president vp founder cofounder co-founder owner instructor professor lecturer tutor aide
  paraprofessional therapist pharmacist physician doctor surgeon emt caregiver counselor counsellor worker planner
  merchandiser buyer stylist photographer writer editor producer strategist marketer tester secretary receptionist helper
  foreman laborer labourer mechanic machinist installer inspector estimator superintendent journeyman principal dean
  coach trainer fellow researcher volunteer ceo cto cfo coo cio svp evp avp sde swe sre dba hostess host housekeeper
  janitor custodian nanny barista waiter waitress guard medic midwife dentist hygienist radiographer sonographer
  phlebotomist lpn rn cna crna np pa cpa underwriter adjuster broker actuary economist statistician translator
  interpreter librarian archivist curator scheduler expeditor picker packer loader handler fabricator millwright
  lineman roofer mason painter framer drafter draftsman surveyor programmer partner chief officer`.split(/\s+/),
);

const ORG_WORDS = new Set(
  `inc incorporated llc ltd llp plc gmbh ag sa corp corporation company co group hospital hospitals clinic clinics health
  healthcare bank university college school schools academy institute systems solutions technologies technology tech
  labs laboratories partners associates services agency studio studios logistics foods market markets store stores
  restaurant restaurants hotel hotels inn resort center centre foundation council department county district government
  ministry consulting capital insurance fabrication builders construction electric freight trucking distribution
  manufacturing motors automotive pharmacy living care outfitters interiors media press publishing network ventures
  holdings enterprises industries international global airlines shops clubs staffing bakery cafe kitchen works
  transport transportation energy power utilities medicine dental family community children's childrens
  nonprofit charity church federal army navy force corps`.split(/\s+/),
);

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ON BC QC AB'.split(
    ' ',
  ),
);
const COUNTRY_NAMES = new Set(
  `usa, us, uk, united kingdom, united states, canada, germany, france, spain, italy, poland, netherlands, belgium, ireland,
  india, china, japan, australia, mexico, brazil, portugal, sweden, norway, denmark, finland, austria, switzerland, singapore,
  nigeria, kenya, south africa, egypt, uae, pakistan, philippines, vietnam, israel, turkey, greece, romania, ukraine,
  czech republic, hungary, new zealand, argentina, chile, colombia, peru, england, scotland, wales`.split(/,\s*/),
);

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z'&-]+/)
    .filter(Boolean);
const hasTitleWord = (text: string) =>
  wordsOf(text).some((w) => TITLE_WORDS.has(w) || (TITLE_WORDS.has(w.replace(/s$/, '')) && !ORG_WORDS.has(w)));
const hasOrgWord = (text: string) => wordsOf(text).some((w) => ORG_WORDS.has(w)) || /[&@]|\.com\b/.test(text);
const isCapitalizedWords = (text: string) => /^[A-Z][\p{L}.'’-]{0,30}(?: [A-Z][\p{L}.'’-]{0,30}){0,3}$/u.test(text);

/** "Boston, MA", "Berlin, Germany", "Remote", "MA": a place, not a company. */
function isPlace(text: string): boolean {
  const t = text.trim();
  if (/^remote$|^hybrid$|^on-?site$/i.test(t)) return true;
  if (US_STATES.has(t)) return true;
  const space = t.lastIndexOf(' ');
  if (
    space > 0 &&
    US_STATES.has(t.slice(space + 1)) &&
    isCapitalizedWords(t.slice(0, space)) &&
    !hasOrgWord(t.slice(0, space))
  )
    return true;
  if (COUNTRY_NAMES.has(t.toLowerCase())) return true;
  const comma = t.lastIndexOf(', ');
  if (comma < 0) return false;
  const city = t.slice(0, comma);
  const region = t.slice(comma + 2);
  return (
    isCapitalizedWords(city) && !hasOrgWord(city) && (US_STATES.has(region) || COUNTRY_NAMES.has(region.toLowerCase()))
  );
}

/** "Miami", "New Orleans", "Newark NJ": a city alone, which only its position tells from a company. */
function looksLikeCity(text: string): boolean {
  const space = text.lastIndexOf(' ');
  const city = space > 0 && US_STATES.has(text.slice(space + 1)) ? text.slice(0, space) : text;
  return isCapitalizedWords(city) && city.split(' ').length <= 3 && !hasOrgWord(city) && !hasTitleWord(city);
}

const LEGAL_SUFFIX = /^(?:inc|llc|ltd|llp|plc|corp|co|gmbh|l\.l\.c|pvt\.? ltd)\.?$/i;

/** "Quality Builders, Inc., Dallas" in parts, the legal suffix kept with its company. */
function commaParts(text: string): string[] {
  const parts: string[] = [];
  for (const part of text.split(', ')) {
    if (parts.length && LEGAL_SUFFIX.test(part)) parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  return parts;
}

/** Splits a place off the end of "Beacon General Hospital, Boston, MA" or "Harborview Hotel, Miami". */
function splitTrailingPlace(text: string): { rest: string; location?: string } {
  const parts = commaParts(text);
  for (let take = Math.min(2, parts.length - 1); take >= 1; take--) {
    const place = parts.slice(-take).join(', ');
    if (isPlace(place) && (take === 2 || US_STATES.has(place) || COUNTRY_NAMES.has(place.toLowerCase()))) {
      return { rest: parts.slice(0, -take).join(', '), location: place };
    }
  }
  const last = parts.at(-1)!;
  const before = parts.slice(0, -1).join(', ');
  if (parts.length >= 3 || (parts.length === 2 && !hasTitleWord(before))) {
    if (looksLikeCity(last)) return { rest: before, location: last };
  }
  return { rest: text };
}

const titleScore = (text: string) => (hasTitleWord(text) ? 2 : 0) - (hasOrgWord(text) ? 1 : 0);

/**
 * Title, employer and place from the words around a role's dates: "Title, Employer, City, ST",
 * "Employer | City" then "Title", "Title at Employer", "TITLE" then "Employer, City".
 */
export function readRoleHeader(lines: string[]): Pick<Role, 'position' | 'name' | 'location'> {
  let location: string | undefined;
  const pieces: string[] = [];
  let atSplit: [string, string] | undefined;
  for (const line of lines) {
    for (const raw of line.split(/ \| | [–—-] | · /)) {
      let piece = stripEnd(raw.trim(), ',;:|-–— ').replace(/^[,;:|–—-] ?/, '');
      if (!piece) continue;
      if (isPlace(piece)) {
        location ??= piece;
        continue;
      }
      const placed = splitTrailingPlace(piece);
      if (placed.location) {
        location ??= placed.location;
        piece = placed.rest;
      }
      const at = / (?:at|@) /.exec(piece);
      if (at && !atSplit) {
        atSplit = [piece.slice(0, at.index), piece.slice(at.index + at[0].length)];
        continue;
      }
      if (piece) pieces.push(piece);
    }
  }
  if (atSplit) {
    const employer = splitTrailingPlace(atSplit[1]);
    return { position: atSplit[0], name: employer.rest, location: location ?? employer.location };
  }
  if (pieces.length === 0) return { location };
  if (pieces.length === 1) return { ...splitOnePiece(pieces[0]!), location };
  // Of the first three pieces, the one that reads most like a job title is the title; the
  // first other piece is the employer. A tie keeps the order written (title first).
  const candidates = pieces.slice(0, 3);
  let titleIndex = 0;
  for (let i = 1; i < candidates.length; i++)
    if (titleScore(candidates[i]!) > titleScore(candidates[titleIndex]!)) titleIndex = i;
  const others = candidates.filter((_, i) => i !== titleIndex);
  const employer = others.find(hasOrgWord) ?? others[0];
  return { position: candidates[titleIndex], name: employer, location };
}

/** "Staff Nurse, ICU, Beacon General Hospital" or "Acme Corp, Senior Accountant". */
function splitOnePiece(piece: string): Pick<Role, 'position' | 'name'> {
  const parts = commaParts(piece);
  if (parts.length === 1) return hasOrgWord(piece) && !hasTitleWord(piece) ? { name: piece } : { position: piece };
  const orgIndex = parts.findIndex((p, i) => i > 0 && hasOrgWord(p) && !hasTitleWord(p));
  if (orgIndex > 0) return { position: parts.slice(0, orgIndex).join(', '), name: parts.slice(orgIndex).join(', ') };
  if (titleScore(parts[0]!) < titleScore(parts.slice(1).join(', ')))
    return { name: parts[0], position: parts.slice(1).join(', ') };
  return { position: parts.slice(0, -1).join(', '), name: parts.at(-1) };
}

/**
 * What could be the name of an employer or a title: not a sentence, a date, a page number or
 * a bit of punctuation left over from a scraped layout.
 */
function plausibleName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (t.length < 2 || t.length > 90 || t.split(' ').length > 10) return undefined;
  // "iOS Developer", "eBay": a small letter first only before a capital.
  if (!/^(?:[\p{Lu}\p{N}"'(&]|\p{Ll}\p{Lu})/u.test(t) || !/\p{L}{2}/u.test(t)) return undefined;
  if (/^(?:page \d|company name|employer|location|city|client:?$)/i.test(t) || LEGAL_SUFFIX.test(t)) return undefined;
  if (/\b(?:19|20)(?:\d\d|XX)\b|\d{1,2}\/\d{4}/.test(t)) return undefined;
  return t;
}

// ---- Education -------------------------------------------------------------------------------

const DEGREE =
  /\b(?:bachelor(?:'?s)?|master(?:'?s)?|associate(?:'?s)? (?:degree|of)|doctor(?:ate)? of|doctorate|ph\.? ?d|mba|msw|bsn|msn|dpt|llb|llm|j\.?d\b|m\.?d\b|diploma|certificate|certification|ged|high school|degree|a\.a\.s|b\.?eng|m\.?eng|b\.?tech|m\.?tech|apprenticeship)\b|^(?:B\.? ?[SA]\.?(?:c\.?)?|M\.? ?[SA]\.?(?:c\.?)?|M\.? ?Ed\.?|B\.? ?Ed\.?|BBA|BFA|MFA|MPH|MPA|AAS|AA|AS|BS|BA|MS|MA|BSc|MSc)(?= |$|,)/i;
const INSTITUTION =
  /\b(?:university|universit[éeä]|college|school|institute|institution|academy|polytechnic|conservatory|seminary|centre|center|universidad|hochschule)\b/i;

function isYears(text: string): boolean {
  return /^(?:(?:from |since )?(?:[a-z]{3,9}\.? )?(?:19|20)\d\d(?: ?(?:-|–|—|to) ?(?:(?:[a-z]{3,9}\.? )?(?:19|20)\d\d|present|current|now))?|expected (?:[a-z]{3,9} )?(?:19|20)\d\d)$/i.test(
    text.trim(),
  );
}

function degreeParts(degree: string): { studyType: string; area?: string } {
  const inOf =
    /^((?:bachelor|master|doctor|associate)(?:'?s)?(?: of [a-z]{2,15}(?: [a-z]{2,15})?| degree)?)(?: in | of |, | - )(.{2,100})$/i.exec(
      degree,
    );
  if (inOf && !/^(?:bachelor|master|doctor|associate)(?:'?s)? of$/i.test(inOf[1]!))
    return { studyType: inOf[1]!, area: inOf[2] };
  const named = /^((?:bachelor|master|doctor|associate)(?:'?s)? of [A-Za-z]{2,15}(?: [A-Z][a-z]{1,15})?)$/i.exec(
    degree,
  );
  if (named) return { studyType: named[1]! };
  const abbreviation = /^([A-Z][A-Za-z]{0,3}\.(?: ?[A-Za-z]{1,3}\.){0,3}|[A-Z]{2,5})(?: in)? (.{2,100})$/.exec(degree);
  if (abbreviation && DEGREE.test(abbreviation[1]!)) return { studyType: abbreviation[1]!, area: abbreviation[2] };
  return { studyType: degree };
}

class EducationReader {
  readonly schools: School[] = [];
  private current: School | null = null;

  add(line: string) {
    const years = line.match(/\b(?:19|20)\d\d\b/g) ?? [];
    // "Bachelor of Engineering from VMKV College": a degree from its school.
    const parts = line
      .split(/ \| | [–—-] |, |\t| from (?=\p{Lu})/u)
      .map((p) => stripEnd(p.trim(), ',;:|- '))
      .filter(Boolean);
    let degree: string | undefined;
    let institution: string | undefined;
    parts.forEach((part, i) => {
      if (isYears(part) || isPlace(part) || /^[A-Z]{2}$/.test(part)) return;
      const cleaned = part
        .replace(/\(?\b(?:19|20)\d\d\b\)?/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
      if (!cleaned) return;
      if (
        INSTITUTION.test(cleaned) &&
        (!DEGREE.test(cleaned) || /\b(?:school|college|university|institute|academy|center|centre)$/i.test(cleaned)) &&
        !institution
      ) {
        const next = parts[i + 1];
        // "University of California, Berkeley": the campus belongs to the name, unless a region follows.
        const campus =
          next &&
          isCapitalizedWords(next) &&
          !DEGREE.test(next) &&
          !isYears(next) &&
          !US_STATES.has(next) &&
          !(parts[i + 2] && US_STATES.has(parts[i + 2]!)) &&
          / of /.test(cleaned) &&
          !INSTITUTION.test(next);
        institution = campus ? `${cleaned}, ${next}` : cleaned;
        if (campus) parts[i + 1] = '';
      } else if (DEGREE.test(cleaned) && !degree) degree = cleaned;
      else if (!degree && !institution && this.current?.institution && !this.current.studyType && part === parts[0])
        degree = cleaned;
      else if (
        !institution &&
        this.current?.studyType &&
        !this.current.institution &&
        isCapitalizedWords(cleaned) &&
        cleaned.split(' ').length >= 2
      )
        institution = cleaned;
    });
    const start = years.length > 1 ? years[0] : undefined;
    const end = years.length ? years[years.length - 1] : undefined;
    if (!degree && !institution) {
      if (this.current && end && !this.current.endDate) Object.assign(this.current, { startDate: start, endDate: end });
      return;
    }
    const c = this.current;
    const fillsCurrent =
      c &&
      ((degree && !c.studyType && !(institution && c.institution)) ||
        (institution && !c.institution && !(degree && c.studyType)));
    if (c && fillsCurrent) {
      if (institution) c.institution = institution;
      if (degree) Object.assign(c, degreeParts(degree));
      if (end && !c.endDate) Object.assign(c, { startDate: start, endDate: end });
      return;
    }
    this.current = { institution, ...(degree ? degreeParts(degree) : {}), startDate: start, endDate: end };
    this.schools.push(this.current);
  }
}

// ---- Work ------------------------------------------------------------------------------------

/** A line that can be part of a role's header: short, not a sentence. */
function isHeaderLike(text: string): boolean {
  if (text.length > 90 || text.split(' ').length > 12) return false;
  if (/[.!?;]$/.test(text) && !/\b(?:inc|co|ltd|corp|jr|sr|st)\.$/i.test(text)) return false;
  return /^[\p{Lu}\p{N}"'(]/u.test(text);
}

class WorkReader {
  readonly roles: Role[] = [];
  private role: Role | null = null;
  private header: string[] = [];
  private pending: string[] = [];
  /** The role's dates came before its title and employer ("2019 – 2021" then "Nurse" then "Mercy"). */
  private awaitingHeader = false;

  add(line: Line) {
    if (line.bullet) return this.addDetail(line.text, true);
    const dates = findDateRange(line.text);
    if (dates) {
      const rest = `${line.text.slice(0, dates.index)} | ${line.text.slice(dates.index + dates.length)}`
        .replace(/[()]/g, ' ')
        .replace(/ {2,}/g, ' ');
      const restPieces = rest
        .split(' | ')
        .map((p) => stripEnd(p.trim(), ',;:|-–— ').replace(/^[,;:|–—-] ?/, ''))
        .filter(Boolean);
      const header = [...this.pending, ...restPieces];
      this.start(header, dates.start, dates.end);
      this.awaitingHeader = restPieces.length === 0 && this.pending.length === 0;
      this.pending = [];
      return;
    }
    const role = this.role;
    if (role && !role.highlights.length && !role.summary && isHeaderLike(line.text)) {
      if (isPlace(line.text) && !role.location) {
        role.location = line.text;
        return;
      }
      if (this.awaitingHeader || !role.position || !role.name) {
        this.header.push(line.text);
        Object.assign(role, readRoleHeader(this.header));
        this.awaitingHeader = this.header.length < 2;
        return;
      }
    }
    if (isHeaderLike(line.text) && !line.text.endsWith(':')) {
      this.pending.push(line.text);
      if (this.pending.length > 3) this.pending.shift();
      return;
    }
    this.addDetail(line.text, false);
  }

  private start(header: string[], startDate: string | undefined, endDate: string | undefined) {
    this.header = header;
    this.role = { ...readRoleHeader(header), startDate, endDate, highlights: [] };
    this.roles.push(this.role);
  }

  private addDetail(text: string, bullet: boolean) {
    this.awaitingHeader = false;
    if (this.pending.length && (bullet || !this.role) && this.pending.some((p) => hasTitleWord(p) || hasOrgWord(p))) {
      // A role written without dates: its header lines, then what was done.
      this.start(this.pending, undefined, undefined);
      this.pending = [];
    } else if (this.pending.length && this.role) {
      // Short lines that were not a header after all: part of the description.
      for (const p of this.pending) this.describe(p, false);
      this.pending = [];
    }
    this.describe(text, bullet);
  }

  private describe(text: string, bullet: boolean) {
    const role = this.role;
    if (!role) return;
    const last = role.highlights.length - 1;
    // A wrapped line goes on with the one before it.
    if (!bullet && /^[a-z(]/.test(text) && last >= 0) role.highlights[last] = `${role.highlights[last]} ${text}`;
    else if (bullet || role.highlights.length) role.highlights.push(text);
    else role.summary = role.summary ? `${role.summary} ${text}` : text;
  }
}

// ---- Header: name and contact ----------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/;
const PHONE = /(?:\+\d{1,3} ?)?(?:\(\d{2,4}\) ?)?\d[\d .-]{6,16}\d/;
const CITY_REGION = /\b([A-Z][a-zA-Z.]{1,30}(?: [A-Z][a-zA-Z.]{1,30}){0,3}), ([A-Z]{2})\b/;

function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : name;
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'at', 'to', 'on']);

/** "HR COORDINATOR" to "HR Coordinator": short words in capitals are abbreviations. */
function titleCaseTitle(title: string): string {
  if (title !== title.toUpperCase() || title.length <= 4) return title;
  return title
    .split(' ')
    .map((word, i) =>
      SMALL_WORDS.has(word.toLowerCase()) && i > 0 ? word.toLowerCase() : word.length <= 3 ? word : titleCase(word),
    )
    .join(' ');
}

function readBasics(lines: Line[], resume: JsonResume): Set<Line> {
  const firstLines = lines.slice(0, 6);
  const contact = new Set<Line>();
  firstLines.forEach((l, i) => {
    if (
      i === 0 ||
      EMAIL.test(l.text) ||
      PHONE.test(l.text) ||
      CITY_REGION.test(l.text) ||
      /https?:|www\.|linkedin/i.test(l.text)
    )
      contact.add(l);
  });
  const first = firstLines[0]?.text ?? '';
  const [namePart, labelPart] = first.split(/ [|–—-] |, (?=[A-Z]{2,}\b)/);
  if (namePart && !EMAIL.test(namePart) && namePart.length <= 60 && !headingOf(namePart))
    resume.basics.name = titleCase(namePart.trim());
  if (labelPart && labelPart.length <= 80) resume.basics.label = labelPart.trim();
  const contactText = [...contact].map((l) => l.text).join(' | ');
  const email = EMAIL.exec(contactText)?.[0] ?? lines.map((l) => EMAIL.exec(l.text)?.[0]).find(Boolean);
  if (email) resume.basics.email = email;
  const phone = PHONE.exec(contactText.replace(EMAIL, ' '))?.[0];
  if (phone && phone.replace(/\D/g, '').length >= 10) resume.basics.phone = phone.trim();
  const place = CITY_REGION.exec(
    [...contact]
      .filter((l) => l !== firstLines[0])
      .map((l) => l.text)
      .join(' | '),
  );
  if (place) resume.basics.location = { city: place[1], region: place[2] };
  return contact;
}

// ---- The parser ------------------------------------------------------------------------------

interface Reading {
  resume: JsonResume;
  /** Employers and schools: names whose words are never skills. */
  names: string[];
}

function read(text: string): Reading {
  const lines = cleanLines(text);
  const resume: JsonResume = { basics: {}, work: [], education: [], certificates: [], skills: [], languages: [] };
  const contact = readBasics(lines, resume);
  const work = new WorkReader();
  const education = new EducationReader();
  const summary: string[] = [];
  let section: Section = 'header';
  for (const line of lines) {
    const heading = line.text.length <= 80 && !(line.bullet && line.text.length > 30) ? headingOf(line.text) : null;
    if (heading) {
      section = heading.section;
      if (!heading.rest) continue;
    }
    const body = heading ? { ...line, text: heading.rest } : line;
    switch (section) {
      case 'header':
        if (!contact.has(line)) summary.push(body.text);
        break;
      case 'summary':
        summary.push(body.text);
        break;
      case 'work':
        work.add(body);
        break;
      case 'education':
        education.add(body.text);
        break;
      case 'certificates':
        // Commas separate certificates, except inside parentheses: "Registered Nurse (MA, RI)".
        for (const name of body.text.split(/[,;] ?(?![^()]{0,200}\))/))
          if (name.trim()) resume.certificates.push({ name: name.trim() });
        break;
      case 'languages':
        for (const name of body.text.split(/[,;|] ?/)) {
          const [language, fluency] = name.split(/ ?[(:–-] ?/);
          if (language && language.length <= 40)
            resume.languages.push({
              language: language.trim(),
              fluency: fluency?.replace(/\)$/, '').trim() || undefined,
            });
        }
        break;
      default:
        break;
    }
  }
  if (summary.length) resume.basics.summary = summary.join(' ');
  // "AUDIT SENIOR" as the seeker would write it in a form; an employer's capitals may be its name (IBM).
  resume.work = work.roles
    .map((r) => ({ ...r, name: plausibleName(r.name), position: plausibleName(r.position) }))
    .filter((r) => r.position || r.name)
    .map((r) => ({ ...r, position: r.position && titleCaseTitle(r.position) }));
  resume.education = education.schools;
  const names = [...resume.work.map((w) => w.name), ...resume.education.map((e) => e.institution)].filter(
    (n): n is string => !!n && n.length >= 3,
  );
  return { resume, names };
}

/** The text with every employer and school name blanked, line for line, so their words are not read as skills. */
function withoutNames(lines: string[], names: string[]): string[] {
  const lowerNames = [...new Set(names.map((n) => n.toLowerCase()))];
  return lines.map((line) => {
    let lower = line.toLowerCase();
    if (lower.length !== line.length) return line;
    let out = line;
    for (const name of lowerNames) {
      for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) {
        const blank = ' '.repeat(name.length);
        out = out.slice(0, at) + blank + out.slice(at + name.length);
        lower = lower.slice(0, at) + blank + lower.slice(at + name.length);
      }
    }
    return out;
  });
}

function skillsOf(text: string, names: string[], lexicon: SkillLexicon) {
  const lines = text.split(/\r?\n/);
  const masked = withoutNames(lines, names);
  const originalOf = new Map<string, string>();
  masked.forEach((m, i) => {
    const key = m.trim().slice(0, 200);
    if (!originalOf.has(key)) originalOf.set(key, lines[i]!.trim().slice(0, 200));
  });
  return findSkillMentions(lexicon, masked.join('\n')).map((m) => ({
    ...m,
    evidence: originalOf.get(m.evidence) ?? m.evidence,
  }));
}

export function parseResumeLocally(text: string, lexicon: SkillLexicon): JsonResume {
  const { resume, names } = read(text);
  resume.skills = skillsOf(text, names, lexicon).map((m) => ({ name: m.name, keywords: [] }));
  return fitJsonResume(resume);
}

export function createLocalResumeParser(): ResumeParser {
  return {
    model: LOCAL_PARSER_MODEL,
    async parse(text, lexicon) {
      const { resume, names } = read(text);
      const mentions = skillsOf(text, names, lexicon);
      resume.skills = mentions.map((m) => ({ name: m.name, keywords: [] }));
      return {
        resume: fitJsonResume(resume),
        skills: mentions.map((m) => ({ name: m.name, evidence: m.evidence })),
        model: LOCAL_PARSER_MODEL,
      };
    },
  };
}
