package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.support.DomainException;

import java.util.Locale;

/** Whether the scanner stands at the way in or the way out. */
public enum ScanMode {
    ENTRY, EXIT;

    public static ScanMode parse(String mode) {
        if (mode == null || mode.isBlank()) {
            return ENTRY;
        }
        try {
            return valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mode", "invalid_scan_mode");
        }
    }
}
