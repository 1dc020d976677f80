-- Rolls migration 0008 back to 0007 (run by hand, in one transaction, then remove the 0008 row
-- from drizzle.__drizzle_migrations). Custom names become uncategorized catalog skills again, as
-- skills.create made them, so no one loses a skill; origins fold back to 'manual' and 'resume'.
BEGIN;
INSERT INTO "skills" ("name", "normalized_name")
	SELECT DISTINCT ON ("custom_normalized_name") "custom_name", "custom_normalized_name"
	FROM (SELECT "custom_name", "custom_normalized_name" FROM "job_seeker_skills" WHERE "custom_name" IS NOT NULL
	      UNION ALL SELECT "custom_name", "custom_normalized_name" FROM "job_skills" WHERE "custom_name" IS NOT NULL) c
	ORDER BY "custom_normalized_name", "custom_name"
	ON CONFLICT ("normalized_name") DO NOTHING;
UPDATE "job_seeker_skills" k SET "skill_id" = s."id", "custom_name" = NULL, "custom_normalized_name" = NULL
	FROM "skills" s WHERE k."custom_normalized_name" = s."normalized_name";
UPDATE "job_skills" k SET "skill_id" = s."id", "custom_name" = NULL, "custom_normalized_name" = NULL
	FROM "skills" s WHERE k."custom_normalized_name" = s."normalized_name";
-- A custom name whose display name collided with another skill's name: dropped (none expected).
DELETE FROM "job_seeker_skills" WHERE "skill_id" IS NULL;
DELETE FROM "job_skills" WHERE "skill_id" IS NULL;
ALTER TABLE "job_seeker_skills" DROP CONSTRAINT "job_seeker_skills_source_check";
ALTER TABLE "job_seeker_skills" DROP CONSTRAINT "job_seeker_skills_catalog_or_custom";
ALTER TABLE "job_skills" DROP CONSTRAINT "job_skills_catalog_or_custom";
UPDATE "job_seeker_skills" SET "source" = 'manual' WHERE "source" <> 'resume';
ALTER TABLE "job_seeker_skills" ALTER COLUMN "source" SET DEFAULT 'manual';
ALTER TABLE "job_seeker_skills" DROP CONSTRAINT "job_seeker_skills_seeker_skill_unique";
ALTER TABLE "job_seeker_skills" DROP CONSTRAINT "job_seeker_skills_seeker_custom_unique";
ALTER TABLE "job_skills" DROP CONSTRAINT "job_skills_job_skill_unique";
ALTER TABLE "job_skills" DROP CONSTRAINT "job_skills_job_custom_unique";
DROP INDEX "job_seeker_skills_custom_idx";
DROP INDEX "job_skills_custom_idx";
ALTER TABLE "job_seeker_skills" DROP COLUMN "id", DROP COLUMN "custom_name", DROP COLUMN "custom_normalized_name";
ALTER TABLE "job_skills" DROP COLUMN "id", DROP COLUMN "custom_name", DROP COLUMN "custom_normalized_name";
ALTER TABLE "job_seeker_skills" ALTER COLUMN "skill_id" SET NOT NULL;
ALTER TABLE "job_skills" ALTER COLUMN "skill_id" SET NOT NULL;
ALTER TABLE "job_seeker_skills" ADD CONSTRAINT "job_seeker_skills_job_seeker_id_skill_id_pk" PRIMARY KEY ("job_seeker_id", "skill_id");
ALTER TABLE "job_skills" ADD CONSTRAINT "job_skills_job_id_skill_id_pk" PRIMARY KEY ("job_id", "skill_id");
DROP TABLE "rejected_skill_names";
COMMIT;
