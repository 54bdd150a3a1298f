-- A merchant being offboarded: its data key is already destroyed and its API key void; its rows are deleted in
-- batches, the merchant row last.
ALTER TABLE merchants ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
