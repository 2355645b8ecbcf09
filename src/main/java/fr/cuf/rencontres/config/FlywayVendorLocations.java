package fr.cuf.rencontres.config;

import fr.cuf.rencontres.support.DatabaseVendor;
import io.micronaut.context.annotation.Value;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds the vendor folder of migrations (db/migration/h2 or db/migration/postgres) chosen from the
 * JDBC URL, so that pointing the service at PostgreSQL needs no second setting.
 */
@Singleton
@Named("default")
class FlywayVendorLocations implements FlywayConfigurationCustomizer {

    private final String url;

    FlywayVendorLocations(@Value("${datasources.default.url}") String url) {
        this.url = url;
    }

    static String vendor(String jdbcUrl) {
        return DatabaseVendor.isPostgres(jdbcUrl) ? "postgres" : "h2";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
        locations.add(new Location("classpath:db/migration/" + vendor(url)));
        configuration.locations(locations.toArray(Location[]::new));
    }

    @Override
    public String getName() {
        return "default";
    }
}
