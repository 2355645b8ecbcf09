package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.event.VenueRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;

/**
 * The .ics attached to a confirmation: one VEVENT for the event and one per session where the person
 * holds a seat, on Paris time (TZID Europe/Paris with its VTIMEZONE). DTSTAMP is the registration's
 * last change, so the same agenda gives the same file.
 */
@Singleton
public class AgendaCalendar {

    private static final VTimeZone PARIS = TimeZoneRegistryFactory.getInstance().createRegistry()
            .getTimeZone("Europe/Paris").getVTimeZone();

    private final VenueRepository venues;

    AgendaCalendar(VenueRepository venues) {
        this.venues = venues;
    }

    public String of(RegistrationView v) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Cites Unies France//Rencontres//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(PARIS);
        Instant stamp = Times.micros(v.registration().updatedAt());
        String where = v.event().venueId() == null ? v.event().locationNote()
                : venues.findById(v.event().venueId()).map(Venue::name).orElse(null);
        calendar.add(event(Times.paris(v.event().startsAt()), Times.paris(v.event().endsAt()), v.event().title(),
                "registration-" + v.registration().id() + "@rencontres.citesunies.fr", stamp, where));
        for (RegistrationView.ChoiceView c : v.choices()) {
            if (c.held() && c.session().startsAt() != null) {
                calendar.add(event(Times.paris(c.session().startsAt()), Times.paris(c.session().endsAt()),
                        c.session().title(), "registration-" + v.registration().id() + "-session-" + c.session().id()
                                + "@rencontres.citesunies.fr", stamp, where));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static VEvent event(java.time.ZonedDateTime start, java.time.ZonedDateTime end, String title, String uid,
                                Instant stamp, String where) {
        VEvent event = new VEvent(start, end, title);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid));
        if (where != null) {
            event.add(new Location(where));
        }
        return event;
    }
}
