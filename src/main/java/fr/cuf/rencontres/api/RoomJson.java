package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Room;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record RoomJson(String name, int capacity) {

    static @Nullable RoomJson of(@Nullable Room r) {
        return r == null ? null : new RoomJson(r.name(), r.capacity());
    }
}
