const EMPLOYMENT: Record<string, string> = {
  full_time: 'Full-time',
  part_time: 'Part-time',
  contract: 'Contract',
  internship: 'Internship',
  temporary: 'Temporary',
};
export const EMPLOYMENT_TYPES = Object.entries(EMPLOYMENT);
export const employmentLabel = (type: string | null | undefined) => (type ? (EMPLOYMENT[type] ?? type) : '');

/** "$80,000 – $98,000 a year", or an hourly rate for small amounts. */
export function salaryLabel(min: string | null, max: string | null, currency: string): string {
  const amounts = [min, max].filter((v): v is string => v !== null).map(Number);
  if (amounts.length === 0) return '';
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
  const unit = Math.max(...amounts) < 1000 ? 'an hour' : 'a year';
  if (min && max && min !== max) return `${format.format(Number(min))} – ${format.format(Number(max))} ${unit}`;
  return `${format.format(amounts[0]!)} ${unit}`;
}

/** The app's one date format, "Nov 30, 2026": every date shown goes through these two. */
const DAY = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export function dateLabel(iso: string | null | undefined): string {
  return iso ? DAY.format(new Date(iso)) : '';
}

/** "Nov 30, 2026, 3:05 PM": for events where the hour matters (deliveries, messages). */
export function dateTimeLabel(iso: string | null | undefined): string {
  return iso ? DAY_AND_TIME.format(new Date(iso)) : '';
}

/** The browser's IANA zone ("Europe/Berlin"). */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An interview's time: "Tuesday, March 30, 2027, 10:00 AM – 11:00 AM" in this browser's zone. */
export function slotLabel(start: string, end: string): string {
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' }).format(new Date(start));
  const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
  return `${day}, ${time.format(new Date(start))} – ${time.format(new Date(end))}`;
}

export const percent = (score: number | null | undefined) =>
  score === null || score === undefined ? '–' : `${Math.round(score * 100)}%`;

export const STATUS_LABEL: Record<string, string> = {
  submitted: 'Submitted',
  reviewed: 'Reviewed',
  interview: 'Interview',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Not selected',
  withdrawn: 'Withdrawn',
  draft: 'Draft',
  active: 'Active',
  closed: 'Closed',
};

/** A rate with one decimal ("12.5%"), or a dash when there is none. */
export const rateLabel = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** "1 year", "3 years". */
export function yearsLabel(years: number): string {
  return `${years} ${years === 1 ? 'year' : 'years'}`;
}
