-- What a scan asked for (a digest of the code or the registration, the list and the direction), so that a
-- nonce sent again with another badge is refused instead of answered with the first badge's outcome.
-- Scans recorded before this column existed have none and are replayed as before.
ALTER TABLE checkin_scan ADD COLUMN request_digest VARCHAR(64);
