ALTER TABLE "job_seekers" ADD COLUMN "resume_embedded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "resume_parser_model" varchar(100);--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "embedded_at" timestamp with time zone;