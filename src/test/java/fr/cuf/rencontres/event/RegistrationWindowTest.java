package fr.cuf.rencontres.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistrationWindowTest {

    static final Instant OPENS = Instant.parse("2026-04-15T07:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-07-03T21:59:00Z");
    static final Instant STARTS = Instant.parse("2026-07-08T07:00:00Z");

    static Event event(EventStatus status) {
        return new Event(1L, "e", EventKind.CONFERENCE_EDITION, "E", null, null, STARTS, STARTS.plusSeconds(36 * 3600),
                EventFormat.IN_PERSON, null, null, null, false, null, null, OPENS, CLOSES, status, OPENS, OPENS, 0L,
                null, null);
    }

    @Test
    void registration_is_not_yet_open_then_open_then_closed() {
        Event e = event(EventStatus.PUBLISHED);
        assertEquals(RegistrationWindow.NOT_YET_OPEN, e.registrationWindow(OPENS.minusSeconds(1)));
        assertEquals(RegistrationWindow.OPEN, e.registrationWindow(OPENS));
        assertEquals(RegistrationWindow.CLOSED, e.registrationWindow(CLOSES));
        assertEquals(RegistrationWindow.CLOSED, event(EventStatus.CANCELLED).registrationWindow(OPENS.plusSeconds(60)));
    }
}
