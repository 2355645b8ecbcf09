package fr.cuf.rencontres.schedule;

public enum SessionKind { PLENARY, WORKSHOP, COUNTRY_BRIEFING, NETWORKING_CAFE, B2B_SLOT, SIDE_MEETING }
