package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.schedule.TimetableFacts.RoomFacts;
import fr.cuf.rencontres.schedule.TimetableFacts.SessionFacts;
import fr.cuf.rencontres.support.Times;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds every conflict of a timetable, hard and soft. Plain code over {@link TimetableFacts}: nothing is
 * refused here, the editor shows these warnings and publishing refuses the hard ones.
 * Unplaced sessions have no conflicts; cancelled sessions are not in the facts.
 */
public final class ConflictDetector {

    private ConflictDetector() {
    }

    public static List<Conflict> detect(TimetableFacts facts) {
        List<SessionFacts> placed = facts.sessions().stream().filter(SessionFacts::isPlaced)
                .sorted(Comparator.comparing((SessionFacts s) -> s.slot().start()).thenComparing(SessionFacts::id))
                .toList();
        List<Conflict> found = new ArrayList<>();
        Frame frame = Frame.of(placed);
        for (SessionFacts s : placed) {
            single(facts, s, found);
            frame.check(s, found);
        }
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                pair(facts, placed.get(i), placed.get(j), found);
            }
        }
        return found;
    }

    private static void single(TimetableFacts facts, SessionFacts s, List<Conflict> found) {
        RoomFacts room = facts.room(s.roomId());
        if (room != null) {
            if (s.audience() > room.capacity()) {
                found.add(conflict(ConflictCode.OVER_CAPACITY, s, s.title(), s.audience(), room.name(), room.capacity()));
            }
            if (s.interpretation() && !room.interpretation()) {
                found.add(conflict(ConflictCode.MISSING_EQUIPMENT, s, s.title(), room.name(), Equipment.INTERPRETATION));
            }
            if (s.videoLink() && !room.videoLink()) {
                found.add(conflict(ConflictCode.MISSING_EQUIPMENT, s, s.title(), room.name(), Equipment.VIDEO_LINK));
            }
            room.unavailable().stream().filter(w -> w.overlaps(s.slot())).findFirst().ifPresent(w ->
                    found.add(conflict(ConflictCode.ROOM_UNAVAILABLE, s, s.title(), room.name())));
        }
        ZonedDateTime start = Times.paris(s.slot().start());
        ZonedDateTime end = Times.paris(s.slot().end());
        LocalDate day = start.toLocalDate();
        if (day.isBefore(facts.firstDay()) || end.toLocalDate().isAfter(facts.lastDay())) {
            found.add(conflict(ConflictCode.OUTSIDE_EVENT_DATES, s, s.title()));
        }
        if (!withinHours(facts.opening(), facts.closing(), start, end)) {
            found.add(conflict(ConflictCode.OUTSIDE_VENUE_HOURS, s, s.title(), facts.opening(), facts.closing()));
        }
        if (s.kind() == SessionKind.COUNTRY_BRIEFING && !inside(facts.briefingBlocks(), s.slot())) {
            found.add(conflict(ConflictCode.BRIEFING_OUTSIDE_BLOCKS, s, s.title()));
        }
        if (s.kind() == SessionKind.PLENARY && !inside(facts.plenarySlots(), s.slot())) {
            found.add(conflict(ConflictCode.PLENARY_OUTSIDE_SLOTS, s, s.title()));
        }
        for (Long person : new TreeSet<>(s.personIds())) {
            if (facts.personUnavailable().getOrDefault(person, List.of()).stream().anyMatch(w -> w.overlaps(s.slot()))) {
                found.add(conflict(ConflictCode.PERSON_UNAVAILABLE, s, facts.personName(person), s.title()));
            }
            if (facts.personInMeeting().getOrDefault(person, List.of()).stream().anyMatch(w -> w.overlaps(s.slot()))) {
                found.add(conflict(ConflictCode.PERSON_IN_MEETING, s, facts.personName(person), s.title()));
            }
        }
    }

    /** The opening plenary (the event's first) and the closing one (its last): the programme runs between them. */
    record Frame(SessionFacts opening, SessionFacts closing) {

        static Frame of(List<SessionFacts> placed) {
            List<SessionFacts> plenaries = placed.stream().filter(s -> s.kind() == SessionKind.PLENARY).toList();
            if (plenaries.isEmpty()) {
                return new Frame(null, null);
            }
            return new Frame(plenaries.stream().min(Comparator.comparing((SessionFacts s) -> s.slot().start())).get(),
                    plenaries.stream().max(Comparator.comparing((SessionFacts s) -> s.slot().end())).get());
        }

        void check(SessionFacts s, List<Conflict> found) {
            if (opening == null || s.kind() == SessionKind.PLENARY) {
                return;
            }
            boolean early = sameDay(s, opening) && s.slot().start().isBefore(opening.slot().start());
            boolean late = sameDay(s, closing) && s.slot().end().isAfter(closing.slot().end());
            if (early || late) {
                SessionFacts plenary = early ? opening : closing;
                found.add(new Conflict(ConflictCode.OUTSIDE_PLENARY_FRAME, List.of(s.id(), plenary.id()),
                        List.of(s.title(), plenary.title())));
            }
        }

        private static boolean sameDay(SessionFacts a, SessionFacts b) {
            return Times.paris(a.slot().start()).toLocalDate().equals(Times.paris(b.slot().start()).toLocalDate());
        }
    }

    private static void pair(TimetableFacts facts, SessionFacts a, SessionFacts b, List<Conflict> found) {
        boolean overlap = a.slot().overlaps(b.slot());
        if (overlap && a.roomId() != null && a.roomId().equals(b.roomId())) {
            found.add(conflict(ConflictCode.ROOM_DOUBLE_BOOKED, a, b, facts.room(a.roomId()).name(), a.title(), b.title()));
        }
        Set<Long> shared = new TreeSet<>(a.personIds());
        shared.retainAll(b.personIds());
        for (Long person : shared) {
            if (overlap) {
                found.add(conflict(ConflictCode.PERSON_OVERLAP, a, b, facts.personName(person), a.title(), b.title()));
            } else if (!sameRoom(a, b) && gap(a, b).compareTo(facts.pause()) < 0) {
                found.add(conflict(ConflictCode.PERSON_NO_PAUSE, a, b, facts.personName(person), a.title(), b.title(),
                        facts.pause().toMinutes()));
            }
        }
        if (overlap && (a.kind() == SessionKind.PLENARY) != (b.kind() == SessionKind.PLENARY)) {
            SessionFacts plenary = a.kind() == SessionKind.PLENARY ? a : b;
            SessionFacts other = plenary == a ? b : a;
            if (!facts.shape(other.id()).besidePlenary()) {
                found.add(conflict(ConflictCode.BESIDE_PLENARY, other, plenary, other.title(), plenary.title()));
            }
        }
        SessionShape sa = facts.shape(a.id());
        SessionShape sb = facts.shape(b.id());
        SessionFacts first = sa.comesBefore(sb) ? a : sb.comesBefore(sa) ? b : null;
        if (first != null) {
            SessionFacts second = first == a ? b : a;
            if (second.slot().start().isBefore(first.slot().end())) {
                found.add(conflict(ConflictCode.SERIES_OUT_OF_ORDER, first, second, facts.shape(first.id()).series(),
                        first.title(), second.title()));
            }
        }
        if (overlap) {
            Set<String> themes = new HashSet<>(a.themeKeys());
            themes.retainAll(b.themeKeys());
            if (!themes.isEmpty()) {
                found.add(conflict(ConflictCode.SAME_POLE_PARALLEL, a, b, a.title(), b.title()));
            }
        }
    }

    static boolean withinHours(LocalTime opening, LocalTime closing, ZonedDateTime start, ZonedDateTime end) {
        if (opening == null || closing == null) {
            return true;
        }
        return start.toLocalDate().equals(end.toLocalDate())
                && !start.toLocalTime().isBefore(opening) && !end.toLocalTime().isAfter(closing);
    }

    private static boolean inside(List<Window> windows, Window slot) {
        return windows.isEmpty() || windows.stream().anyMatch(w -> w.contains(slot));
    }

    private static boolean sameRoom(SessionFacts a, SessionFacts b) {
        return a.roomId() != null && a.roomId().equals(b.roomId());
    }

    /** Time between the end of the earlier session and the start of the later one. */
    private static Duration gap(SessionFacts a, SessionFacts b) {
        SessionFacts first = a.slot().start().isBefore(b.slot().start()) ? a : b;
        SessionFacts second = first == a ? b : a;
        return Duration.between(first.slot().end(), second.slot().start());
    }

    private static Conflict conflict(ConflictCode code, SessionFacts s, Object... args) {
        return new Conflict(code, List.of(s.id()), List.of(args));
    }

    private static Conflict conflict(ConflictCode code, SessionFacts a, SessionFacts b, Object... args) {
        return new Conflict(code, List.of(a.id(), b.id()), List.of(args));
    }
}
