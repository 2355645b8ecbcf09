-- Keeps event_session.taken (V190) equal to the session's CONFIRMED choices; the same rule as postgres' count_session_seats.
CREATE TRIGGER registration_session_seats AFTER INSERT, UPDATE, DELETE ON registration_session
    FOR EACH ROW CALL 'fr.cuf.rencontres.registration.SeatCounter';
