-- 256 slots made any two batches of 500 orders share slots, so they ran one after the other, and a single
-- order waited behind a whole batch. 65,536 slots (the first 256 kept, so a slot's rows stay where they were):
-- two groups of 100 addresses now share a slot about one time in seven.
INSERT INTO address_lock_slots (slot)
SELECT hi.slot * 256 + lo.slot FROM address_lock_slots hi CROSS JOIN address_lock_slots lo
WHERE hi.slot BETWEEN 1 AND 255 AND lo.slot BETWEEN 0 AND 255;
