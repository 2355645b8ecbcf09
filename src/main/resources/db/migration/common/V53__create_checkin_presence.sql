-- Who is inside each check-in list now, one row per person and list (registration, list_key): its
-- primary key is what makes "two scanners at once" record one check-in and one duplicate, without
-- locking the registration row. An entry turns inside on only if it was off (an upsert whose
-- conflict branch updates nothing when already inside); an exit turns it off. first_entry_at is the
-- earliest accepted entry, shown with "already checked in at 09:12". checkin_scan stays the journal.
CREATE TABLE checkin_presence (
    registration_id  BIGINT NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    list_key         VARCHAR(40) NOT NULL,
    inside           BOOLEAN NOT NULL,
    first_entry_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (registration_id, list_key)
);

-- the scans recorded before this table existed
INSERT INTO checkin_presence (registration_id, list_key, inside, first_entry_at)
SELECT s.registration_id, s.list_key, s.direction = 'ENTRY',
       (SELECT MIN(f.scanned_at) FROM checkin_scan f
         WHERE f.registration_id = s.registration_id AND f.list_key = s.list_key
           AND f.outcome = 'ok' AND f.direction = 'ENTRY')
  FROM checkin_scan s
 WHERE s.outcome = 'ok' AND s.registration_id IS NOT NULL
   AND s.id = (SELECT MAX(t.id) FROM checkin_scan t
                WHERE t.registration_id = s.registration_id AND t.list_key = s.list_key AND t.outcome = 'ok')
   AND EXISTS (SELECT 1 FROM checkin_scan f
                WHERE f.registration_id = s.registration_id AND f.list_key = s.list_key
                  AND f.outcome = 'ok' AND f.direction = 'ENTRY');
