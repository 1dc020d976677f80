-- Undoes 0011_candidate_consent: invitations and the consent setting go (every seeker is then
-- listed to employers as before 0011, which is why going back needs a decision, not a habit).
DROP TABLE IF EXISTS "candidate_invitations";
ALTER TABLE "job_seekers" DROP COLUMN IF EXISTS "candidate_key";
ALTER TABLE "job_seekers" DROP COLUMN IF EXISTS "visible_to_employers";
