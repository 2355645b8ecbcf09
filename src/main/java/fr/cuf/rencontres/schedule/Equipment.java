package fr.cuf.rencontres.schedule;

import java.util.Locale;

/** What a session may require of its room. */
public enum Equipment {
    INTERPRETATION, VIDEO_LINK;

    public String messageKey() {
        return "equipment." + name().toLowerCase(Locale.ROOT);
    }
}
