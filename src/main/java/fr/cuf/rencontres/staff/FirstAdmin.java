package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.RencontresConfiguration;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Creates the first administrator from configuration when there is no staff account at all.
 * There is no default password: without the setting, nobody can sign in until one is configured.
 */
@Singleton
class FirstAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffDirectory directory;
    private final RencontresConfiguration configuration;
    private final Messages messages;

    FirstAdmin(StaffDirectory directory, RencontresConfiguration configuration, Messages messages) {
        this.messages = messages;
        this.directory = directory;
        this.configuration = configuration;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        create();
    }

    void create() {
        var security = configuration.getSecurity();
        if (!directory.isEmpty()) {
            return;
        }
        if (security.getAdminUsername() == null || security.getAdminPassword() == null) {
            LOG.warn("No staff account exists. Set RENCONTRES_SECURITY_ADMIN_USERNAME and "
                    + "RENCONTRES_SECURITY_ADMIN_PASSWORD to create the first administrator.");
            return;
        }
        try {
            directory.create(security.getAdminUsername(), "Administrator", security.getAdminPassword(),
                    EnumSet.of(Role.ADMIN));
        } catch (DomainException refused) {
            // the service does not start: tell the operator which setting and why, in words
            throw new IllegalStateException("The first administrator from RENCONTRES_SECURITY_ADMIN_USERNAME and "
                    + "RENCONTRES_SECURITY_ADMIN_PASSWORD was refused: " + refused.problems().stream()
                    .map(p -> messages.problem(Locale.ENGLISH, p) + " (" + p.code() + ")")
                    .collect(Collectors.joining("; ")), refused);
        }
        LOG.info("Created the first administrator '{}' from configuration", security.getAdminUsername());
    }
}
