package fr.cuf.rencontres.staff;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Locale;

/**
 * Whether an admin must have a second factor: {@code rencontres.staff.second-factor.required-for-admin}.
 * {@code true} / {@code false} force it; {@code auto} (the default) requires it everywhere except on the embedded
 * H2 database into which the demo data was loaded (its audit log holds the demo loader's entries), so that
 * {@code ./mvnw mn:run} and demo walks still sign in as the demo admin with its password alone.
 */
@Singleton
public class SecondFactorPolicy {

    private final String setting;
    private final DemoDatabase demo;
    private volatile Boolean required;

    SecondFactorPolicy(@Value("${rencontres.staff.second-factor.required-for-admin:auto}") String setting,
                       DemoDatabase demo) {
        this.setting = setting.strip().toLowerCase(Locale.ROOT);
        this.demo = demo;
        if (!this.setting.equals("auto") && !this.setting.equals("true") && !this.setting.equals("false")) {
            throw new IllegalArgumentException(
                    "rencontres.staff.second-factor.required-for-admin must be auto, true or false, not " + setting);
        }
    }

    public boolean requiredForAdmin() {
        Boolean known = required;
        if (known == null) {
            // read once, at the first sign-in (after the demo data, if any, was loaded at start)
            known = switch (setting) {
                case "true" -> true;
                case "false" -> false;
                default -> !demo.isDemo();
            };
            required = known;
        }
        return known;
    }

    /** Whether an account holding these roles must have a factor (roles as in an Authentication). */
    public boolean requiredFor(Collection<String> roles) {
        return roles.contains(Role.ADMIN.name()) && requiredForAdmin();
    }
}
