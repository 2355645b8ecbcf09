package fr.cuf.rencontres.api;

import fr.cuf.rencontres.event.Room;
import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoomJson(String name, int capacity) {

    static @Nullable RoomJson of(@Nullable Room r) {
        return r == null ? null : new RoomJson(r.name(), r.capacity());
    }
}
