package fr.cuf.rencontres.privacy;

import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code rencontres.privacy.*}; see config/application-example.yml. */
@Context
@ConfigurationProperties("rencontres.privacy")
public interface PrivacySettings {

    /** Months after an event's end after which its participants' personal data is anonymised (per event overridable). */
    @Bindable(defaultValue = "24")
    @Min(value = 1, message = "rencontres.privacy.retention-months (RENCONTRES_PRIVACY_RETENTION_MONTHS) must be 1 or more")
    int getRetentionMonths();

    /**
     * Days after an event's end after which dietary and accessibility needs (special-category data, needed only to
     * welcome the person) are erased, long before the rest.
     */
    @Bindable(defaultValue = "30")
    @Min(value = 0, message = "rencontres.privacy.needs-retention-days (RENCONTRES_PRIVACY_NEEDS_RETENTION_DAYS) must not be negative")
    int getNeedsRetentionDays();

    /** Whether this instance runs the retention job on its schedule (several instances may: each claims its rows). */
    @Bindable(defaultValue = "true")
    boolean isRetentionJob();
}
