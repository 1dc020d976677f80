-- Undoes 0017_webhook_refusals: the counters go (they hold only tallies; every delivery that was
-- accepted stays in webhook_deliveries).
DROP TABLE IF EXISTS "webhook_refusals";
