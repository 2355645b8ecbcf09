-- Only the writes of one registration (see pgbench-registration.sql, whose reads and locks are left out here):
-- the person's insert and locking read, then the registration, its detail, its session choice, the audit entry,
-- the outbox mail and the idempotency key, and the commit. run.sh runs it after the full transaction: what the
-- database can write, whatever reads, locks, Java and HTTP add on top.
\set n random(1, 2000000000)
\set session :first_session + random(0, :sessions - 1)
BEGIN;
INSERT INTO person (first_name, last_name, function_title, email, phone, organisation_id, elected_official, created_at,
                    updated_at, version)
  VALUES ('Bench', 'Pg', NULL, 'pg-' || :client_id || '-' || :n || '@example.org', NULL, :org, false, now(), now(), 0)
  ON CONFLICT DO NOTHING;
SELECT id AS person FROM person WHERE email IN ('pg-' || :client_id || '-' || :n || '@example.org') ORDER BY id FOR UPDATE \gset
INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, price_category, price_cents,
  badge_version, created_at, updated_at, version)
  VALUES (:event, :person, :org, 'OFFICER', 'CONFIRMED', NULL, 0, 1, now(), now(), 0) RETURNING id AS reg \gset
INSERT INTO registration_detail (event_id, email, active_email, locale, dietary_needs, accessibility_needs,
  interpretation_language, consent_version, consented_at, secret_hash, waitlist_seq, group_id, group_submitter, source,
  registration_id)
  VALUES (:event, 'pg-' || :client_id || '-' || :n || '@example.org', 'pg-' || :client_id || '-' || :n || '@example.org',
          'fr', NULL, NULL, NULL, '2026-01', now(), md5(random()::text) || md5(random()::text), NULL, NULL, false, 'API', :reg);
INSERT INTO registration_session (registration_id, session_id, status, created_at, waitlist_seq)
  VALUES (:reg, :session, 'CONFIRMED', now(), NULL);
INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, detail)
  VALUES (now(), 'api', 'registration.created', 'registration', :reg, 'pg@example.org CONFIRMED null 0');
INSERT INTO mail_outbox (registration_id, kind, recipient, locale, link_secret, note, subject, status, attempts,
  next_attempt_at, last_error, created_at, sent_at)
  VALUES (:reg, 'CONFIRMATION', 'pg@example.org', 'fr', 'x', NULL, NULL, 'PENDING', 0, now(), NULL, now(), NULL);
INSERT INTO idempotency_key (key_hash, registration_id, sealed_secret, created_at)
  VALUES (md5('k' || :client_id || '-' || :n) || md5(random()::text), :reg, 'sealed', now());
COMMIT;
