package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.schedule.PlaceCommand;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionForm;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionShape;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The session form as the browser sends it: every value a string, so that an empty optional field ("" for
 * "no chair", an empty capacity) means "none" and a value that does not parse is refused beside its field,
 * with what was typed kept. The optional day, start, end and room place the session as it is created.
 */
@Serdeable
@Introspected
record SessionInput(@Nullable String title, @Nullable String description, @Nullable String kind,
                    @Nullable String chairPersonId, @Nullable List<String> speakerIds,
                    @Nullable List<String> groupIds, @Nullable String membersOnly, @Nullable String capacity,
                    @Nullable String expectedAudience, @Nullable String languages,
                    @Nullable String requiresInterpretation, @Nullable String requiresVideoLink,
                    @Nullable String plannedMinutes, @Nullable String date, @Nullable String start,
                    @Nullable String end, @Nullable String roomId, @Nullable String series,
                    @Nullable String seriesOrder, @Nullable String besidePlenary) {

    static SessionInput blank() {
        return new SessionInput(null, null, SessionKind.WORKSHOP.name(), null, List.of(), List.of(), null, null, null,
                "fr", null, null, "90", null, null, null, null, null, null, null);
    }

    static SessionInput of(Session s, List<Long> speakers, List<Long> groups, SessionShape shape) {
        return new SessionInput(s.title(), s.description(), s.kind().name(), Parse.text(s.chairPersonId()),
                speakers.stream().map(String::valueOf).toList(), groups.stream().map(String::valueOf).toList(),
                box(s.membersOnly()), Parse.text(s.capacity()), Parse.text(s.expectedAudience()), s.languages(),
                box(s.requiresInterpretation()), box(s.requiresVideoLink()), Parse.text(s.minutes()),
                s.isScheduled() ? Times.paris(s.startsAt()).toLocalDate().toString() : null,
                s.isScheduled() ? Times.paris(s.startsAt()).toLocalTime().toString() : null,
                s.isScheduled() ? Times.paris(s.endsAt()).toLocalTime().toString() : null,
                Parse.text(s.roomId()), shape.series(), Parse.text(shape.seriesOrder()), box(shape.besidePlenary()));
    }

    /** The form read: what parsed (values that did not are null) and the problems of what did not. */
    record Read(SessionForm form, @Nullable PlaceCommand slot, List<Problem> problems) {
    }

    /**
     * Reads every field; the service then adds its own refusals to these, so the page shows them all at once.
     * The slot is null when day, start, end and room are all empty, or when one of them is wrong.
     */
    Read read() {
        Parse p = new Parse();
        SessionForm form = form(p);
        PlaceCommand slot = place(p);
        return new Read(form, slot, p.problems());
    }

    private SessionForm form(Parse p) {
        return new SessionForm(title, description, p.choice("kind", kind, SessionKind.class), p.id("chairPersonId", chairPersonId),
                ids(p, "speakerIds", speakerIds), ids(p, "groupIds", groupIds), Parse.checked(membersOnly),
                p.integer("capacity", capacity), p.integer("expectedAudience", expectedAudience), languages,
                Parse.checked(requiresInterpretation), Parse.checked(requiresVideoLink),
                p.integer("plannedMinutes", plannedMinutes), series, p.integer("seriesOrder", seriesOrder),
                Parse.checked(besidePlenary));
    }

    private PlaceCommand place(Parse p) {
        if (Parse.blank(date) && Parse.blank(start) && Parse.blank(end) && Parse.blank(roomId)) {
            return null;
        }
        LocalDate day = Parse.blank(date) ? null : p.date("date", date);
        LocalTime from = p.time("start", start);
        LocalTime to = p.time("end", end);
        Long room = p.id("roomId", roomId);
        List<Problem> missing = new ArrayList<>();
        if (Parse.blank(date)) {
            missing.add(Problem.field("date", "required"));
        }
        if (Parse.blank(start)) {
            missing.add(Problem.field("start", "required"));
        }
        if (Parse.blank(end)) {
            missing.add(Problem.field("end", "required"));
        }
        if (Parse.blank(roomId)) {
            missing.add(Problem.field("roomId", "required"));
        }
        missing.forEach(p::add);
        if (from != null && to != null && !to.isAfter(from)) {
            p.add(Problem.field("end", "end_before_start"));
        }
        return day == null || from == null || to == null || room == null || !to.isAfter(from) ? null
                : new PlaceCommand(day, from, (int) Duration.between(from, to).toMinutes(), room);
    }

    private static List<Long> ids(Parse p, String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().filter(r -> !Parse.blank(r)).map(r -> p.id(field, r)).filter(java.util.Objects::nonNull).toList();
    }

    private static String box(boolean b) {
        return b ? "true" : null;
    }

    /** For the template: is this id among the chosen ones? */
    boolean hasSpeaker(Long id) {
        return speakerIds != null && speakerIds.contains(String.valueOf(id));
    }

    boolean hasGroup(Long id) {
        return groupIds != null && groupIds.contains(String.valueOf(id));
    }
}
