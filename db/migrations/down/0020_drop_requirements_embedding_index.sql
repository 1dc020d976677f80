-- Undoes 0020_drop_requirements_embedding_index: the index as migration 0001 made it.
CREATE INDEX IF NOT EXISTS "jobs_requirements_embedding_hnsw" ON "jobs" USING hnsw ("requirements_embedding" vector_cosine_ops);
