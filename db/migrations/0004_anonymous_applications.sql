ALTER TABLE "applications" DROP CONSTRAINT "applications_job_seeker_id_job_seekers_id_fk";
--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "job_seeker_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE set null ON UPDATE no action;