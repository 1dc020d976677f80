-- Undoes 0014_search_vocabulary: the vocabulary and its triggers go, company names leave the
-- full-text index and descriptions weigh 'B' again. pg_trgm stays installed (harmless).
DROP TRIGGER IF EXISTS "jobs_search_vocabulary" ON "jobs";
DROP TRIGGER IF EXISTS "employers_search_vocabulary" ON "employers";
DROP TRIGGER IF EXISTS "skills_search_vocabulary" ON "skills";
DROP FUNCTION IF EXISTS search_vocabulary_from_jobs();
DROP FUNCTION IF EXISTS search_vocabulary_from_employers();
DROP FUNCTION IF EXISTS search_vocabulary_from_skills();
DROP FUNCTION IF EXISTS search_vocabulary_change(text, text);
DROP FUNCTION IF EXISTS search_vocabulary_words(text);
DROP TABLE IF EXISTS "search_vocabulary";
ALTER TABLE "employers" DROP COLUMN IF EXISTS "search";
ALTER TABLE "jobs" DROP COLUMN IF EXISTS "search";
ALTER TABLE "jobs" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("jobs"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("jobs"."description", '')), 'B')) STORED;
CREATE INDEX IF NOT EXISTS "jobs_search_gin" ON "jobs" USING gin ("search");
