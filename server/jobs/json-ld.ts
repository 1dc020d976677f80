/** A job as schema.org JobPosting JSON-LD (Google for Jobs' properties), for its public page. */
const EMPLOYMENT_TYPE_LD: Record<string, string> = {
  full_time: 'FULL_TIME',
  part_time: 'PART_TIME',
  contract: 'CONTRACTOR',
  internship: 'INTERN',
  temporary: 'TEMPORARY',
};

/** The country a remote job is open to, by the currency it pays in (ISO 3166 codes). */
const COUNTRY_OF_CURRENCY: Record<string, string> = { USD: 'US', CAD: 'CA', GBP: 'GB', AUD: 'AU', NZD: 'NZ' };

export interface JsonLdJob {
  id: number;
  title: string;
  description: string;
  location: string | null;
  remoteAllowed: boolean;
  employmentType: string | null;
  salaryMin: string | null;
  salaryMax: string | null;
  currency: string;
  postedAt: Date | null;
  expiresAt: Date | null;
  experienceYears?: number | null;
  skills: { name: string }[];
  employer: { companyName: string; website: string | null };
}

export function toJobPostingJsonLd(job: JsonLdJob): Record<string, unknown> {
  const [locality, region] = (job.location ?? '').split(',').map((s) => s.trim());
  const amounts = [job.salaryMin, job.salaryMax].filter((v): v is string => v !== null).map(Number);
  // Amounts under 1,000 are hourly rates (the demo data and boards state them so).
  const unitText = amounts.length && Math.max(...amounts) < 1000 ? 'HOUR' : 'YEAR';
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: job.title,
    description: job.description,
    identifier: { '@type': 'PropertyValue', name: job.employer.companyName, value: String(job.id) },
    datePosted: job.postedAt?.toISOString().slice(0, 10),
    ...(job.expiresAt ? { validThrough: job.expiresAt.toISOString() } : {}),
    ...(job.employmentType ? { employmentType: EMPLOYMENT_TYPE_LD[job.employmentType] } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: job.employer.companyName,
      ...(job.employer.website ? { sameAs: job.employer.website } : {}),
    },
    ...(locality && locality.toLowerCase() !== 'remote'
      ? {
          jobLocation: {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              addressLocality: locality,
              ...(region ? { addressRegion: region } : {}),
            },
          },
        }
      : {}),
    ...(job.remoteAllowed
      ? {
          jobLocationType: 'TELECOMMUTE',
          // Google requires where a remote worker may live; the pay's currency says the country.
          ...(COUNTRY_OF_CURRENCY[job.currency]
            ? { applicantLocationRequirements: { '@type': 'Country', name: COUNTRY_OF_CURRENCY[job.currency] } }
            : {}),
        }
      : {}),
    ...(amounts.length
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: job.currency,
            value: {
              '@type': 'QuantitativeValue',
              ...(job.salaryMin ? { minValue: Number(job.salaryMin) } : {}),
              ...(job.salaryMax ? { maxValue: Number(job.salaryMax) } : {}),
              unitText,
            },
          },
        }
      : {}),
    ...(job.skills.length ? { skills: job.skills.map((s) => s.name).join(', ') } : {}),
    ...(job.experienceYears
      ? {
          experienceRequirements: {
            '@type': 'OccupationalExperienceRequirements',
            monthsOfExperience: job.experienceYears * 12,
          },
        }
      : {}),
  };
}
