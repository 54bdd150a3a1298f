-- Deliveries already retried before first_attempt_at existed: their first attempt was no earlier than
-- their due time (and their creation), so give-up is not counted afresh from the upgrade.
UPDATE deliveries SET first_attempt_at = GREATEST(due_at, created_at) WHERE attempts > 0 AND first_attempt_at IS NULL;
