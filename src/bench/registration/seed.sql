-- Benchmark edition: :sessions sessions (psql variable, run.sh sets it) of 100 seats in 3 parallel blocks; one member organisation.
DELETE FROM mail_outbox; DELETE FROM idempotency_key; DELETE FROM registration_answer; DELETE FROM registration_detail;
DELETE FROM registration_session; DELETE FROM registration; DELETE FROM registration_group; DELETE FROM audit_entry;
DELETE FROM rate_limit_counter; DELETE FROM event_session; DELETE FROM price_category; DELETE FROM event;
DELETE FROM person; DELETE FROM membership; DELETE FROM organisation; DELETE FROM room; DELETE FROM venue;
INSERT INTO organisation (name, kind, country, created_at, updated_at) VALUES ('Ville de Bench', 'OTHER', 'FR', now(), now());
INSERT INTO membership (organisation_id, membership_year, created_at) SELECT id, 2027, now() FROM organisation;
INSERT INTO event (slug, kind, title, starts_at, ends_at, format, members_only, status, created_at, updated_at)
VALUES ('bench-2027', 'CONFERENCE_EDITION', 'Bench', '2027-07-08 09:00:00+02', '2027-07-09 18:00:00+02', 'ONLINE', false,
        'PUBLISHED', now(), now());
INSERT INTO event_session (event_id, title, kind, starts_at, ends_at, capacity, created_at, updated_at)
SELECT e.id, 'Atelier ' || g, 'WORKSHOP', TIMESTAMP WITH TIME ZONE '2027-07-08 09:00:00+02' + (g % 3) * INTERVAL '2' HOUR,
       TIMESTAMP WITH TIME ZONE '2027-07-08 10:30:00+02' + (g % 3) * INTERVAL '2' HOUR, 100, now(), now()
  FROM event e, generate_series(1, :sessions) g;
