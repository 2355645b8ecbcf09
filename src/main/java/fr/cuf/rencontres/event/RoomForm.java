package fr.cuf.rencontres.event;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
public record RoomForm(
        @Nullable String name,
        @Nullable Integer capacity,
        @Nullable Boolean interpretationBooths,
        @Nullable Boolean videoLink,
        @Nullable Boolean stage,
        @Nullable Boolean b2bTables) {

    public static RoomForm of(Room r) {
        return new RoomForm(r.name(), r.capacity(), r.interpretationBooths(), r.videoLink(), r.stage(), r.b2bTables());
    }
}
