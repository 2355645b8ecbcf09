-- One run of reliability.sh: the race's event (registration/seed.sql: 'bench-2027', one member organisation),
-- plus a door event today ('rel-door', :door confirmed registrations to scan at its entrance) and one issued
-- invoice of 1,000.00 € to that organisation for it (the desk records 1.00 € payments on it), and the API token
-- of the reliability staff account (created at start-up as first administrator) whose SHA-256 is :token_hash.
SET client_min_messages = warning;
TRUNCATE event, person, organisation, mail_outbox, idempotency_key, audit_entry, rate_limit_counter CASCADE;
\ir ../registration/seed.sql
INSERT INTO event (slug, kind, title, starts_at, ends_at, format, members_only, status, created_at, updated_at)
SELECT 'rel-door', 'CONFERENCE_EDITION', 'Door',
       ((now() AT TIME ZONE 'Europe/Paris')::date - 1)::timestamp AT TIME ZONE 'Europe/Paris',
       ((now() AT TIME ZONE 'Europe/Paris')::date + 2)::timestamp AT TIME ZONE 'Europe/Paris',
       'IN_PERSON', false, 'PUBLISHED', now(), now();
INSERT INTO person (first_name, last_name, email, created_at, updated_at)
SELECT 'Door', 'P' || g, 'door' || g || '@example.org', now(), now() FROM generate_series(1, :door) g;
INSERT INTO registration (event_id, person_id, organisation_id, participant_type, status, created_at, updated_at)
SELECT e.id, p.id, o.id, 'OFFICER', 'CONFIRMED', now(), now()
  FROM event e, person p, organisation o WHERE e.slug = 'rel-door' AND p.email LIKE 'door%@example.org' ORDER BY p.id;
INSERT INTO invoice (invoice_number, event_id, organisation_id, issued_on, due_on, net_cents, vat_cents, total_cents,
                     credited_cents, paid_cents, status, customer_name, event_title, issued_by, created_at, updated_at)
SELECT 'REL-' || e.id, e.id, o.id, CURRENT_DATE, CURRENT_DATE + 30, 100000, 0, 100000, 0, 0, 'ISSUED', o.name,
       e.title, 'reliability', now(), now()
  FROM event e, organisation o WHERE e.slug = 'rel-door';
DELETE FROM staff_api_token;
INSERT INTO staff_api_token (account_id, name, token_hash, created_at)
SELECT id, 'reliability.sh', :'token_hash', now() FROM staff_account WHERE username = 'reliability';
