package fr.cuf.rencontres.registration;

/** Who a registrant comes as; printed on the badge with its colour band. */
public enum ParticipantType { ELECTED_OFFICIAL, OFFICER, PARTNER, SPEAKER, PRESS, STAFF }
