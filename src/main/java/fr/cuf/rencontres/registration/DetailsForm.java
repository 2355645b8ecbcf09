package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a registrant may change on their personal page. */
@Serdeable
@Introspected
public record DetailsForm(@Nullable String firstName, @Nullable String lastName, @Nullable String functionTitle,
                          @Nullable String phone, @Nullable String dietaryNeeds, @Nullable String accessibilityNeeds,
                          @Nullable String interpretationLanguage, @Nullable String locale) {
}
