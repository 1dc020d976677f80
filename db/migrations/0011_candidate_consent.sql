-- Written by hand (issue 16 parts 2, 3): consent before a seeker is shown to employers, and
-- invitations to apply. Existing seekers start not visible (nobody said yes yet); each gets a
-- random candidate key, the secret their anonymous candidate ids are derived from.
CREATE TABLE "candidate_invitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "candidate_invitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_id" integer NOT NULL,
	"job_seeker_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"message" text NOT NULL,
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "candidate_invitations_job_seeker_unique" UNIQUE("job_id","job_seeker_id"),
	CONSTRAINT "candidate_invitations_status_check" CHECK (status in ('open', 'accepted', 'declined'))
);
--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "visible_to_employers" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "candidate_key" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_invitations_seeker_idx" ON "candidate_invitations" USING btree ("job_seeker_id","created_at");--> statement-breakpoint
CREATE INDEX "candidate_invitations_employer_idx" ON "candidate_invitations" USING btree ("employer_id","created_at");--> statement-breakpoint
-- The demo seekers (server/seed/demo-seekers.ts) said yes when they were made; a database seeded
-- before this migration shows them as a new one would.
UPDATE "job_seekers" SET "visible_to_employers" = true WHERE "id" IN (SELECT "id" FROM "users" WHERE "email" IN ('maria.lopez@example.com', 'dev.patel@example.com', 'aisha.khan@example.com', 'sam.okafor@example.com', 'jordan.reed@example.com', 'emily.chen@example.com'));
