/**
 * The data model of ../shared/seed/ai-job-platform-data-model.md in drizzle, plus what
 * DESIGN.md adds (sessions, skill aliases, job sources, webhook deliveries, full-text search,
 * algorithm versions). Column names are the seed's; TypeScript names are their camelCase.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  unique,
  uuid,
  varchar,
  vector,
} from 'drizzle-orm/pg-core';
import type { JsonResume } from '../shared/json-resume.ts';

export const EMBEDDING_DIMENSIONS = 1536;

export const USER_TYPES = ['job_seeker', 'employer', 'admin'] as const;
export type UserType = (typeof USER_TYPES)[number];
export const COMPANY_SIZES = ['startup', 'small', 'medium', 'large'] as const;
export const SKILL_CATEGORIES = ['technical', 'soft', 'language', 'domain'] as const;
export const PROFICIENCY_LEVELS = ['beginner', 'intermediate', 'expert'] as const;
export const EMPLOYMENT_TYPES = ['full_time', 'part_time', 'contract', 'internship', 'temporary'] as const;
export const JOB_STATUSES = ['draft', 'active', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const APPLICATION_STATUSES = [
  'submitted',
  'reviewed',
  'interview',
  'offer',
  'rejected',
  'accepted',
  'withdrawn',
] as const;
/** Why an employer rejected an application: a fixed list, so the figures can count them. */
export const REJECTION_REASONS = [
  'skills_mismatch',
  'experience_level',
  'location',
  'position_filled',
  'other_candidate',
  'withdrawn_position',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** jobs.requirements: what a job asks beyond its skills (server/jobs/schemas.ts validates it). */
export interface JobRequirements {
  experienceYears?: number | null;
  education?: string | null;
  certifications?: string[];
  languages?: string[];
  notes?: string | null;
}

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// Every timestamp is timestamptz, read back as a Date.
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => timestamptz('created_at').notNull().defaultNow();
const embedding = (name: string) => vector(name, { dimensions: EMBEDDING_DIMENSIONS });

// Check constraints over constant lists; the values are our own literals, never user input.
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // Stored trimmed and lower-cased, so the unique constraint is case-insensitive.
    email: varchar('email', { length: 255 }).notNull().unique(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    userType: varchar('user_type', { length: 20 }).notNull().$type<UserType>(),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at'),
    // Sign-ins and session use (refreshed at most hourly): what the resume retention counts from.
    lastActiveAt: timestamptz('last_active_at').notNull().defaultNow(),
    // Null until the address is proven (a verification or reset link used); accounts older than
    // migration 0009 count as verified.
    emailVerifiedAt: timestamptz('email_verified_at'),
  },
  (t) => [
    index('users_user_type_idx').on(t.userType),
    check('users_user_type_check', inList('user_type', USER_TYPES)),
    check('users_email_normalized_check', sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // The public half of the token `id.secret`; only SHA-256 of the secret is stored.
    id: varchar('id', { length: 64 }).primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastVerifiedAt: timestamptz('last_verified_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** Failed sign-ins per key (an email or an address), shared by every server and isolate. */
export const authThrottles = pgTable('auth_throttles', {
  key: varchar('key', { length: 320 }).primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamptz('window_started_at').notNull().defaultNow(),
  lockedUntil: timestamptz('locked_until'),
});

export const jobSeekers = pgTable(
  'job_seekers',
  {
    id: integer('id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: varchar('first_name', { length: 100 }).notNull(),
    lastName: varchar('last_name', { length: 100 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    location: varchar('location', { length: 100 }),
    resumeData: jsonb('resume_data').$type<JsonResume>(),
    resumeText: text('resume_text'),
    resumeEmbedding: embedding('resume_embedding'),
    // Which model produced resume_embedding, so a change of model can re-embed.
    resumeEmbeddingModel: varchar('resume_embedding_model', { length: 100 }),
    // The embedding is pending while this is null or older than resume_updated_at.
    resumeEmbeddedAt: timestamptz('resume_embedded_at'),
    resumeParserModel: varchar('resume_parser_model', { length: 100 }),
    resumeUpdatedAt: timestamptz('resume_updated_at'),
    // Retention of inactive seekers' resumes: when the in-app notice was issued, when it was erased.
    resumeRetentionNoticeAt: timestamptz('resume_retention_notice_at'),
    resumeErasedAt: timestamptz('resume_erased_at'),
    // Consent (issue 16): off until the seeker says yes; only then do employers see them, anonymously.
    visibleToEmployers: boolean('visible_to_employers').notNull().default(false),
    // A random secret never sent anywhere: anonymous candidate ids are hashes of it with the job id.
    candidateKey: uuid('candidate_key').notNull().defaultRandom(),
  },
  (t) => [index('job_seekers_resume_embedding_hnsw').using('hnsw', t.resumeEmbedding.op('vector_cosine_ops'))],
);

export const employers = pgTable(
  'employers',
  {
    id: integer('id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    companyName: varchar('company_name', { length: 200 }).notNull(),
    companySize: varchar('company_size', { length: 50 }),
    industry: varchar('industry', { length: 100 }),
    website: varchar('website', { length: 255 }),
    // Weighted 'B': a job's text is its title ('A') and description ('C'), its company in between.
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', coalesce(${employers.companyName}, '')), 'B')`,
    ),
  },
  (t) => [index('employers_search_gin').using('gin', t.search)],
);

export const skills = pgTable(
  'skills',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 100 }).notNull().unique(),
    // The name folded (case, spacing, punctuation), so "Python" and " python " are one skill.
    normalizedName: varchar('normalized_name', { length: 100 }).notNull().unique(),
    category: varchar('category', { length: 50 }),
    description: text('description'),
  },
  (t) => [index('skills_name_idx').on(t.name), index('skills_category_idx').on(t.category)],
);

export const skillAliases = pgTable(
  'skill_aliases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    alias: varchar('alias', { length: 100 }).notNull(),
    normalizedAlias: varchar('normalized_alias', { length: 100 }).notNull().unique(),
  },
  (t) => [index('skill_aliases_skill_id_idx').on(t.skillId)],
);

/**
 * Where a seeker's skill came from: read by the resume parser, typed by the seeker, or read from
 * the resume and then confirmed or edited by the seeker. A new resume replaces only 'resume' rows.
 */
export const SKILL_ORIGINS = ['resume', 'typed', 'confirmed'] as const;
export type SkillOrigin = (typeof SKILL_ORIGINS)[number];

/**
 * A skill row is either a catalog skill (skill_id) or a name of the owner's own that the catalog
 * does not hold yet (custom_name, folded into custom_normalized_name): exactly one of the two.
 * A custom name is the owner's alone (never suggested or inferred for others) and waits in the
 * admins' review queue.
 */
const catalogOrCustom = sql.raw(
  '(skill_id is not null and custom_name is null and custom_normalized_name is null) or (skill_id is null and custom_name is not null and custom_normalized_name is not null)',
);

export const jobSeekerSkills = pgTable(
  'job_seeker_skills',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id').references(() => skills.id, { onDelete: 'cascade' }),
    customName: varchar('custom_name', { length: 100 }),
    customNormalizedName: varchar('custom_normalized_name', { length: 100 }),
    proficiencyLevel: varchar('proficiency_level', { length: 20 }),
    yearsExperience: integer('years_experience'),
    // SKILL_ORIGINS; evidence is the line of the resume that showed it.
    source: varchar('source', { length: 20 }).notNull().default('typed').$type<SkillOrigin>(),
    evidence: text('evidence'),
  },
  (t) => [
    unique('job_seeker_skills_seeker_skill_unique').on(t.jobSeekerId, t.skillId),
    unique('job_seeker_skills_seeker_custom_unique').on(t.jobSeekerId, t.customNormalizedName),
    index('job_seeker_skills_skill_id_idx').on(t.skillId),
    index('job_seeker_skills_custom_idx').on(t.customNormalizedName),
    check('job_seeker_skills_catalog_or_custom', catalogOrCustom),
    check('job_seeker_skills_source_check', inList('source', SKILL_ORIGINS)),
  ],
);

/** Custom skill names an admin turned down: they stay their owners' and leave the queue. */
export const rejectedSkillNames = pgTable('rejected_skill_names', {
  normalizedName: varchar('normalized_name', { length: 100 }).primaryKey(),
  rejectedAt: timestamptz('rejected_at').notNull().defaultNow(),
});

export const SOURCE_FORMATS = ['json-ld', 'greenhouse'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const jobSources = pgTable(
  'job_sources',
  {
    // A random id: it appears in the public webhook URL, so it must not be guessable.
    id: uuid('id').primaryKey().defaultRandom(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    format: varchar('format', { length: 50 }).notNull().$type<SourceFormat>(),
    // The verifier needs the secret itself (HMAC); it is never returned after creation.
    signingSecret: text('signing_secret').notNull(),
    previousSigningSecret: text('previous_signing_secret'),
    previousSecretExpiresAt: timestamptz('previous_secret_expires_at'),
    createdAt: createdAt(),
  },
  (t) => [index('job_sources_employer_id_idx').on(t.employerId)],
);

export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull(),
    requirements: jsonb('requirements').$type<JobRequirements>(),
    location: varchar('location', { length: 100 }),
    remoteAllowed: boolean('remote_allowed').notNull().default(false),
    employmentType: varchar('employment_type', { length: 50 }),
    salaryMin: numeric('salary_min', { precision: 10, scale: 2 }),
    salaryMax: numeric('salary_max', { precision: 10, scale: 2 }),
    currency: varchar('currency', { length: 3 }).notNull().default('USD'),
    descriptionEmbedding: embedding('description_embedding'),
    requirementsEmbedding: embedding('requirements_embedding'),
    embeddingModel: varchar('embedding_model', { length: 100 }),
    // The embeddings are pending while this is null or older than updated_at.
    embeddedAt: timestamptz('embedded_at'),
    status: varchar('status', { length: 20 }).notNull().default('active').$type<JobStatus>(),
    postedAt: timestamptz('posted_at').defaultNow(),
    expiresAt: timestamptz('expires_at'),
    // A job pushed by a job board: the board's own id for it, unique per source.
    sourceId: uuid('source_id').references(() => jobSources.id, { onDelete: 'set null' }),
    externalId: varchar('external_id', { length: 255 }),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${jobs.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${jobs.description}, '')), 'C')`,
    ),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at'),
  },
  (t) => [
    index('jobs_employer_id_idx').on(t.employerId),
    index('jobs_title_idx').on(t.title),
    index('jobs_location_idx').on(t.location),
    index('jobs_status_idx').on(t.status),
    index('jobs_posted_at_idx').on(t.postedAt),
    index('jobs_expires_at_idx').on(t.expiresAt),
    index('idx_job_status_posted').on(t.status, t.postedAt),
    index('idx_job_location_remote').on(t.location, t.remoteAllowed),
    unique('jobs_source_external_id_unique').on(t.sourceId, t.externalId),
    index('jobs_search_gin').using('gin', t.search),
    // Search's bounded full-text stage takes title matches first (migration 0018, issue 23).
    index('jobs_title_search_gin').using('gin', sql`to_tsvector('english', ${t.title})`),
    // The location filter is a substring match ("boston" finds "Boston, MA"): trigrams serve it (migration 0019).
    index('jobs_location_trgm').using('gin', t.location.op('gin_trgm_ops')),
    index('jobs_description_embedding_hnsw').using('hnsw', t.descriptionEmbedding.op('vector_cosine_ops')),
    check('jobs_status_check', inList('status', JOB_STATUSES)),
    check(
      'jobs_salary_range_check',
      sql`${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax}`,
    ),
  ],
);

export const jobSkills = pgTable(
  'job_skills',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    skillId: integer('skill_id').references(() => skills.id, { onDelete: 'cascade' }),
    customName: varchar('custom_name', { length: 100 }),
    customNormalizedName: varchar('custom_normalized_name', { length: 100 }),
    required: boolean('required').notNull().default(true),
    // 1 = must have, 2 = important, 3 = nice to have.
    priority: integer('priority'),
    // True when extracted from the job's text rather than chosen by the employer.
    inferred: boolean('inferred').notNull().default(false),
  },
  (t) => [
    unique('job_skills_job_skill_unique').on(t.jobId, t.skillId),
    unique('job_skills_job_custom_unique').on(t.jobId, t.customNormalizedName),
    index('job_skills_skill_id_idx').on(t.skillId),
    index('job_skills_custom_idx').on(t.customNormalizedName),
    check('job_skills_catalog_or_custom', catalogOrCustom),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    // Null once the seeker erased their account: the employer keeps an anonymous record.
    jobSeekerId: integer('job_seeker_id').references(() => jobSeekers.id, { onDelete: 'set null' }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    coverLetter: text('cover_letter'),
    status: varchar('status', { length: 50 }).notNull().default('submitted').$type<ApplicationStatus>(),
    matchScore: doublePrecision('match_score'),
    matchReasoning: text('match_reasoning'),
    submittedAt: timestamptz('submitted_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at'),
    // A rejection's reason (REJECTION_REASONS), the employer's own words, and what the seeker is told.
    rejectionReason: varchar('rejection_reason', { length: 40 }),
    rejectionDetail: text('rejection_detail'),
    rejectionMessage: text('rejection_message'),
  },
  (t) => [
    index('applications_job_seeker_id_idx').on(t.jobSeekerId),
    index('applications_job_id_idx').on(t.jobId),
    index('applications_status_idx').on(t.status),
    index('applications_submitted_at_idx').on(t.submittedAt),
    unique('unique_application').on(t.jobSeekerId, t.jobId),
    index('idx_application_status_submitted').on(t.status, t.submittedAt),
    check('applications_status_check', inList('status', APPLICATION_STATUSES)),
    check('applications_rejection_reason_check', inList('rejection_reason', REJECTION_REASONS)),
  ],
);

/**
 * Partitioned by hash of job_seeker_id into 16 partitions (migration 0007, decision 0007): the
 * seed's unique (seeker, job) holds as it is, a seeker's feed reads one partition. The primary
 * key includes the partition key, as Postgres requires.
 */
export const matches = pgTable(
  'matches',
  {
    id: integer('id').generatedAlwaysAsIdentity(),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    semanticScore: doublePrecision('semantic_score'),
    skillMatchScore: doublePrecision('skill_match_score'),
    overallScore: doublePrecision('overall_score').notNull(),
    matchReasoning: text('match_reasoning'),
    matchedSkills: jsonb('matched_skills'),
    missingSkills: jsonb('missing_skills'),
    viewedAt: timestamptz('viewed_at'),
    applied: boolean('applied').notNull().default(false),
    // The seeker said "not relevant": never shown again, kept as feedback for the algorithm.
    dismissedAt: timestamptz('dismissed_at'),
    feedback: varchar('feedback', { length: 50 }),
    generatedAt: timestamptz('generated_at').notNull().defaultNow(),
    algorithmVersion: varchar('algorithm_version', { length: 50 }).notNull(),
    // The experiment that chose the algorithm for this seeker, when one was running.
    experimentName: varchar('experiment_name', { length: 100 }),
  },
  (t) => [
    primaryKey({ columns: [t.jobSeekerId, t.id] }),
    index('matches_job_seeker_id_idx').on(t.jobSeekerId),
    index('matches_job_id_idx').on(t.jobId),
    index('matches_overall_score_idx').on(t.overallScore),
    index('matches_generated_at_idx').on(t.generatedAt),
    unique('unique_match').on(t.jobSeekerId, t.jobId),
    index('idx_match_score').on(t.jobSeekerId, t.overallScore),
  ],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => jobSources.id, { onDelete: 'cascade' }),
    // The board's `webhook-id`: one row per id and source makes a replay a no-op.
    webhookId: varchar('webhook_id', { length: 255 }).notNull(),
    eventType: varchar('event_type', { length: 100 }),
    outcome: varchar('outcome', { length: 20 }).notNull(),
    error: text('error'),
    jobId: integer('job_id').references(() => jobs.id, { onDelete: 'set null' }),
    receivedAt: timestamptz('received_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_source_webhook_id_unique').on(t.sourceId, t.webhookId),
    index('webhook_deliveries_received_at_idx').on(t.sourceId, t.receivedAt),
  ],
);

/** Every status change of an application: who, when, from what to what. Shown to both sides. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fromStatus: varchar('from_status', { length: 50 }).$type<ApplicationStatus>(),
    toStatus: varchar('to_status', { length: 50 }).notNull().$type<ApplicationStatus>(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: varchar('actor_role', { length: 20 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('application_events_application_id_idx').on(t.applicationId, t.createdAt)],
);

export const SEX_CATEGORIES = ['male', 'female', 'prefer_not_to_say'] as const;
/** The race/ethnicity categories of New York City's Local Law 144 bias audits (EEO-1). */
export const RACE_ETHNICITY_CATEGORIES = [
  'hispanic_or_latino',
  'white',
  'black_or_african_american',
  'native_hawaiian_or_pacific_islander',
  'asian',
  'native_american_or_alaska_native',
  'two_or_more_races',
  'prefer_not_to_say',
] as const;

/**
 * Voluntary self-identification, kept apart from the profile: never shown to employers, never
 * read by matching; used only, in aggregate, by the bias audit.
 */
export const selfIdentifications = pgTable('self_identifications', {
  jobSeekerId: integer('job_seeker_id')
    .primaryKey()
    .references(() => jobSeekers.id, { onDelete: 'cascade' }),
  sex: varchar('sex', { length: 30 }).$type<(typeof SEX_CATEGORIES)[number]>(),
  raceEthnicity: varchar('race_ethnicity', { length: 50 }).$type<(typeof RACE_ETHNICITY_CATEGORIES)[number]>(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const REVIEW_KINDS = ['contest_score', 'human_review'] as const;
export const REVIEW_STATUSES = ['open', 'answered'] as const;

/**
 * A seeker contesting a match score or asking for a person to look at their candidacy
 * (GDPR Art. 22): recorded, shown to the employer of the job, answered by a person.
 */
export const matchReviews = pgTable(
  'match_reviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 20 }).notNull().$type<(typeof REVIEW_KINDS)[number]>(),
    message: text('message').notNull(),
    // The score as the seeker saw it when asking, and the algorithm that produced it.
    contestedScore: doublePrecision('contested_score'),
    algorithmVersion: varchar('algorithm_version', { length: 50 }),
    status: varchar('status', { length: 20 }).notNull().default('open').$type<(typeof REVIEW_STATUSES)[number]>(),
    response: text('response'),
    respondedBy: integer('responded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    respondedAt: timestamptz('responded_at'),
  },
  (t) => [
    index('match_reviews_job_id_idx').on(t.jobId, t.createdAt),
    // One open request per seeker and job; a new one once the employer has answered.
    uniqueIndex('match_reviews_one_open_unique').on(t.jobSeekerId, t.jobId).where(sql`status = 'open'`),
    check('match_reviews_kind_check', inList('kind', REVIEW_KINDS)),
    check('match_reviews_status_check', inList('status', REVIEW_STATUSES)),
  ],
);

/**
 * The AI decision log: one row per score and reasoning produced, with what produced it.
 * Partitioned by month (migration 0006): the sweep creates the coming months and detaches and
 * drops months older than the retention (at least 6 months). Seeker and job ids are plain
 * numbers, not foreign keys, so the log outlives a closed job; erasure nulls the seeker id.
 */
export const aiDecisions = pgTable(
  'ai_decisions',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    jobSeekerId: integer('job_seeker_id'),
    jobId: integer('job_id'),
    overallScore: doublePrecision('overall_score').notNull(),
    algorithmVersion: varchar('algorithm_version', { length: 50 }).notNull(),
    experimentName: varchar('experiment_name', { length: 100 }),
    embeddingModel: varchar('embedding_model', { length: 100 }),
    parserModel: varchar('parser_model', { length: 100 }),
    reasoningModel: varchar('reasoning_model', { length: 100 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index('ai_decisions_seeker_idx').on(t.jobSeekerId, t.createdAt),
    index('ai_decisions_job_idx').on(t.jobId, t.createdAt),
  ],
);

export const EXPERIMENT_STATUSES = ['running', 'stopped'] as const;

/** An A/B test of matching algorithms: seekers are assigned to arms by a hash of id and name. */
export const experiments = pgTable(
  'experiments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: varchar('name', { length: 100 }).notNull().unique(),
    // [{ algorithm, share }], shares summing to 1; the first arm is the control.
    arms: jsonb('arms').notNull().$type<{ algorithm: string; share: number }[]>(),
    status: varchar('status', { length: 20 })
      .notNull()
      .default('running')
      .$type<(typeof EXPERIMENT_STATUSES)[number]>(),
    startedAt: timestamptz('started_at').notNull().defaultNow(),
    stoppedAt: timestamptz('stopped_at'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // At most one experiment runs at a time, so every seeker has exactly one algorithm.
    uniqueIndex('experiments_one_running_unique').on(t.status).where(sql`status = 'running'`),
    check('experiments_status_check', inList('status', EXPERIMENT_STATUSES)),
  ],
);

// Email (issue 17) ---------------------------------------------------------------------------

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The transactional outbox: a message is written in the transaction of the event that causes
 * it, then delivered by server/mail/sender.ts. `kind` names the event (verify_email,
 * password_reset, ...); notifications and alerts plug in as new kinds.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: varchar('kind', { length: 50 }).notNull(),
    // Whose message it is: export and erasure find it by this, whatever address it went to.
    recipientUserId: integer('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    toAddress: varchar('to_address', { length: 255 }).notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    // The same event never makes two messages; also sent to the provider so a retry is not a second email.
    idempotencyKey: varchar('idempotency_key', { length: 200 }).notNull().unique(),
    status: varchar('status', { length: 20 }).notNull().default('pending').$type<OutboxStatus>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    // A claimed message belongs to its drainer until then; after it, another may take it over.
    lockedUntil: timestamptz('locked_until'),
    lastError: text('last_error'),
    transport: varchar('transport', { length: 30 }),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
    // The one-click unsubscribe URL (RFC 8058) of a notification email, sent as List-Unsubscribe (migration 0012).
    unsubscribeUrl: text('unsubscribe_url'),
    // An iCalendar invitation sent as the text/calendar part (interviews, migration 0016).
    icalMethod: varchar('ical_method', { length: 10 }).$type<'REQUEST' | 'CANCEL'>(),
    icalContent: text('ical_content'),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`),
    index('outbox_messages_recipient_idx').on(t.recipientUserId),
    check('outbox_messages_status_check', inList('status', OUTBOX_STATUSES)),
  ],
);

