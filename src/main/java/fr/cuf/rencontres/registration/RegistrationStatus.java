package fr.cuf.rencontres.registration;

public enum RegistrationStatus {
    PENDING_PAYMENT, CONFIRMED, WAITLISTED, CANCELLED;

    /** Holds a seat (or will, once paid): counts against capacity. */
    public boolean holdsSeat() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }
}
