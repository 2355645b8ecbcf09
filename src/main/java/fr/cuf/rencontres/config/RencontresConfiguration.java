package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Pattern;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Settings under {@code rencontres.*}. Every one has a default; see config/application-example.yml.
 */
@Context
@ConfigurationProperties("rencontres")
public interface RencontresConfiguration {

    /** Public base URL, used in links sent outside the site (mails, feeds, QR codes). */
    @Nullable
    @Pattern(regexp = "(https?://[^\\s/?#]+(/[^\\s?#]*)?)?", message = "rencontres.public-url (RENCONTRES_PUBLIC_URL) must be an absolute http(s) address without query, e.g. https://rencontres.example.org")
    String getPublicUrl();

    ClockSettings getClock();

    DemoSettings getDemo();

    SecuritySettings getSecurity();

    @ConfigurationProperties("clock")
    interface ClockSettings {
        /** When set, "now" is frozen at this instant (ISO-8601 with offset); pages show a banner. */
        Optional<OffsetDateTime> getFixed();
    }

    @ConfigurationProperties("demo")
    interface DemoSettings {
        /**
         * {@code auto} (default): load the demo data into an empty embedded H2 file database only;
         * {@code always}: into any empty database; {@code never}. A non-empty database is never touched.
         */
        @io.micronaut.core.bind.annotation.Bindable(defaultValue = "auto")
        DemoLoad getLoad();
    }

    enum DemoLoad { AUTO, ALWAYS, NEVER }

    @ConfigurationProperties("security")
    interface SecuritySettings {
        /** Secret signing the staff session cookie; when empty a per-database secret is created. */
        @Nullable
        String getSecret();

        /** First administrator, created at start when no staff account exists (not with demo data). */
        @Nullable
        String getAdminUsername();

        /** Password of that first administrator; no default password exists. */
        @Nullable
        String getAdminPassword();
    }
}
