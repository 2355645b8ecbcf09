-- H2 twin of postgres/V2: plain indexes where PostgreSQL gets partial and expression ones.
CREATE INDEX ix_event_status_start ON event (status, starts_at);
