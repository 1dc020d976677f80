-- Written by hand (issue 21): counters of refused webhook deliveries per board, reason and day,
-- so an employer can see that a board's deliveries fail (a wrong secret, a slow clock) without
-- the platform keeping what anyone may send. Nothing existing changes.
CREATE TABLE "webhook_refusals" (
	"source_id" uuid,
	"reason" varchar(30) NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "webhook_refusals_source_reason_day_unique" UNIQUE NULLS NOT DISTINCT("source_id","reason","day"),
	CONSTRAINT "webhook_refusals_reason_check" CHECK (reason in ('bad_signature', 'stale_timestamp', 'missing_headers', 'malformed_body', 'invalid_payload', 'unknown_board'))
);
--> statement-breakpoint
ALTER TABLE "webhook_refusals" ADD CONSTRAINT "webhook_refusals_source_id_job_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."job_sources"("id") ON DELETE cascade ON UPDATE no action;
