import { useQuery } from '@tanstack/solid-query';
import { trpc, type RouterInputs } from './trpc.ts';

export type Sex = NonNullable<RouterInputs['seekers']['selfIdentify']['sex']>;
export type RaceEthnicity = NonNullable<RouterInputs['seekers']['selfIdentify']['raceEthnicity']>;

/** The self-identification categories (Local Law 144's), in the order the form offers them. */
export const SEX_CHOICES: [Sex, string][] = [
  ['female', 'Female'],
  ['male', 'Male'],
  ['prefer_not_to_say', 'Prefer not to say'],
];
export const RACE_CHOICES: [RaceEthnicity, string][] = [
  ['hispanic_or_latino', 'Hispanic or Latino'],
  ['white', 'White'],
  ['black_or_african_american', 'Black or African American'],
  ['native_hawaiian_or_pacific_islander', 'Native Hawaiian or Pacific Islander'],
  ['asian', 'Asian'],
  ['native_american_or_alaska_native', 'Native American or Alaska Native'],
  ['two_or_more_races', 'Two or more races'],
  ['prefer_not_to_say', 'Prefer not to say'],
];

const LABELS = new Map<string, string>([...SEX_CHOICES, ...RACE_CHOICES]);

/** An audit category ("male", or "male × asian") in words. */
export const categoryLabel = (category: string) =>
  category
    .split(' × ')
    .map((part) => LABELS.get(part) ?? part)
    .join(' × ');

export const SELF_IDENTIFICATION_KEY = ['seekers', 'selfIdentification'];

/** The seeker's answers, and whether they were asked already (shared by the form and the prompt). */
export const useSelfIdentification = () =>
  useQuery(() => ({ queryKey: SELF_IDENTIFICATION_KEY, queryFn: () => trpc.seekers.selfIdentification.query() }));
