-- Undoes 0016_interview_invitations: queued messages keep their subject and bodies (which list
-- the interview's time) but lose the attached invitation.
ALTER TABLE "outbox_messages" DROP COLUMN IF EXISTS "ical_content";
ALTER TABLE "outbox_messages" DROP COLUMN IF EXISTS "ical_method";
