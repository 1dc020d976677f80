-- Undoes 0012_notifications: notifications, preferences and unsubscribe tokens go; queued
-- messages keep their bodies (the unsubscribe link stays in them) but lose the header.
DROP TABLE IF EXISTS "unsubscribe_tokens";
DROP TABLE IF EXISTS "notification_preferences";
DROP TABLE IF EXISTS "notifications";
ALTER TABLE "outbox_messages" DROP COLUMN IF EXISTS "unsubscribe_url";
