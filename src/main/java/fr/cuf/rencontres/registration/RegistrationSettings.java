package fr.cuf.rencontres.registration;

import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code rencontres.registration.*}; see config/application-example.yml. */
@Context
@ConfigurationProperties("rencontres.registration")
public interface RegistrationSettings {

    /**
     * Registration requests (form and API) accepted per client address and minute; 0 turns the limit
     * off. Generous by default: a whole town hall behind one address registers at once.
     */
    @Bindable(defaultValue = "120")
    @Min(value = 0, message = "rencontres.registration.rate-limit-per-minute (RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE) must not be negative (0 switches the limit off)")
    int getRateLimitPerMinute();

    /** Version of the privacy notice the registrant consents to; recorded with the time of consent. */
    @Bindable(defaultValue = "2026-01")
    @NotBlank(message = "rencontres.registration.privacy-version (RENCONTRES_REGISTRATION_PRIVACY_VERSION) must not be empty")
    String getPrivacyVersion();
}
