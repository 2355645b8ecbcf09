package fr.cuf.rencontres.event;

/** Whether a participant may register now: open, not yet open (opening date shown), or closed. */
public enum RegistrationWindow { OPEN, NOT_YET_OPEN, CLOSED }
