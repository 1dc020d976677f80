-- Undoes 0015_companies: the version before reads ownership from jobs.employer_id, which the
-- expand step kept writing (a company's id is its founder's employer id), so every job,
-- application, board and match stays its founder's. What only teams had goes with the tables:
-- members beyond the founder, invitations, interviews and scorecards.
DROP TABLE IF EXISTS "scorecards";
DROP TABLE IF EXISTS "calendar_feeds";
DROP TABLE IF EXISTS "interview_interviewers";
DROP TABLE IF EXISTS "interview_slots";
DROP TABLE IF EXISTS "interviews";
DROP TABLE IF EXISTS "company_invitations";
DROP TABLE IF EXISTS "company_members";
DROP TABLE IF EXISTS "companies";
