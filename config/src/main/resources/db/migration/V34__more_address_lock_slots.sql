-- 256 slots made any two batches of 500 orders share slots, so they ran one after the other, and a single
-- order waited behind a whole batch. 16,384 slots (the first 256 kept, so a slot's row stays where it was):
-- two transactions of 50 addresses each now share a slot about one time in seven. (65,536 rows cost the
-- embedded database most of a second at its first start.)
INSERT INTO address_lock_slots (slot)
SELECT hi.slot * 256 + lo.slot FROM address_lock_slots hi CROSS JOIN address_lock_slots lo
WHERE hi.slot BETWEEN 1 AND 63 AND lo.slot BETWEEN 0 AND 255;
