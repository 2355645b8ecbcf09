package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One line of the staff list of registrations. */
@Introspected
public record DeskRow(Long id, String firstName, String lastName, String email, @Nullable String organisationName,
                      String participantType, String status, @Nullable String priceCategory, int priceCents,
                      Instant createdAt, @Nullable Long waitlistSeq) {

    public String priceText() {
        return Quote.euros(priceCents);
    }
}
