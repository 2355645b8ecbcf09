-- Only the writes of one registration (see pgbench-registration.sql, whose reads and locks are left out here):
-- the person's insert and locking read, then the one statement writing the registration, its detail, its session
-- choice, the audit entry, the outbox mail and the idempotency key, and the commit. run.sh runs it after the full transaction: what the
-- database can write, whatever reads, locks, Java and HTTP add on top.
\set n random(1, 2000000000)
\set session :first_session + random(0, :sessions - 1)
BEGIN;
INSERT INTO person (first_name, last_name, function_title, email, phone, organisation_id, elected_official, created_at,
                    updated_at, version)
  VALUES ('Bench', 'Pg', NULL, 'pg-' || :client_id || '-' || :n || '@example.org', NULL, :org, false, now(), now(), 0)
  ON CONFLICT DO NOTHING;
SELECT id AS person FROM person WHERE email IN ('pg-' || :client_id || '-' || :n || '@example.org') ORDER BY id FOR UPDATE \gset
WITH r AS (
    INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, price_category,
                              price_cents, badge_version, created_at, updated_at, version)
    VALUES (:event, :person, :org, 'OFFICER', 'CONFIRMED', NULL, 0, 1, now(), now(), 0)
    RETURNING id),
d AS (
    INSERT INTO registration_detail (registration_id, event_id, email, active_email, locale, dietary_needs,
                                     accessibility_needs, interpretation_language, consent_version,
                                     consented_at, secret_hash, waitlist_seq, group_id, group_submitter,
                                     source, attendance_day)
    SELECT r.id, :event, 'pg-' || :client_id || '-' || :n || '@example.org', 'pg-' || :client_id || '-' || :n || '@example.org',
           'fr', NULL, NULL, NULL, '2026-01', now(), md5(random()::text) || md5(random()::text), NULL, NULL, false, 'API', NULL
      FROM r),
c AS (
    INSERT INTO registration_session (registration_id, session_id, status, created_at, waitlist_seq)
    SELECT r.id, s.session_id, s.status, now(), s.waitlist_seq
      FROM r, unnest(ARRAY[:session]::bigint[], ARRAY['CONFIRMED']::varchar[], ARRAY[NULL]::bigint[])
           AS s (session_id, status, waitlist_seq)),
a AS (
    INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, detail)
    SELECT now(), 'api', 'registration.created', 'registration', r.id, 'pg@example.org CONFIRMED null 0' FROM r),
m AS (
    INSERT INTO mail_outbox (registration_id, kind, recipient, locale, link_secret, status, attempts,
                             next_attempt_at, created_at)
    SELECT r.id, 'CONFIRMATION', 'pg@example.org', 'fr', 'x', 'PENDING', 0, now(), now() FROM r WHERE true),
k AS (
    INSERT INTO idempotency_key (key_hash, registration_id, sealed_secret, created_at)
    SELECT md5('k' || :client_id || '-' || :n) || md5(random()::text), r.id, 'sealed', now() FROM r WHERE true)
SELECT id FROM r;
COMMIT;
