package fr.cuf.rencontres.member;

/**
 * SIRET numbers (an establishment of a French body): its SIREN then a 5-digit establishment number, 14 digits
 * whose Luhn checksum is valid. La Poste's establishments (SIREN 356000000) follow another rule: the sum of
 * the digits is a multiple of 5.
 */
public final class Siret {

    private Siret() {
    }

    public static String normalise(String raw) {
        return Siren.normalise(raw);
    }

    public static boolean isValid(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith("356000000")) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return Siren.luhn(siret);
    }
}
