package fr.cuf.rencontres.registration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code rencontres.registration.*}; see config/application-example.yml. */
@ConfigurationProperties("rencontres.registration")
public interface RegistrationSettings {

    /**
     * Registration requests (form and API) accepted per client address and minute; 0 turns the limit
     * off. Generous by default: a whole town hall behind one address registers at once.
     */
    @Bindable(defaultValue = "120")
    int getRateLimitPerMinute();

    /** Version of the privacy notice the registrant consents to; recorded with the time of consent. */
    @Bindable(defaultValue = "2026-01")
    String getPrivacyVersion();
}
