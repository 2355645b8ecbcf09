-- Keeps event_session.taken (V190) equal to the session's CONFIRMED choices; the same rule as h2's SeatCounter.
CREATE FUNCTION count_session_seats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.session_id = NEW.session_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.status = 'CONFIRMED' THEN
        UPDATE event_session SET taken = taken - 1 WHERE id = OLD.session_id;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'CONFIRMED' THEN
        UPDATE event_session SET taken = taken + 1 WHERE id = NEW.session_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER registration_session_seats AFTER INSERT OR DELETE OR UPDATE OF status, session_id ON registration_session
    FOR EACH ROW EXECUTE FUNCTION count_session_seats();
