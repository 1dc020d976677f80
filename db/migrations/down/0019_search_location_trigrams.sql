-- Undoes 0019_search_location_trigrams: the location filter still works without it (it scans).
DROP INDEX IF EXISTS "jobs_location_trgm";
