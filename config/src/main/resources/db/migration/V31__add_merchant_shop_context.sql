-- What customers see of the sender: a link back to the shop, its privacy policy, and its legal notice (imprint).
ALTER TABLE merchants ADD COLUMN shop_url VARCHAR(2048);
ALTER TABLE merchants ADD COLUMN privacy_policy_url VARCHAR(2048);
ALTER TABLE merchants ADD COLUMN imprint VARCHAR(500);
