-- Written by hand (issue 19, interviews): an outbox message may carry an iCalendar invitation
-- (RFC 5546 METHOD REQUEST or CANCEL), sent as the email's text/calendar part. Expand only:
-- existing messages keep their rows and have none.
ALTER TABLE "outbox_messages" ADD COLUMN "ical_method" varchar(10);--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "ical_content" text;
