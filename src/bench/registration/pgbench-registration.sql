-- The SQL transaction of one registration as the service runs it (person upsert, locks, counts,
-- inserts of the registration, its detail, its session choice, the outbox mail and the audit entry),
-- for pgbench. The bench edition has no event capacity, so (as in the service) the event row is not
-- locked: the person row and the chosen session row are. Variables: :event, :first_session (set by run.sh), :org; each
-- transaction picks one of the 30 sessions at random, like the service's clients.
\set n random(1, 2000000000)
\set session :first_session + random(0, 29)
BEGIN;
INSERT INTO person (first_name, last_name, email, organisation_id, elected_official, created_at, updated_at, version)
  VALUES ('Bench', 'Pg', 'pg-' || :client_id || '-' || :n || '@example.org', :org, false, now(), now(), 0) ON CONFLICT DO NOTHING;
SELECT id AS person FROM person WHERE email = 'pg-' || :client_id || '-' || :n || '@example.org' \gset
SELECT id FROM person WHERE id IN (:person) ORDER BY id FOR UPDATE;
SELECT id FROM event_session WHERE id IN (:session) ORDER BY id FOR UPDATE;
SELECT registration_id FROM registration_detail WHERE event_id = :event AND active_email = 'pg-' || :client_id || '-' || :n || '@example.org';
SELECT COUNT(*) FROM registration_session WHERE session_id = :session AND status = 'CONFIRMED';
INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, price_category, price_cents,
  badge_version, created_at, updated_at, version)
  VALUES (:event, :person, :org, 'OFFICER', 'CONFIRMED', NULL, 0, 1, now(), now(), 0);
SELECT currval(pg_get_serial_sequence('registration', 'id')) AS reg \gset
INSERT INTO registration_detail (registration_id, event_id, email, active_email, locale, consent_version, consented_at,
  secret_hash, group_submitter, source)
  VALUES (:reg, :event, 'pg-' || :client_id || '-' || :n || '@example.org', 'pg-' || :client_id || '-' || :n || '@example.org',
          'fr', '2026-01', now(), md5(random()::text) || md5(random()::text), false, 'API');
INSERT INTO registration_session (registration_id, session_id, status, created_at) VALUES (:reg, :session, 'CONFIRMED', now());
INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, detail) VALUES (now(), 'api', 'registration.created', 'registration', :reg, 'bench');
INSERT INTO mail_outbox (registration_id, kind, recipient, locale, link_secret, status, attempts, next_attempt_at, created_at)
  VALUES (:reg, 'CONFIRMATION', 'pg@example.org', 'fr', 'x', 'PENDING', 0, now(), now());
COMMIT;
