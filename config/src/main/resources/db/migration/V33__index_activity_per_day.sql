-- The console's overview counts a merchant's orders and deliveries per day over the last 30 days.
CREATE INDEX ix_orders_merchant_created ON orders (merchant_id, created_at);
CREATE INDEX ix_deliveries_merchant_updated ON deliveries (merchant_id, updated_at);
