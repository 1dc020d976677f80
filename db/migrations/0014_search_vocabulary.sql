-- Search that finds what people mean (issue 18): company names in the full-text index, weighted
-- between a job's title and its description, and the vocabulary that misspelled query words
-- are corrected against (words of job titles, company names and catalog skills, with how many
-- rows use each), kept fresh by triggers on every write, whatever path wrote it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE "jobs" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("jobs"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("jobs"."description", '')), 'C')) STORED;
--> statement-breakpoint
CREATE INDEX "jobs_search_gin" ON "jobs" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("employers"."company_name", '')), 'B')) STORED;
--> statement-breakpoint
CREATE INDEX "employers_search_gin" ON "employers" USING gin ("search");
--> statement-breakpoint
CREATE TABLE "search_vocabulary" (
	"word" varchar(40) PRIMARY KEY NOT NULL,
	"uses" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_vocabulary_trgm" ON "search_vocabulary" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION search_vocabulary_words(source text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT w), '{}')
  FROM regexp_split_to_table(lower(coalesce(source, '')), '[^a-z0-9+#]+') AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
$$;
--> statement-breakpoint
CREATE FUNCTION search_vocabulary_change(old_text text, new_text text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gone text[] := search_vocabulary_words(old_text);
  came text[] := search_vocabulary_words(new_text);
BEGIN
  UPDATE search_vocabulary SET uses = uses - 1 WHERE word = ANY (gone);
  DELETE FROM search_vocabulary WHERE word = ANY (gone) AND uses <= 0;
  INSERT INTO search_vocabulary (word, uses) SELECT w, 1 FROM unnest(came) AS w
    ON CONFLICT (word) DO UPDATE SET uses = search_vocabulary.uses + 1;
END $$;
--> statement-breakpoint
CREATE FUNCTION search_vocabulary_from_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM search_vocabulary_change(NULL, NEW.title);
  ELSIF TG_OP = 'DELETE' THEN PERFORM search_vocabulary_change(OLD.title, NULL);
  ELSIF OLD.title IS DISTINCT FROM NEW.title THEN PERFORM search_vocabulary_change(OLD.title, NEW.title);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION search_vocabulary_from_employers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM search_vocabulary_change(NULL, NEW.company_name);
  ELSIF TG_OP = 'DELETE' THEN PERFORM search_vocabulary_change(OLD.company_name, NULL);
  ELSIF OLD.company_name IS DISTINCT FROM NEW.company_name THEN PERFORM search_vocabulary_change(OLD.company_name, NEW.company_name);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION search_vocabulary_from_skills() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN PERFORM search_vocabulary_change(NULL, NEW.name);
  ELSIF TG_OP = 'DELETE' THEN PERFORM search_vocabulary_change(OLD.name, NULL);
  ELSIF OLD.name IS DISTINCT FROM NEW.name THEN PERFORM search_vocabulary_change(OLD.name, NEW.name);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "jobs_search_vocabulary" AFTER INSERT OR DELETE OR UPDATE OF "title" ON "jobs" FOR EACH ROW EXECUTE FUNCTION search_vocabulary_from_jobs();
--> statement-breakpoint
CREATE TRIGGER "employers_search_vocabulary" AFTER INSERT OR DELETE OR UPDATE OF "company_name" ON "employers" FOR EACH ROW EXECUTE FUNCTION search_vocabulary_from_employers();
--> statement-breakpoint
CREATE TRIGGER "skills_search_vocabulary" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "skills" FOR EACH ROW EXECUTE FUNCTION search_vocabulary_from_skills();
--> statement-breakpoint
INSERT INTO "search_vocabulary" ("word", "uses")
SELECT w, count(*)::int FROM (
  SELECT unnest(search_vocabulary_words("title")) AS w FROM "jobs"
  UNION ALL SELECT unnest(search_vocabulary_words("company_name")) FROM "employers"
  UNION ALL SELECT unnest(search_vocabulary_words("name")) FROM "skills"
) AS words GROUP BY w;
