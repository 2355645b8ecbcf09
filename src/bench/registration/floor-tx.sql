-- One registration at the floor (see floor-schema.sql): one statement, one commit. pgbench variable :sessions.
\set n random(1, 2000000000)
\set a random(1, :sessions)
-- another session than :a
\set b 1 + (:a + random(0, :sessions - 2)) % :sessions
WITH s AS (UPDATE floor.seat SET taken = taken + 1
            WHERE session_id IN (:a, :b) AND taken < capacity
           RETURNING session_id),
     p AS (INSERT INTO floor.person (email, first_name, last_name)
           VALUES ('floor-' || :client_id || '-' || :n || '-' || txid_current() || '@example.org', 'Floor', 'Bench')
           RETURNING id),
     r AS (INSERT INTO floor.registration (person_id, status) SELECT id, 'CONFIRMED' FROM p RETURNING id),
     l AS (INSERT INTO floor.registration_session (registration_id, session_id) SELECT r.id, s.session_id FROM r, s),
     o AS (INSERT INTO floor.outbox (registration_id, kind) SELECT id, 'CONFIRMATION' FROM r)
SELECT id FROM r;
