package fr.cuf.rencontres.csvio;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the files spreadsheets write, for tests and the bench: separators, encodings, BOM, valid SIRENs. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** Lines joined with CRLF (as Excel writes them), encoded in Windows-1252. */
    public static byte[] windows1252(String... lines) {
        return String.join("\r\n", lines).concat("\r\n").getBytes(Charset.forName("windows-1252"));
    }

    public static byte[] utf8Bom(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] utf8(List<String> lines) {
        return utf8(lines.toArray(String[]::new));
    }

    /** A valid SIREN (Luhn key) made from a number below 10^8. */
    public static String siren(int n) {
        String base = String.format("%08d", n);
        for (int key = 0; key <= 9; key++) {
            String candidate = base + key;
            if (fr.cuf.rencontres.member.Siren.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    /** An organisations file of {@code count} French communes with SIRENs, ";" separated. */
    public static List<String> organisations(int count, int firstNumber) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        lines.add("Nom;Type;Pays;SIREN;Adresse;Code postal;Ville;Année d'adhésion");
        for (int i = 0; i < count; i++) {
            int n = firstNumber + i;
            lines.add("Commune n°" + n + " de Saint-Étienne-du-Bois;Commune;France;" + siren(20_000_000 + n)
                    + ";\"" + n + ", rue de l'Église;\nBP " + n + "\";" + String.format("%05d", 10000 + n % 80000)
                    + ";Saint-Étienne;" + (2020 + n % 7));
        }
        return lines;
    }
}
