-- Written by hand (drizzle-kit does not declare partitioning): matches becomes a table
-- partitioned by hash of job_seeker_id, 16 ways (docs/decisions/0007). The rows are copied
-- with their ids; names of constraints and indexes stay what the schema says. Needs Postgres 17+
-- (identity columns on partitioned tables): PGlite 0.5 is 18, Neon offers 17 and 18.
CREATE TABLE "matches_partitioned" (
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "matches_partitioned_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
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
	"dismissed_at" timestamp with time zone,
	"feedback" varchar(50),
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"algorithm_version" varchar(50) NOT NULL,
	"experiment_name" varchar(100)
) PARTITION BY HASH ("job_seeker_id");
--> statement-breakpoint
DO $$
BEGIN
	FOR remainder IN 0..15 LOOP
		EXECUTE format('CREATE TABLE "matches_p%s" PARTITION OF "matches_partitioned" FOR VALUES WITH (MODULUS 16, REMAINDER %s)', lpad(remainder::text, 2, '0'), remainder);
	END LOOP;
END $$;
--> statement-breakpoint
INSERT INTO "matches_partitioned" ("id", "job_seeker_id", "job_id", "semantic_score", "skill_match_score", "overall_score", "match_reasoning", "matched_skills", "missing_skills", "viewed_at", "applied", "dismissed_at", "feedback", "generated_at", "algorithm_version", "experiment_name")
OVERRIDING SYSTEM VALUE
SELECT "id", "job_seeker_id", "job_id", "semantic_score", "skill_match_score", "overall_score", "match_reasoning", "matched_skills", "missing_skills", "viewed_at", "applied", "dismissed_at", "feedback", "generated_at", "algorithm_version", "experiment_name" FROM "matches";
--> statement-breakpoint
SELECT setval('"matches_partitioned_id_seq"', coalesce((SELECT max("id") FROM "matches_partitioned"), 0) + 1, false);
--> statement-breakpoint
DROP TABLE "matches";
--> statement-breakpoint
ALTER TABLE "matches_partitioned" RENAME TO "matches";
--> statement-breakpoint
ALTER SEQUENCE "matches_partitioned_id_seq" RENAME TO "matches_id_seq";
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_job_seeker_id_id_pk" PRIMARY KEY("job_seeker_id","id");
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "unique_match" UNIQUE("job_seeker_id","job_id");
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_job_seeker_id_job_seekers_id_fk" FOREIGN KEY ("job_seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "matches_job_seeker_id_idx" ON "matches" USING btree ("job_seeker_id");
--> statement-breakpoint
CREATE INDEX "matches_job_id_idx" ON "matches" USING btree ("job_id");
--> statement-breakpoint
CREATE INDEX "matches_overall_score_idx" ON "matches" USING btree ("overall_score");
--> statement-breakpoint
CREATE INDEX "matches_generated_at_idx" ON "matches" USING btree ("generated_at");
--> statement-breakpoint
CREATE INDEX "idx_match_score" ON "matches" USING btree ("job_seeker_id","overall_score");
