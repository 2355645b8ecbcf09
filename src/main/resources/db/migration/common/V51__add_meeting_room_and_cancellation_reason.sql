-- Group meetings (issue 3): an in-person or hybrid meeting may take a room of its venue, so that staff
-- see who else holds the room; a meeting cancelled through the cancel form keeps the reason staff gave
-- (shown on the public pages, in the feeds and in the mail to registrants).
ALTER TABLE event ADD COLUMN room_id BIGINT;
ALTER TABLE event ADD CONSTRAINT fk_event_room FOREIGN KEY (room_id) REFERENCES room (id) ON DELETE SET NULL;
CREATE INDEX ix_event_room ON event (room_id);
ALTER TABLE event ADD COLUMN cancellation_reason VARCHAR(1000);
