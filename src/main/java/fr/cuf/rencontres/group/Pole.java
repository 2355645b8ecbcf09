package fr.cuf.rencontres.group;

/** The region poles that gather the country groups. */
public enum Pole { AFRIQUE, AMERIQUES, ASIE, MEDITERRANEE, EUROPE }
