-- Undoes 0010_application_records: snapshots, stored-file records and notes go (the files
-- themselves stay in the store until erased); an application at `offer` goes back to
-- `interview`, the last state 0009 knows; rejection reasons and messages are lost.
DROP TABLE IF EXISTS "application_notes";
DROP TABLE IF EXISTS "application_resumes";
DROP TABLE IF EXISTS "resume_files";
ALTER TABLE "applications" DROP CONSTRAINT IF EXISTS "applications_rejection_reason_check";
ALTER TABLE "applications" DROP CONSTRAINT IF EXISTS "applications_status_check";
UPDATE "applications" SET "status" = 'interview' WHERE "status" = 'offer';
ALTER TABLE "applications" ADD CONSTRAINT "applications_status_check" CHECK (status in ('submitted', 'reviewed', 'interview', 'rejected', 'accepted', 'withdrawn'));
ALTER TABLE "applications" DROP COLUMN IF EXISTS "rejection_reason";
ALTER TABLE "applications" DROP COLUMN IF EXISTS "rejection_detail";
ALTER TABLE "applications" DROP COLUMN IF EXISTS "rejection_message";
