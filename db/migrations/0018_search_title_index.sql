-- Search at scale (issue 23): the full-text stage ranks a bounded candidate set, and the jobs
-- whose title matches come first in it; this index finds them without reading every job's
-- whole text. Built inside the migrator's transaction, on PGlite as on Neon.
CREATE INDEX IF NOT EXISTS "jobs_title_search_gin" ON "jobs" USING gin (to_tsvector('english', "title"));
