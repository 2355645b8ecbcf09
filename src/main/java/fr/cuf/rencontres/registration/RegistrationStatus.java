package fr.cuf.rencontres.registration;

public enum RegistrationStatus {
    PENDING_PAYMENT, CONFIRMED, WAITLISTED, CANCELLED;

    /** Holds a seat (or will, once paid): counts against capacity. */
    public boolean holdsSeat() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }

    /** The status of a registration given a seat at this price: free confirms it, a price waits for the payment. */
    public static RegistrationStatus seated(int priceCents) {
        return priceCents == 0 ? CONFIRMED : PENDING_PAYMENT;
    }
}
