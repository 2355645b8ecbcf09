package fr.cuf.rencontres.registration;

/**
 * What selects a price category. Participant-type rules (speaker, staff, press, partner) come first,
 * then the organisation: a foreign body, then membership of CUF for the event's year, else non-member.
 */
public enum PriceRule {
    SPEAKER, STAFF, PRESS, PARTNER, FOREIGN, MEMBER, NON_MEMBER;

    static PriceRule ofType(ParticipantType type) {
        return switch (type) {
            case SPEAKER -> SPEAKER;
            case STAFF -> STAFF;
            case PRESS -> PRESS;
            case PARTNER -> PARTNER;
            case ELECTED_OFFICIAL, OFFICER -> null;
        };
    }
}
