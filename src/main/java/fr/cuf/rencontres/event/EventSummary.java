package fr.cuf.rencontres.event;

import fr.cuf.rencontres.group.Group;
import io.micronaut.core.annotation.Nullable;

/** An event with what a list shows beside it: its group, its venue and its room. */
public record EventSummary(Event event, @Nullable Group group, @Nullable Venue venue, @Nullable Room room) {

    public EventSummary(Event event, @Nullable Group group, @Nullable Venue venue) {
        this(event, group, venue, null);
    }
}
