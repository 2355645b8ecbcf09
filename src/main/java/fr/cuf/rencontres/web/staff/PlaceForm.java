package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.schedule.PlaceCommand;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.LocalTime;

/** The grid's place/move form (also posted by the drag-and-drop script). */
@Serdeable
@Introspected
record PlaceForm(@Nullable Long sessionId, @Nullable LocalDate date, @Nullable LocalTime start,
                 @Nullable Integer minutes, @Nullable Long roomId) {

    static final PlaceForm EMPTY = new PlaceForm(null, null, null, null, null);

    PlaceCommand command() {
        return new PlaceCommand(date, start, minutes, roomId);
    }
}
