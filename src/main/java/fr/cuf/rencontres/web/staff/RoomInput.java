package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.RoomForm;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A room: its capacity and the equipment checkboxes. */
@Serdeable
@Introspected
record RoomInput(@Nullable String name, @Nullable String capacity, @Nullable String interpretationBooths,
                 @Nullable String videoLink, @Nullable String stage, @Nullable String b2bTables) {

    static RoomInput blank() {
        return new RoomInput(null, null, null, null, null, null);
    }

    static RoomInput of(RoomForm f) {
        return new RoomInput(f.name(), Parse.text(f.capacity()), box(f.interpretationBooths()), box(f.videoLink()),
                box(f.stage()), box(f.b2bTables()));
    }

    RoomForm toForm() {
        Parse p = new Parse();
        Integer seats = p.integer("capacity", capacity);
        p.throwIfInvalid();
        return new RoomForm(name, seats, Parse.checked(interpretationBooths), Parse.checked(videoLink),
                Parse.checked(stage), Parse.checked(b2bTables));
    }

    private static String box(Boolean b) {
        return Boolean.TRUE.equals(b) ? "true" : null;
    }
}
