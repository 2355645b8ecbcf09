package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the timetabling rules look at, read once from the database: plain values, so that the
 * conflict detector and the solver can be tested without one.
 *
 * @param firstDay      first day of the event (Paris)
 * @param lastDay       last day of the event (Paris)
 * @param opening       the venue's opening time, if known
 * @param closing       the venue's closing time, if known
 * @param briefingBlocks windows where country briefings must happen (none: no such rule)
 * @param plenarySlots  windows where plenaries must happen (none: no such rule)
 * @param pause         the pause a person needs between two sessions in different rooms
 * @param personInMeeting when a person chairs a group meeting held during the event: staff accepted that
 *                      meeting as it is, so it is a warning here, not a refusal (issue 15)
 * @param shapes        per session, its place in the shape of the programme (series, beside a plenary)
 */
public record TimetableFacts(LocalDate firstDay, LocalDate lastDay, @Nullable LocalTime opening,
                             @Nullable LocalTime closing, List<Window> briefingBlocks, List<Window> plenarySlots,
                             Map<Long, RoomFacts> rooms, Map<Long, String> personNames,
                             Map<Long, List<Window>> personUnavailable, Duration pause, List<SessionFacts> sessions,
                             Map<Long, List<Window>> personInMeeting, Map<Long, SessionShape> shapes) {

    /** Facts without meetings and without series (tests, benchmarks). */
    public TimetableFacts(LocalDate firstDay, LocalDate lastDay, @Nullable LocalTime opening, @Nullable LocalTime closing,
                          List<Window> briefingBlocks, List<Window> plenarySlots, Map<Long, RoomFacts> rooms,
                          Map<Long, String> personNames, Map<Long, List<Window>> personUnavailable, Duration pause,
                          List<SessionFacts> sessions) {
        this(firstDay, lastDay, opening, closing, briefingBlocks, plenarySlots, rooms, personNames, personUnavailable,
                pause, sessions, Map.of(), Map.of());
    }

    public SessionShape shape(long sessionId) {
        return shapes.getOrDefault(sessionId, SessionShape.NONE);
    }

    /** A room: its size, its equipment, and when it cannot be used. */
    public record RoomFacts(long id, String name, int capacity, boolean interpretation, boolean videoLink,
                            List<Window> unavailable) {

        public boolean lacks(SessionFacts s) {
            return (s.interpretation() && !interpretation) || (s.videoLink() && !videoLink);
        }
    }

    /**
     * A session as the rules see it: its slot and room (both may be empty), the people it needs (chair and
     * speakers), its theme keys ("pole:AFRIQUE", "group:12"), and its expected interest.
     */
    public record SessionFacts(long id, String title, SessionKind kind, @Nullable Window slot, @Nullable Long roomId,
                               Set<Long> personIds, Set<String> themeKeys, int audience, boolean interpretation,
                               boolean videoLink, int minutes) {

        public boolean isPlaced() {
            return slot != null;
        }

        public SessionFacts at(Window newSlot, Long newRoom) {
            return new SessionFacts(id, title, kind, newSlot, newRoom, personIds, themeKeys, audience, interpretation,
                    videoLink, minutes);
        }
    }

    public RoomFacts room(Long id) {
        return id == null ? null : rooms.get(id);
    }

    public String personName(Long id) {
        return personNames.getOrDefault(id, "#" + id);
    }
}
