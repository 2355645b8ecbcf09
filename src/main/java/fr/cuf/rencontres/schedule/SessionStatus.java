package fr.cuf.rencontres.schedule;

/** A cancelled session stays in the programme (and its changelog) but takes no room and no time. */
public enum SessionStatus { ACTIVE, CANCELLED }
