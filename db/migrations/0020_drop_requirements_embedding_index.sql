-- Search at scale (issue 23): no query orders by the requirements embedding; matching reads it as
-- a value of rows it already chose by the description embedding. Its HNSW index was built and kept
-- up to date for nothing: a third of the index work of every embedded job (at 100,000 jobs about
-- 600 MB and minutes of the bulk build). The column and its data stay.
DROP INDEX IF EXISTS "jobs_requirements_embedding_hnsw";
