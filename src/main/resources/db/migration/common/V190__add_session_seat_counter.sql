-- The seats held in each session (registration_session rows in status CONFIRMED), kept with the session so the
-- seat check reads one row under the session's lock instead of counting rows. Kept right by the trigger of V191
-- (postgres: a PL/pgSQL function; h2: registration.SeatCounter) on every insert, status change and delete of a choice,
-- whatever writes it: registration, cancellation, move, waiting-list promotion, staff edit, erasure, cascade.
ALTER TABLE event_session ADD COLUMN taken INTEGER DEFAULT 0 NOT NULL;
UPDATE event_session SET taken = (SELECT COUNT(*) FROM registration_session rs
                                   WHERE rs.session_id = event_session.id AND rs.status = 'CONFIRMED');