/** The delivery log: one row per attempt, what admins read (`mail.deliveries`). */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    messageId: integer('message_id')
      .notNull()
      .references(() => outboxMessages.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    transport: varchar('transport', { length: 30 }).notNull(),
    outcome: varchar('outcome', { length: 20 }).notNull().$type<'sent' | 'failed' | 'dead'>(),
    // The provider's message id, or the error's name and first line (never the message body).
    detail: text('detail'),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [index('mail_deliveries_message_idx').on(t.messageId), index('mail_deliveries_at_idx').on(t.at)],
);

export const ACCOUNT_TOKEN_PURPOSES = ['verify_email', 'password_reset', 'email_change'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Single-use links sent by email; only SHA-256 of the token is stored. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: varchar('purpose', { length: 30 }).notNull().$type<AccountTokenPurpose>(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    // The address being confirmed, for an email change.
    newEmail: varchar('new_email', { length: 255 }),
    createdAt: createdAt(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [
    index('account_tokens_user_idx').on(t.userId, t.purpose),
    check('account_tokens_purpose_check', inList('purpose', ACCOUNT_TOKEN_PURPOSES)),
  ],
);

// Applications' records (issue 16: files) ---------------------------------------------------

/** 'apply': copied when the seeker applied; 'migration': the resume as it was when 0010 ran. */
export const SNAPSHOT_SOURCES = ['apply', 'migration'] as const;

/** The original of the seeker's latest uploaded resume (bytes in the file store), replaced by the next. */
export const resumeFiles = pgTable('resume_files', {
  jobSeekerId: integer('job_seeker_id')
    .primaryKey()
    .references(() => jobSeekers.id, { onDelete: 'cascade' }),
  fileKey: varchar('file_key', { length: 200 }).notNull(),
  fileName: varchar('file_name', { length: 255 }).notNull(),
  contentType: varchar('content_type', { length: 100 }).notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  uploadedAt: timestamptz('uploaded_at').notNull(),
});

/** The resume an application was sent with: what the employer reads, whatever the seeker changes later. */
export const applicationResumes = pgTable(
  'application_resumes',
  {
    applicationId: integer('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 20 }).notNull().$type<(typeof SNAPSHOT_SOURCES)[number]>(),
    resumeText: text('resume_text'),
    resumeData: jsonb('resume_data').$type<JsonResume>(),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    parserModel: varchar('parser_model', { length: 100 }),
    resumeUpdatedAt: timestamptz('resume_updated_at'),
    fileKey: varchar('file_key', { length: 200 }),
    fileName: varchar('file_name', { length: 255 }),
    contentType: varchar('content_type', { length: 100 }),
    sizeBytes: integer('size_bytes'),
    createdAt: createdAt(),
  },
  () => [check('application_resumes_source_check', inList('source', SNAPSHOT_SOURCES))],
);

/** The employer's private notes on an application: who wrote each and when. */
export const applicationNotes = pgTable(
  'application_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('application_notes_application_idx').on(t.applicationId, t.createdAt)],
);

// Consent and invitations (issue 16 parts 2, 3) ------------------------------------------------

export const INVITATION_STATUSES = ['open', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An employer's invitation to apply, sent to an anonymous candidate of one of their jobs. The
 * employer learns who the seeker is only if they apply. One per job and seeker: a "no" stands.
 */
export const candidateInvitations = pgTable(
  'candidate_invitations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    employerId: integer('employer_id')
      .notNull()
      .references(() => employers.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    status: varchar('status', { length: 20 }).notNull().default('open').$type<InvitationStatus>(),
    createdAt: createdAt(),
    respondedAt: timestamptz('responded_at'),
  },
  (t) => [
    unique('candidate_invitations_job_seeker_unique').on(t.jobId, t.jobSeekerId),
    index('candidate_invitations_seeker_idx').on(t.jobSeekerId, t.createdAt),
    index('candidate_invitations_employer_idx').on(t.employerId, t.createdAt),
    check('candidate_invitations_status_check', inList('status', INVITATION_STATUSES)),
  ],
);

// Notifications (issue 17 part 4) ------------------------------------------------------------

/** What a person is told about; seekers get the first three, employers the last three. */
export const NOTIFICATION_KINDS = [
  'application_status',
  'review_answered',
  'invitation',
  'new_applicant',
  'review_requested',
  'job_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The in-app notification center: one row per event and person, read or not. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 40 }).notNull().$type<NotificationKind>(),
    // One notification per event: the event's key (e.g. job_expiring:job:12) is unique per person.
    eventKey: varchar('event_key', { length: 200 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    // A path inside the app (/me/applications), never an absolute URL.
    link: varchar('link', { length: 300 }).notNull(),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamptz('read_at'),
  },
  (t) => [
    unique('notifications_user_event_unique').on(t.userId, t.eventKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
    check('notifications_kind_check', inList('kind', NOTIFICATION_KINDS)),
  ],
);

/** A person's choice per kind; no row means the defaults (server/notifications/preferences.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 40 }).notNull().$type<NotificationKind>(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_kind_check', inList('kind', NOTIFICATION_KINDS)),
  ],
);

/** One-click unsubscribe links (RFC 8058): one random token per email sent, only its SHA-256 stored. */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 40 }).notNull().$type<NotificationKind>(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [
    index('unsubscribe_tokens_user_idx').on(t.userId),
    index('unsubscribe_tokens_created_idx').on(t.createdAt),
    check('unsubscribe_tokens_kind_check', inList('kind', NOTIFICATION_KINDS)),
  ],
);

// Saved jobs and job alerts (issue 17 part 5, server/alerts) ---------------------------------

/** A job a seeker kept for later; a closed job stays, shown as closed. */
export const savedJobs = pgTable(
  'saved_jobs',
  {
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    savedAt: timestamptz('saved_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobSeekerId, t.jobId] }), index('saved_jobs_job_id_idx').on(t.jobId)],
);

export const ALERT_FREQUENCIES = ['daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** A saved search: its query and the filters jobs.search takes (validated again on every read). */
export const jobAlerts = pgTable(
  'job_alerts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    query: varchar('query', { length: 200 }).notNull().default(''),
    filters: jsonb('filters').notNull().$type<Record<string, unknown>>(),
    frequency: varchar('frequency', { length: 10 }).notNull().$type<AlertFrequency>(),
    createdAt: createdAt(),
    // The period last digested (2026-11-29, or 2026-W48 for weekly) and when: the next digest
    // holds the jobs published after last_run_at.
    lastPeriod: varchar('last_period', { length: 10 }),
    lastRunAt: timestamptz('last_run_at'),
  },
  (t) => [
    index('job_alerts_job_seeker_id_idx').on(t.jobSeekerId),
    check('job_alerts_frequency_check', inList('frequency', ALERT_FREQUENCIES)),
  ],
);

/** A seeker's alert settings: the score over which a new match is emailed (percent), and whether it is. */
export const alertSettings = pgTable(
  'alert_settings',
  {
    jobSeekerId: integer('job_seeker_id')
      .primaryKey()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    matchThreshold: integer('match_threshold').notNull().default(70),
    matchEmails: boolean('match_emails').notNull().default(true),
    lastMatchPeriod: varchar('last_match_period', { length: 10 }),
    lastMatchRunAt: timestamptz('last_match_run_at'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [check('alert_settings_threshold_check', sql`${t.matchThreshold} between 0 and 100`)],
);

export const DIGEST_KINDS = ['search', 'matches'] as const;
export type DigestKind = (typeof DIGEST_KINDS)[number];

/** Each digest emailed: its one-click unsubscribe token (SHA-256 only) and what it was for. */
export const alertDigests = pgTable(
  'alert_digests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 10 }).notNull().$type<DigestKind>(),
    // Null for the new-matches digest, and once the alert is deleted.
    alertId: integer('alert_id').references(() => jobAlerts.id, { onDelete: 'set null' }),
    period: varchar('period', { length: 10 }).notNull(),
    unsubscribeTokenHash: varchar('unsubscribe_token_hash', { length: 64 }).notNull().unique(),
    sentAt: timestamptz('sent_at').notNull(),
  },
  (t) => [
    index('alert_digests_job_seeker_id_idx').on(t.jobSeekerId),
    index('alert_digests_sent_at_idx').on(t.sentAt),
    check('alert_digests_kind_check', inList('kind', DIGEST_KINDS)),
  ],
);

/** Every job a seeker was told about by a digest: never told twice, and re-scoring never makes it "new". */
export const alertSentJobs = pgTable(
  'alert_sent_jobs',
  {
    jobSeekerId: integer('job_seeker_id')
      .notNull()
      .references(() => jobSeekers.id, { onDelete: 'cascade' }),
    jobId: integer('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    digestId: integer('digest_id')
      .notNull()
      .references(() => alertDigests.id, { onDelete: 'cascade' }),
    sentAt: timestamptz('sent_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobSeekerId, t.jobId] }),
    index('alert_sent_jobs_digest_id_idx').on(t.digestId),
    index('alert_sent_jobs_job_id_idx').on(t.jobId),
  ],
);

// ---- search (issue 18): the words query typos are corrected against ----

/**
 * Words of job titles, company names and catalog skills, with how many rows use each; kept by
 * triggers on jobs, employers and skills (migration 0014), searched by trigram similarity.
 */
export const searchVocabulary = pgTable(
  'search_vocabulary',
  {
    word: varchar('word', { length: 40 }).primaryKey(),
    uses: integer('uses').notNull(),
  },
  (t) => [index('search_vocabulary_trgm').using('gin', t.word.op('gin_trgm_ops'))],
);

// ---- Hiring teams (issue 19, migration 0015): companies, their members and invitations ----------

export const COMPANY_ROLES = ['owner', 'recruiter', 'interviewer'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

/**
 * A company: the expand step keeps its profile in `employers` (where clients read it) and its id
 * equal to that row's id, so every `employer_id` column already means "the company".
 */
export const companies = pgTable('companies', {
  id: integer('id')
    .primaryKey()
    .references(() => employers.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** Who works for a company and as what; a user belongs to at most one company. */
export const companyMembers = pgTable(
  'company_members',
  {
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 20 }).notNull().$type<CompanyRole>(),
    joinedAt: timestamptz('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    uniqueIndex('company_members_user_unique').on(t.userId),
    check('company_members_role_check', inList('role', COMPANY_ROLES)),
  ],
);

/** An emailed invitation to join a company; only SHA-256 of its token is stored. */
export const companyInvitations = pgTable(
  'company_invitations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    email: varchar('email', { length: 255 }).notNull(),
    role: varchar('role', { length: 20 }).notNull().$type<CompanyRole>(),
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
    invitedBy: integer('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    acceptedBy: integer('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    index('company_invitations_company_idx').on(t.companyId),
    index('company_invitations_email_idx').on(t.email),
    check('company_invitations_role_check', inList('role', COMPANY_ROLES)),
  ],
);

export const INTERVIEW_STATUSES = ['proposed', 'scheduled', 'other_times_requested', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/**
 * An interview of an application: proposed slots, then the one the candidate chose. Times are
 * UTC; `time_zone` is the proposer's IANA zone, in which the calendar invitation is written.
 * `uid` and `sequence` are the iCalendar identity: every update raises the sequence.
 */
export const interviews = pgTable(
  'interviews',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    proposedBy: integer('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    status: varchar('status', { length: 30 }).notNull().default('proposed').$type<InterviewStatus>(),
    timeZone: varchar('time_zone', { length: 64 }).notNull(),
    location: varchar('location', { length: 200 }),
    videoLink: varchar('video_link', { length: 500 }),
    startsAt: timestamptz('starts_at'),
    endsAt: timestamptz('ends_at'),
    uid: varchar('uid', { length: 100 }).notNull().unique(),
    sequence: integer('sequence').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at'),
  },
  (t) => [
    index('interviews_application_idx').on(t.applicationId),
    check('interviews_status_check', inList('status', INTERVIEW_STATUSES)),
  ],
);

export const interviewSlots = pgTable(
  'interview_slots',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
  },
  (t) => [
    index('interview_slots_interview_idx').on(t.interviewId),
    check('interview_slots_order_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** The members assigned to an interview: what an interviewer may see. */
export const interviewInterviewers = pgTable(
  'interview_interviewers',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] }), index('interview_interviewers_user_idx').on(t.userId)],
);

/** A member's private calendar feed (/calendar/TOKEN.ics); only SHA-256 of the token is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  createdAt: createdAt(),
});

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;

/** An assigned interviewer's feedback on an application; never shown to the candidate. */
export const scorecards = pgTable(
  'scorecards',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    interviewerId: integer('interviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // One rating (1-4) per skill the job asks for: the job's skill row, its name then, the rating.
    ratings: jsonb('ratings').notNull().$type<{ skillId: number; skill: string; rating: number }[]>(),
    recommendation: varchar('recommendation', { length: 20 }).notNull(),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: timestamptz('updated_at'),
  },
  (t) => [
    unique('scorecards_application_interviewer_unique').on(t.applicationId, t.interviewerId),
    check('scorecards_recommendation_check', inList('recommendation', RECOMMENDATIONS)),
  ],
);

// ── ux (issue 21): refused webhook deliveries, counted without their bodies ──

export const REFUSAL_REASONS = [
  'bad_signature',
  'stale_timestamp',
  'missing_headers',
  'malformed_body',
  'invalid_payload',
  'unknown_board',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * One counter per board, reason and UTC day: anyone can post to a webhook URL, so nothing the
 * sender chose is stored, and the table stays within boards × reasons × days kept. Deliveries to
 * an unknown board are counted under no board (source_id null), never per name.
 */
export const webhookRefusals = pgTable(
  'webhook_refusals',
  {
    sourceId: uuid('source_id').references(() => jobSources.id, { onDelete: 'cascade' }),
    reason: varchar('reason', { length: 30 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(1),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (t) => [
    unique('webhook_refusals_source_reason_day_unique').on(t.sourceId, t.reason, t.day).nullsNotDistinct(),
    check('webhook_refusals_reason_check', inList('reason', REFUSAL_REASONS)),
  ],
);
