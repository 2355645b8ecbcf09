-- Day passes (issue 4, "one day or two days"): a price category is for the whole event (day_pass 0) or for
-- one day of it only (day_pass N = the N-th day, 1-based); a rule may now have one category per day pass.
-- A registration remembers the day its registrant chose (attendance_day N), NULL when they come every day,
-- so that check-in can tell a day-pass holder on the wrong day.
ALTER TABLE price_category ADD COLUMN day_pass INT NOT NULL DEFAULT 0;
ALTER TABLE price_category DROP CONSTRAINT uq_price_category_rule;
ALTER TABLE price_category ADD CONSTRAINT uq_price_category_rule UNIQUE (event_id, applies_to, day_pass);
ALTER TABLE price_category ADD CONSTRAINT ck_price_category_day_pass CHECK (day_pass >= 0);
ALTER TABLE registration_detail ADD COLUMN attendance_day INT;
