package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Where a scan happens: the entrance of the event on one day ({@code entrance:2026-07-08}) or the
 * door of a session's room ({@code session:42}).
 */
public record CheckinList(Kind kind, @Nullable LocalDate day, @Nullable Long sessionId) {

    public enum Kind { ENTRANCE, SESSION }

    public static CheckinList entrance(LocalDate day) {
        return new CheckinList(Kind.ENTRANCE, day, null);
    }

    public static CheckinList session(long sessionId) {
        return new CheckinList(Kind.SESSION, null, sessionId);
    }

    public static CheckinList parse(String key) {
        if (key != null) {
            try {
                if (key.startsWith("entrance:")) {
                    return entrance(LocalDate.parse(key.substring("entrance:".length())));
                }
                if (key.startsWith("session:")) {
                    long id = Long.parseLong(key.substring("session:".length()));
                    if (id > 0) {
                        return session(id);
                    }
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                // refused below
            }
        }
        throw DomainException.invalid("list", "invalid_checkin_list");
    }

    public String key() {
        return kind == Kind.ENTRANCE ? "entrance:" + day : "session:" + sessionId;
    }
}
