-- A merchant's recipients in order-id order: erasing a whole shop (Shopify's shop/redact) batch by batch.
CREATE INDEX ix_recipients_merchant_order ON recipients (merchant_id, order_id);
