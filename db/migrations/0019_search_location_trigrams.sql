-- Search at scale (issue 23): the location filter is a substring match (`ilike '%boston%'`), which
-- no b-tree serves; at 20,000 jobs it read every job (browsing "newest in Boston" p50 30 ms of SQL).
-- Trigrams find the matching rows through the index. pg_trgm is enabled by 0014.
CREATE INDEX IF NOT EXISTS "jobs_location_trgm" ON "jobs" USING gin ("location" gin_trgm_ops);
