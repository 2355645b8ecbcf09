package fr.cuf.rencontres.event;

public enum EventKind { CONFERENCE_EDITION, GROUP_MEETING, SERIES_MEETING, BILATERAL_MEETING }
