-- ai_decisions is partitioned by month (edited by hand: drizzle-kit does not declare partitioning);
-- server/maintenance.ts creates each month's partition before it is written to.
CREATE TABLE "ai_decisions" (
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "ai_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"job_seeker_id" integer,
	"job_id" integer,
	"overall_score" double precision NOT NULL,
	"algorithm_version" varchar(50) NOT NULL,
	"experiment_name" varchar(100),
	"embedding_model" varchar(100),
	"parser_model" varchar(100),
	"reasoning_model" varchar(100) NOT NULL,
	CONSTRAINT "ai_decisions_id_created_at_pk" PRIMARY KEY("id","created_at")
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" varchar(100) NOT NULL,
	"arms" jsonb NOT NULL,
	"status" varchar(20) DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	"created_by" integer,
	CONSTRAINT "experiments_name_unique" UNIQUE("name"),
	CONSTRAINT "experiments_status_check" CHECK (status in ('running', 'stopped'))
);
--> statement-breakpoint
CREATE TABLE "match_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "match_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"job_seeker_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"message" text NOT NULL,
	"contested_score" double precision,
	"algorithm_version" varchar(50),
	"status" varchar(20) DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "match_reviews_kind_check" CHECK (kind in ('contest_score', 'human_review')),
	CONSTRAINT "match_reviews_status_check" CHECK (status in ('open', 'answered'))
);
--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "resume_retention_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_seekers" ADD COLUMN "resume_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "experiment_name" varchar(100);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_active_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_reviews" ADD CONSTRAINT "match_reviews_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_decisions_seeker_idx" ON "ai_decisions" USING btree ("job_seeker_id","created_at");--> statement-breakpoint
CREATE INDEX "ai_decisions_job_idx" ON "ai_decisions" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_one_running_unique" ON "experiments" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "match_reviews_job_id_idx" ON "match_reviews" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "match_reviews_one_open_unique" ON "match_reviews" USING btree ("job_seeker_id","job_id") WHERE status = 'open';