-- The order an unsubscribe link was mailed for (anonymous: the order's id, never the address), so that a
-- recipient.unsubscribed webhook can name the transaction; null for links of test messages and links mailed before.
ALTER TABLE opt_out_links ADD COLUMN order_id BIGINT;
