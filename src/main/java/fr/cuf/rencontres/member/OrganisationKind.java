package fr.cuf.rencontres.member;

/** What sort of body an organisation is; French local authorities are the first four. */
public enum OrganisationKind {
    COMMUNE, INTERCOMMUNALITE, DEPARTEMENT, REGION,
    FOREIGN_LOCAL_AUTHORITY, STATE_BODY, EMBASSY, ASSOCIATION, COMPANY, OTHER;

    /** French local authorities are the ones identified by a SIREN number. */
    public boolean isFrenchLocalAuthority() {
        return this == COMMUNE || this == INTERCOMMUNALITE || this == DEPARTEMENT || this == REGION;
    }
}
