-- Give-up is counted from the first attempt, not from a due time the shop may have set in the past.
ALTER TABLE deliveries ADD COLUMN first_attempt_at TIMESTAMP WITH TIME ZONE;
