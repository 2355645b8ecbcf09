package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventStatus;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The event form; dates come from datetime-local inputs and mean Paris time. */
@Serdeable
@Introspected
record EventInput(@Nullable String title, @Nullable String slug, @Nullable String kind, @Nullable String summary,
                  @Nullable String series, @Nullable String startsAt, @Nullable String endsAt,
                  @Nullable String format, @Nullable String venueId, @Nullable String locationNote,
                  @Nullable String onlineLink, @Nullable String membersOnly, @Nullable String groupId,
                  @Nullable String capacity, @Nullable String registrationOpensAt,
                  @Nullable String registrationClosesAt, @Nullable String status, @Nullable String roomId,
                  @Nullable String confirmConflicts) {

    static EventInput blank() {
        return new EventInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, EventStatus.DRAFT.name(), null, null);
    }

    static EventInput of(EventForm f) {
        return new EventInput(f.title(), f.slug(), Parse.text(f.kind()), f.summary(), f.series(),
                Parse.text(f.startsAt()), Parse.text(f.endsAt()), Parse.text(f.format()), Parse.text(f.venueId()),
                f.locationNote(), f.onlineLink(), Boolean.TRUE.equals(f.membersOnly()) ? "true" : null,
                Parse.text(f.groupId()), Parse.text(f.capacity()), Parse.text(f.registrationOpensAt()),
                Parse.text(f.registrationClosesAt()), Parse.text(f.status()), Parse.text(f.roomId()), null);
    }

    EventForm toForm() {
        Parse p = new Parse();
        EventForm form = new EventForm(title, slug, p.choice("kind", kind, EventKind.class), summary, series,
                p.dateTime("startsAt", startsAt), p.dateTime("endsAt", endsAt),
                p.choice("format", format, EventFormat.class), p.id("venueId", venueId), locationNote, onlineLink,
                Parse.checked(membersOnly), p.id("groupId", groupId), p.integer("capacity", capacity),
                p.dateTime("registrationOpensAt", registrationOpensAt),
                p.dateTime("registrationClosesAt", registrationClosesAt),
                p.choice("status", status, EventStatus.class), p.id("roomId", roomId));
        p.throwIfInvalid();
        return form;
    }

    /** Staff ticked "save anyway" after seeing the chair's conflicts. */
    boolean confirmed() {
        return Boolean.TRUE.equals(Parse.checked(confirmConflicts));
    }
}
