-- The SQL transaction of one registration, statement for statement as RegistrationService.register runs it on
-- PostgreSQL for one newcomer choosing one session of an edition without event capacity (10 statements; the
-- reads show with LOGGER_LEVELS_IO_MICRONAUT_DATA_QUERY=DEBUG, the last one is RegistrationWrites.INSERT): the
-- event, its questions, the chosen session and the price categories; the organisation with its membership; the
-- person's insert and locking read; the chosen session's lock with its seat counter (event_session.taken, kept by
-- the trigger of migration V191); the Idempotency-Key and active registrations of the e-mail; then one statement writing the registration, its detail, its session choice, the
-- audit entry, the outbox mail and the idempotency key.
-- Variables: :event, :first_session, :sessions (set by run.sh), :org; each transaction picks one of the
-- sessions at random, like the service's clients. The reads stand between "-- begin reads" and "-- end of reads"
-- lines: run.sh deletes them to time the writes alone (the person, the one writing statement, the commit).
\set n random(1, 2000000000)
\set session :first_session + random(0, :sessions - 1)
BEGIN;
-- begin reads
SELECT id, version, slug, kind, title, summary, series, starts_at, ends_at, format, venue_id, location_note, online_link,
       members_only, group_id, capacity, registration_opens_at, registration_closes_at, status, created_at, updated_at
  FROM event WHERE slug = 'bench-2027';
SELECT id, event_id, position, kind, label_fr, label_en, options, required, created_at FROM registration_question
 WHERE event_id = :event ORDER BY position;
SELECT s.id, s.event_id, s.title, s.starts_at, s.ends_at, s.members_only, COALESCE(s.capacity, r.capacity) AS capacity,
       0 AS taken, 0 AS waiting FROM event_session s LEFT JOIN room r ON r.id = s.room_id
 WHERE s.event_id = :event AND s.id IN (:session);
SELECT id, event_id, code, label_fr, label_en, applies_to, price_cents, position, created_at, updated_at
  FROM price_category WHERE event_id = :event ORDER BY position;
SELECT o.id, o.kind, o.country, CASE WHEN EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = o.id
       AND m.membership_year = 2027) THEN TRUE ELSE FALSE END AS member FROM organisation o WHERE o.id = :org;
-- end of reads
INSERT INTO person (first_name, last_name, function_title, email, phone, organisation_id, elected_official, created_at,
                    updated_at, version)
  VALUES ('Bench', 'Pg', NULL, 'pg-' || :client_id || '-' || :n || '@example.org', NULL, :org, false, now(), now(), 0)
  ON CONFLICT DO NOTHING;
SELECT id AS person FROM person WHERE email IN ('pg-' || :client_id || '-' || :n || '@example.org') ORDER BY id FOR UPDATE \gset
-- begin reads
SELECT id AS session_id, taken FROM event_session WHERE id IN (:session) ORDER BY id FOR UPDATE;
SELECT 'K' AS kind, registration_id, sealed_secret AS found FROM idempotency_key WHERE key_hash = md5('k' || :client_id || '-' || :n)
UNION ALL
SELECT 'E' AS kind, registration_id, active_email AS found FROM registration_detail
 WHERE event_id = :event AND active_email IN ('pg-' || :client_id || '-' || :n || '@example.org');
-- end of reads
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
