-- Written with drizzle-kit's draft (issue 17 part 5): saved jobs, job alerts, alert settings, the digests sent
-- and the jobs each seeker was told about; the outbox learns List-Unsubscribe (IF NOT EXISTS: the
-- notifications migration may add the same column). Nothing existing changes.
CREATE TABLE "alert_digests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "alert_digests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_seeker_id" integer NOT NULL,
	"kind" varchar(10) NOT NULL,
	"alert_id" integer,
	"period" varchar(10) NOT NULL,
	"unsubscribe_token_hash" varchar(64) NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_digests_unsubscribe_token_hash_unique" UNIQUE("unsubscribe_token_hash"),
	CONSTRAINT "alert_digests_kind_check" CHECK (kind in ('search', 'matches'))
);
--> statement-breakpoint
CREATE TABLE "alert_sent_jobs" (
	"job_seeker_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"digest_id" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_sent_jobs_job_seeker_id_job_id_pk" PRIMARY KEY("job_seeker_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "alert_settings" (
	"job_seeker_id" integer PRIMARY KEY NOT NULL,
	"match_threshold" integer DEFAULT 70 NOT NULL,
	"match_emails" boolean DEFAULT true NOT NULL,
	"last_match_period" varchar(10),
	"last_match_run_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_settings_threshold_check" CHECK ("alert_settings"."match_threshold" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "job_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_seeker_id" integer NOT NULL,
	"query" varchar(200) DEFAULT '' NOT NULL,
	"filters" jsonb NOT NULL,
	"frequency" varchar(10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_period" varchar(10),
	"last_run_at" timestamp with time zone,
	CONSTRAINT "job_alerts_frequency_check" CHECK (frequency in ('daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "saved_jobs" (
	"job_seeker_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_jobs_job_seeker_id_job_id_pk" PRIMARY KEY("job_seeker_id","job_id")
);
--> statement-breakpoint
ALTER TABLE "alert_digests" ADD CONSTRAINT "alert_digests_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_digests" ADD CONSTRAINT "alert_digests_alert_id_job_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."job_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_sent_jobs" ADD CONSTRAINT "alert_sent_jobs_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_sent_jobs" ADD CONSTRAINT "alert_sent_jobs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_sent_jobs" ADD CONSTRAINT "alert_sent_jobs_digest_id_alert_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."alert_digests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_settings" ADD CONSTRAINT "alert_settings_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_alerts" ADD CONSTRAINT "job_alerts_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_jobs" ADD CONSTRAINT "saved_jobs_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_jobs" ADD CONSTRAINT "saved_jobs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_digests_job_seeker_id_idx" ON "alert_digests" USING btree ("job_seeker_id");--> statement-breakpoint
CREATE INDEX "alert_digests_sent_at_idx" ON "alert_digests" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "alert_sent_jobs_digest_id_idx" ON "alert_sent_jobs" USING btree ("digest_id");--> statement-breakpoint
CREATE INDEX "alert_sent_jobs_job_id_idx" ON "alert_sent_jobs" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "job_alerts_job_seeker_id_idx" ON "job_alerts" USING btree ("job_seeker_id");--> statement-breakpoint
CREATE INDEX "saved_jobs_job_id_idx" ON "saved_jobs" USING btree ("job_id");
