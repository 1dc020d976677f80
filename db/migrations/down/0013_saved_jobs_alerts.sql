-- Undoes 0013_saved_jobs_alerts: saved jobs, alerts, alert settings and the record of digests sent go.
DROP TABLE IF EXISTS "alert_sent_jobs";
DROP TABLE IF EXISTS "alert_digests";
DROP TABLE IF EXISTS "alert_settings";
DROP TABLE IF EXISTS "job_alerts";
DROP TABLE IF EXISTS "saved_jobs";
