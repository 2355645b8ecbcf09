package fr.cuf.rencontres.event;

/** Only published (and cancelled, so people learn of it) events are shown to the public. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
