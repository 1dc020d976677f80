CREATE TABLE "applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_seeker_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"cover_letter" text,
	"status" varchar(50) DEFAULT 'submitted' NOT NULL,
	"match_score" double precision,
	"match_reasoning" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "unique_application" UNIQUE("job_seeker_id","job_id"),
	CONSTRAINT "applications_status_check" CHECK (status in ('submitted', 'reviewed', 'interview', 'rejected', 'accepted', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "auth_throttles" (
	"key" varchar(320) PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" integer PRIMARY KEY NOT NULL,
	"company_name" varchar(200) NOT NULL,
	"company_size" varchar(50),
	"industry" varchar(100),
	"website" varchar(255)
);
--> statement-breakpoint
CREATE TABLE "job_seeker_skills" (
	"job_seeker_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"proficiency_level" varchar(20),
	"years_experience" integer,
	"source" varchar(20) DEFAULT 'manual' NOT NULL,
	"evidence" text,
	CONSTRAINT "job_seeker_skills_job_seeker_id_skill_id_pk" PRIMARY KEY("job_seeker_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "job_seekers" (
	"id" integer PRIMARY KEY NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"phone" varchar(20),
	"location" varchar(100),
	"resume_data" jsonb,
	"resume_text" text,
	"resume_embedding" vector(1536),
	"resume_embedding_model" varchar(100),
	"resume_updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_skills" (
	"job_id" integer NOT NULL,
	"skill_id" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"priority" integer,
	"inferred" boolean DEFAULT false NOT NULL,
	CONSTRAINT "job_skills_job_id_skill_id_pk" PRIMARY KEY("job_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "job_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"format" varchar(50) NOT NULL,
	"signing_secret" text NOT NULL,
	"previous_signing_secret" text,
	"previous_secret_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employer_id" integer NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text NOT NULL,
	"requirements" jsonb,
	"location" varchar(100),
	"remote_allowed" boolean DEFAULT false NOT NULL,
	"employment_type" varchar(50),
	"salary_min" numeric(10, 2),
	"salary_max" numeric(10, 2),
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"description_embedding" vector(1536),
	"requirements_embedding" vector(1536),
	"embedding_model" varchar(100),
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now(),
	"expires_at" timestamp with time zone,
	"source_id" uuid,
	"external_id" varchar(255),
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("jobs"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("jobs"."description", '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "jobs_source_external_id_unique" UNIQUE("source_id","external_id"),
	CONSTRAINT "jobs_status_check" CHECK (status in ('draft', 'active', 'closed')),
	CONSTRAINT "jobs_salary_range_check" CHECK ("jobs"."salary_min" is null or "jobs"."salary_max" is null or "jobs"."salary_min" <= "jobs"."salary_max")
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "matches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_seeker_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"semantic_score" double precision,
	"skill_match_score" double precision,
	"overall_score" double precision NOT NULL,
	"match_reasoning" text,
	"matched_skills" jsonb,
	"missing_skills" jsonb,
	"viewed_at" timestamp with time zone,
	"applied" boolean DEFAULT false NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"algorithm_version" varchar(50) NOT NULL,
	CONSTRAINT "unique_match" UNIQUE("job_seeker_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_aliases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skill_aliases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skill_id" integer NOT NULL,
	"alias" varchar(100) NOT NULL,
	"normalized_alias" varchar(100) NOT NULL,
	CONSTRAINT "skill_aliases_normalized_alias_unique" UNIQUE("normalized_alias")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"normalized_name" varchar(100) NOT NULL,
	"category" varchar(50),
	"description" text,
	CONSTRAINT "skills_name_unique" UNIQUE("name"),
	CONSTRAINT "skills_normalized_name_unique" UNIQUE("normalized_name")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" varchar(255) NOT NULL,
	"password_hash" varchar(255) NOT NULL,
	"user_type" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_user_type_check" CHECK (user_type in ('job_seeker', 'employer', 'admin')),
	CONSTRAINT "users_email_normalized_check" CHECK ("users"."email" = lower(btrim("users"."email")))
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_id" uuid NOT NULL,
	"webhook_id" varchar(255) NOT NULL,
	"event_type" varchar(100),
	"outcome" varchar(20) NOT NULL,
	"error" text,
	"job_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_id_users_id_fk" FOREIGN KEY ("id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seeker_skills" ADD CONSTRAINT "job_seeker_skills_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seeker_skills" ADD CONSTRAINT "job_seeker_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD CONSTRAINT "job_seekers_id_users_id_fk" FOREIGN KEY ("id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_skills" ADD CONSTRAINT "job_skills_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_skills" ADD CONSTRAINT "job_skills_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_sources" ADD CONSTRAINT "job_sources_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_source_id_job_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."job_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_aliases" ADD CONSTRAINT "skill_aliases_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_source_id_job_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."job_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_job_seeker_id_idx" ON "applications" USING btree ("job_seeker_id");--> statement-breakpoint
CREATE INDEX "applications_job_id_idx" ON "applications" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_idx" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "idx_application_status_submitted" ON "applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "job_seeker_skills_skill_id_idx" ON "job_seeker_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "job_seekers_resume_embedding_hnsw" ON "job_seekers" USING hnsw ("resume_embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "job_skills_skill_id_idx" ON "job_skills" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "job_sources_employer_id_idx" ON "job_sources" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "jobs_employer_id_idx" ON "jobs" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "jobs_title_idx" ON "jobs" USING btree ("title");--> statement-breakpoint
CREATE INDEX "jobs_location_idx" ON "jobs" USING btree ("location");--> statement-breakpoint
CREATE INDEX "jobs_status_idx" ON "jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "jobs_posted_at_idx" ON "jobs" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "jobs_expires_at_idx" ON "jobs" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "idx_job_status_posted" ON "jobs" USING btree ("status","posted_at");--> statement-breakpoint
CREATE INDEX "idx_job_location_remote" ON "jobs" USING btree ("location","remote_allowed");--> statement-breakpoint
CREATE INDEX "jobs_search_gin" ON "jobs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "jobs_description_embedding_hnsw" ON "jobs" USING hnsw ("description_embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "jobs_requirements_embedding_hnsw" ON "jobs" USING hnsw ("requirements_embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "matches_job_seeker_id_idx" ON "matches" USING btree ("job_seeker_id");--> statement-breakpoint
CREATE INDEX "matches_job_id_idx" ON "matches" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "matches_overall_score_idx" ON "matches" USING btree ("overall_score");--> statement-breakpoint
CREATE INDEX "matches_generated_at_idx" ON "matches" USING btree ("generated_at");--> statement-breakpoint
CREATE INDEX "idx_match_score" ON "matches" USING btree ("job_seeker_id","overall_score");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "skill_aliases_skill_id_idx" ON "skill_aliases" USING btree ("skill_id");--> statement-breakpoint
CREATE INDEX "skills_name_idx" ON "skills" USING btree ("name");--> statement-breakpoint
CREATE INDEX "skills_category_idx" ON "skills" USING btree ("category");--> statement-breakpoint
CREATE INDEX "users_user_type_idx" ON "users" USING btree ("user_type");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_source_webhook_id_unique" ON "webhook_deliveries" USING btree ("source_id","webhook_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_at_idx" ON "webhook_deliveries" USING btree ("source_id","received_at");