-- A published session carries the creation and last change of the session it froze: calendar feeds read
-- both (CREATED, LAST-MODIFIED, DTSTAMP) from the published programme, and got null before (issue 14).
-- Snapshots taken before this column existed take their version's publication time.
ALTER TABLE programme_version_session ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE programme_version_session ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
UPDATE programme_version_session
   SET created_at = (SELECT v.published_at FROM programme_version v WHERE v.id = programme_version_session.version_id),
       updated_at = (SELECT v.published_at FROM programme_version v WHERE v.id = programme_version_session.version_id);
ALTER TABLE programme_version_session ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE programme_version_session ALTER COLUMN updated_at SET NOT NULL;
