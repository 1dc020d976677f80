-- Drafted by drizzle-kit, completed by hand (issue 16): the resume each application was sent with
-- (and the original file's place in the file store), the seeker's latest uploaded original, the
-- employer's notes, rejection reasons, and `offer` in the workflow. Existing applications of a
-- seeker who still has a resume get it as it is now, marked source = 'migration'.
CREATE TABLE "application_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"application_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_resumes" (
	"application_id" integer PRIMARY KEY NOT NULL,
	"source" varchar(20) NOT NULL,
	"resume_text" text,
	"resume_data" jsonb,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parser_model" varchar(100),
	"resume_updated_at" timestamp with time zone,
	"file_key" varchar(200),
	"file_name" varchar(255),
	"content_type" varchar(100),
	"size_bytes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_resumes_source_check" CHECK (source in ('apply', 'migration'))
);
--> statement-breakpoint
CREATE TABLE "resume_files" (
	"job_seeker_id" integer PRIMARY KEY NOT NULL,
	"file_key" varchar(200) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_status_check";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "rejection_reason" varchar(40);--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "rejection_detail" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "rejection_message" text;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_resumes" ADD CONSTRAINT "application_resumes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_files" ADD CONSTRAINT "resume_files_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_notes_application_idx" ON "application_notes" USING btree ("application_id","created_at");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_rejection_reason_check" CHECK (rejection_reason in ('skills_mismatch', 'experience_level', 'location', 'position_filled', 'other_candidate', 'withdrawn_position', 'other'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_check" CHECK (status in ('submitted', 'reviewed', 'interview', 'offer', 'rejected', 'accepted', 'withdrawn'));--> statement-breakpoint
INSERT INTO "application_resumes" ("application_id", "source", "resume_text", "resume_data", "skills", "parser_model", "resume_updated_at", "created_at")
SELECT a."id", 'migration', s."resume_text", s."resume_data",
	coalesce((SELECT jsonb_agg(coalesce(k."name", jss."custom_name") ORDER BY lower(coalesce(k."name", jss."custom_name")))
		FROM "job_seeker_skills" jss LEFT JOIN "skills" k ON k."id" = jss."skill_id"
		WHERE jss."job_seeker_id" = s."id"), '[]'::jsonb),
	s."resume_parser_model", s."resume_updated_at", now()
FROM "applications" a JOIN "job_seekers" s ON s."id" = a."job_seeker_id"
WHERE s."resume_text" IS NOT NULL OR s."resume_data" IS NOT NULL;
