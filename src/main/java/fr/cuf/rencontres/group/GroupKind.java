package fr.cuf.rencontres.group;

/** Country groups (groupes-pays) belong to a pole; thematic groups (dynamiques thématiques) do not. */
public enum GroupKind { COUNTRY, THEMATIC, CLUB }
