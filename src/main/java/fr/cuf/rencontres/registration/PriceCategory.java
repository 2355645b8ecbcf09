package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Locale;

/** A price of one event for the registrants its rule selects (for the whole event or one day); free when the price is zero. */
@MappedEntity("price_category")
public record PriceCategory(
        @Id @GeneratedValue @Nullable Long id,
        Long eventId,
        String code,
        String labelFr,
        String labelEn,
        PriceRule appliesTo,
        int priceCents,
        int position,
        Instant createdAt,
        Instant updatedAt,
        int dayPass) {

    /** {@code dayPass}: 0 for the whole event, N for the N-th day only. */
    @io.micronaut.core.annotation.Creator
    public PriceCategory {
    }

    /** A category for the whole event. */
    public PriceCategory(@Nullable Long id, Long eventId, String code, String labelFr, String labelEn,
                         PriceRule appliesTo, int priceCents, int position, Instant createdAt, Instant updatedAt) {
        this(id, eventId, code, labelFr, labelEn, appliesTo, priceCents, position, createdAt, updatedAt, 0);
    }

    public boolean free() {
        return priceCents == 0;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }
}
