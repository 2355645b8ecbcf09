package fr.cuf.rencontres.event;

import fr.cuf.rencontres.group.Pole;
import io.micronaut.core.annotation.Nullable;

/** What a visitor narrows the list of upcoming events by; every criterion is optional. */
public record EventFilter(@Nullable String group, @Nullable Pole pole, @Nullable EventFormat format,
                          @Nullable Boolean membersOnly) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null);
    }
}
