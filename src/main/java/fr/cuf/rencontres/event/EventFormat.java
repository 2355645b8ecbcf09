package fr.cuf.rencontres.event;

/** In person (présentiel), online (visioconférence) or both (hybride). */
public enum EventFormat {
    IN_PERSON, ONLINE, HYBRID;

    public boolean needsPlace() {
        return this != ONLINE;
    }

    public boolean needsLink() {
        return this != IN_PERSON;
    }
}
