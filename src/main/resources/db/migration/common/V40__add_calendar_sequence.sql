-- iCal feeds: calendar apps learn of a change of time, place or status by a higher SEQUENCE,
-- so events and sessions keep one that only grows (incremented by the services that move,
-- re-room or cancel them, never by a trigger: triggers are not portable between H2 and PostgreSQL).
-- cancelled_at tells how long a cancelled entry stays in the feeds (rencontres.calendar.keep-cancelled).
ALTER TABLE event ADD COLUMN sequence INT NOT NULL DEFAULT 0;
ALTER TABLE event ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE event_session ADD COLUMN sequence INT NOT NULL DEFAULT 0;
ALTER TABLE event_session ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
