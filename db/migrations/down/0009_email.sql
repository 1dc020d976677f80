-- Undoes 0009_email: the outbox, its delivery log and the account tokens go; the verification
-- state of accounts is lost (every account counts as verified again only if 0009 runs anew).
DROP TABLE IF EXISTS "mail_deliveries";
DROP TABLE IF EXISTS "outbox_messages";
DROP TABLE IF EXISTS "account_tokens";
ALTER TABLE "users" DROP COLUMN IF EXISTS "email_verified_at";
