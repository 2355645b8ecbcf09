-- Issue 15: the shape of the programme a solver must respect. A session may belong to a series whose sessions
-- run in order (B2B slots 1, 2, 3…), and staff may let a session run beside a plenary (by default nothing does).
-- Kept apart from event_session: only the timetable rules read it.
CREATE TABLE session_shape (
    session_id      BIGINT PRIMARY KEY REFERENCES event_session (id) ON DELETE CASCADE,
    series          VARCHAR(100),
    series_order    INTEGER,
    beside_plenary  BOOLEAN NOT NULL DEFAULT FALSE
);
