-- The dispatcher reads back and releases its claim by claimed_by; without an index both scanned
-- every delivery ever written (found by the benchmark: 1.2 million rows made each claim slow).
CREATE INDEX ix_deliveries_claimed_by ON deliveries (claimed_by);
