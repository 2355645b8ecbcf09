package fr.cuf.rencontres.member;

/** SIREN numbers of French bodies: 9 digits whose Luhn checksum is valid. */
public final class Siren {

    private Siren() {
    }

    /** Digits only: "213 500 238" becomes "213500238". */
    public static String normalise(String raw) {
        return raw == null ? null : raw.replaceAll("[\\s.\\-]", "");
    }

    public static boolean isValid(String siren) {
        if (siren == null || !siren.matches("\\d{9}")) {
            return false;
        }
        return luhn(siren);
    }

    /** The Luhn checksum of SIREN and SIRET numbers: digits from the right, every second doubled. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
