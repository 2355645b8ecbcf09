-- Every scan of an event checked its event_id against the one event row: a FOR KEY SHARE lock on the same row from
-- every concurrent scan (each new locker makes a new multixact), on the hottest write of the event day (issue 20).
-- The key adds nothing: a scan with an event_id always has a registration_id too (only unreadable codes have
-- neither), and the registration's own key (ON DELETE CASCADE, to its event as well) removes the scans of a
-- deleted event. H2 (the embedded demo database, one scanner at a time) keeps its copy of the key: its name is
-- generated there, and it costs nothing without concurrent scans.
ALTER TABLE checkin_scan DROP CONSTRAINT IF EXISTS checkin_scan_event_id_fkey;
