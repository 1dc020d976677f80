-- Undoes 0018_search_title_index: search still works without it (the title stage scans).
DROP INDEX IF EXISTS "jobs_title_search_gin";
