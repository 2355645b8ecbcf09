package fr.cuf.rencontres.api;

import fr.cuf.rencontres.config.PublicUrl;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventFilter;
import fr.cuf.rencontres.event.EventPeriod;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.group.GroupCatalogue;
import fr.cuf.rencontres.group.GroupListing;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.schedule.Programme;
import fr.cuf.rencontres.schedule.ProgrammeService;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns what the catalogues return into the API's view records, so that controllers stay one call long
 * and no entity (nor an event's online link) is ever serialised.
 */
@Singleton
class PublicViews {

    private final EventCatalogue catalogue;
    private final EventService events;
    private final ProgrammeService programmes;
    private final GroupCatalogue groups;
    private final PublicUrl publicUrl;

    private final fr.cuf.rencontres.registration.RegistrationViews seats;

    PublicViews(EventCatalogue catalogue, EventService events, ProgrammeService programmes, GroupCatalogue groups,
                PublicUrl publicUrl, fr.cuf.rencontres.registration.RegistrationViews seats) {
        this.seats = seats;
        this.catalogue = catalogue;
        this.events = events;
        this.programmes = programmes;
        this.groups = groups;
        this.publicUrl = publicUrl;
    }

    List<EventJson> list(EventPeriod period, EventFilter filter) {
        return catalogue.of(period, filter).stream().map(this::event).toList();
    }

    EventDetailJson event(String slug) {
        EventSummary s = catalogue.summary(events.publicBySlug(slug));
        Event e = s.event();
        Programme programme = programmes.of(e.id());
        // seats and parallel blocks as the registration form offers them, so a partner site can build sessionIds
        List<fr.cuf.rencontres.registration.SessionSeats> open = seats.sessionsOf(e.id());
        java.util.Map<Long, fr.cuf.rencontres.registration.SessionSeats> byId = new java.util.HashMap<>();
        java.util.Map<Long, Integer> blockOf = new java.util.HashMap<>();
        open.forEach(x -> byId.put(x.id(), x));
        List<List<fr.cuf.rencontres.registration.SessionSeats>> blocks =
                fr.cuf.rencontres.registration.RegistrationViews.blocks(open);
        for (int i = 0; i < blocks.size(); i++) {
            for (fr.cuf.rencontres.registration.SessionSeats x : blocks.get(i)) {
                blockOf.put(x.id(), i);
            }
        }
        List<SessionJson> sessions = Stream.concat(programme.days().stream().flatMap(d -> d.sessions().stream()),
                programme.unscheduled().stream()).map(v -> session(v, byId.get(v.session().id()),
                        blockOf.get(v.session().id()))).toList();
        return new EventDetailJson(e.slug(), e.title(), e.summary(), e.series(), e.kind(), e.format(),
                paris(e.startsAt()), paris(e.endsAt()), VenueJson.of(s.venue()), e.locationNote(),
                GroupRefJson.of(s.group()), e.membersOnly(), e.status(), e.capacity(), paris(e.registrationOpensAt()),
                paris(e.registrationClosesAt()), eventUrl(e), sessions);
    }

    List<GroupJson> groups() {
        return groups.all().stream().map(this::group).toList();
    }

    GroupDetailJson group(String slug) {
        GroupListing l = groups.bySlug(slug);
        var g = l.group();
        return new GroupDetailJson(g.slug(), g.name(), g.kind(), g.pole(), g.membersOnly(), g.description(),
                chair(l), publicUrl.base() + "/groups/" + g.slug(),
                catalogue.ofGroup(g.id()).stream().map(this::event).toList());
    }

    private EventJson event(EventSummary s) {
        Event e = s.event();
        return new EventJson(e.slug(), e.title(), e.kind(), e.format(), paris(e.startsAt()), paris(e.endsAt()),
                VenueJson.of(s.venue()), e.locationNote(), GroupRefJson.of(s.group()), e.membersOnly(), e.status(),
                eventUrl(e));
    }

    private GroupJson group(GroupListing l) {
        var g = l.group();
        return new GroupJson(g.slug(), g.name(), g.kind(), g.pole(), g.membersOnly(), chair(l),
                publicUrl.base() + "/groups/" + g.slug());
    }

    private static @Nullable GroupJson.ChairJson chair(GroupListing l) {
        Person p = l.chair();
        return p == null ? null : new GroupJson.ChairJson(p.fullName(), p.functionTitle(),
                l.chairOrganisation() == null ? null : l.chairOrganisation().name());
    }

    private static SessionJson session(SessionView v, fr.cuf.rencontres.registration.SessionSeats seats,
                                       Integer block) {
        var s = v.session();
        return new SessionJson(s.id(), s.title(), s.description(), s.kind(), paris(s.startsAt()), paris(s.endsAt()),
                RoomJson.of(v.room()), PersonJson.of(v.chair()),
                v.speakers().stream().filter(Objects::nonNull).map(PersonJson::of).toList(),
                v.groups().stream().filter(Objects::nonNull).map(GroupRefJson::of).toList(),
                s.languageList(), s.membersOnly(), seats == null ? null : seats.remaining(), block);
    }

    private String eventUrl(Event e) {
        return publicUrl.base() + "/events/" + e.slug();
    }

    private static @Nullable OffsetDateTime paris(@Nullable Instant instant) {
        return instant == null ? null : Times.paris(instant).toOffsetDateTime();
    }
}
