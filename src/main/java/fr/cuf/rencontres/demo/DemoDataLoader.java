package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.config.RencontresConfiguration;
import fr.cuf.rencontres.config.RencontresConfiguration.DemoLoad;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.OrganisationRepository;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;

import static fr.cuf.rencontres.demo.DemoCsv.dateTime;
import static fr.cuf.rencontres.demo.DemoCsv.read;
import static fr.cuf.rencontres.demo.DemoCsv.text;

/**
 * Loads CUF's demo data (real groups, authorities and meetings from the newsletters; fictitious
 * participants) into an EMPTY database at start-up, in the background ({@link DemoLoading}), when the settings ask
 * for it. See {@link RencontresConfiguration.DemoSettings}; what is loaded: {@link DemoContent}.
 */
@Singleton
public class DemoDataLoader {

    /** The demo staff accounts' password (README); only ever set with the demo data. */
    public static final String DEMO_PASSWORD = "demo-rencontres";

    private final RencontresConfiguration configuration;
    private final String jdbcUrl;
    private final OrganisationRepository organisations;
    private final EventRepository events;
    // resolved only when loading: on a database that holds data, its services (registration, invoices,
    // badges, check-in, ...) are not built at start but when a request first needs them
    private final BeanProvider<DemoContent> content;
    private final DemoLoading loading;

    DemoDataLoader(RencontresConfiguration configuration, @Value("${datasources.default.url}") String jdbcUrl,
                   OrganisationRepository organisations, EventRepository events, BeanProvider<DemoContent> content,
                   DemoLoading loading) {
        this.configuration = configuration;
        this.jdbcUrl = jdbcUrl;
        this.organisations = organisations;
        this.events = events;
        this.content = content;
        this.loading = loading;
    }

    @EventListener
    @Order(-100)
    void onStartup(StartupEvent event) {
        if (shouldLoad()) {
            loading.start(this::load);
        }
    }

    boolean shouldLoad() {
        DemoLoad mode = configuration.getDemo().getLoad();
        boolean wanted = mode == DemoLoad.ALWAYS || (mode == DemoLoad.AUTO && jdbcUrl.startsWith("jdbc:h2:file:"));
        return wanted && organisations.count() == 0 && events.count() == 0;
    }

    /** Loads every demo file now, all or nothing; returns the next edition. */
    public Event load() {
        return content.get().load();
    }

    /** The events of the files as written, for {@link DemoCalendar#place}. */
    static List<DemoCalendar.Dated> datedEvents() {
        return read("events.csv").stream().map(row -> {
            EventKind kind = EventKind.valueOf(row.get("kind"));
            String group = text(row, "group_slug");
            String series = text(row, "series");
            // a group's meetings, a series, or one bilateral meeting held again over the years
            String family = kind == EventKind.GROUP_MEETING && group != null ? DemoCalendar.GROUP + group
                    : series != null ? "series:" + series : kind + ":" + row.get("slug").replaceAll("-?[0-9-]+$", "");
            return new DemoCalendar.Dated(row.get("slug"), family, dateTime(row, "starts_at"),
                    kind == EventKind.CONFERENCE_EDITION);
        }).toList();
    }
}
