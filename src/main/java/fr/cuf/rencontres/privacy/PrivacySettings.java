package fr.cuf.rencontres.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Settings under {@code rencontres.privacy.*}; see config/application-example.yml. */
@ConfigurationProperties("rencontres.privacy")
public interface PrivacySettings {

    /** Months after an event's end after which its participants' personal data is anonymised (per event overridable). */
    @Bindable(defaultValue = "24")
    int getRetentionMonths();

    /**
     * Days after an event's end after which dietary and accessibility needs (special-category data, needed only to
     * welcome the person) are erased, long before the rest.
     */
    @Bindable(defaultValue = "30")
    int getNeedsRetentionDays();

    /** Whether this instance runs the retention job on its schedule (several instances may: each claims its rows). */
    @Bindable(defaultValue = "true")
    boolean isRetentionJob();
}
