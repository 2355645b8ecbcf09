-- PostgreSQL only (H2 has no partial or expression indexes): the twin in db/migration/h2
-- keeps the version numbers of both vendors in step.
CREATE INDEX ix_event_published_start ON event (starts_at) WHERE status = 'PUBLISHED';
CREATE INDEX ix_organisation_lower_name ON organisation (lower(name));
CREATE INDEX ix_person_lower_last_name ON person (lower(last_name));
