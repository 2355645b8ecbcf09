package fr.cuf.rencontres.calendar;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventCatalogue;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.event.EventSummary;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One person's agenda, reached by a secret address: every event of theirs not cancelled (whatever the
 * registration the address was issued for) and, at conference editions, the sessions they chose. The
 * online link of online and hybrid events is in it: it is for registered participants. Never cached.
 */
@Singleton
public class AgendaFeed {

    private final AgendaTokens tokens;
    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final EventCatalogue catalogue;
    private final EventEntries eventEntries;
    private final ProgrammeEntries programmeEntries;
    private final CalendarRepository rows;
    private final Messages messages;
    private final FeedLinks links;

    AgendaFeed(FeedLinks links, AgendaTokens tokens, RegistrationRepository registrations, EventRepository events,
               EventCatalogue catalogue, EventEntries eventEntries, ProgrammeEntries programmeEntries,
               CalendarRepository rows, Messages messages) {
        this.links = links;
        this.tokens = tokens;
        this.registrations = registrations;
        this.events = events;
        this.catalogue = catalogue;
        this.eventEntries = eventEntries;
        this.programmeEntries = programmeEntries;
        this.rows = rows;
        this.messages = messages;
    }

    /** The agenda behind a secret; an unknown, malformed or revoked secret is simply not found. */
    public RenderedFeed of(String token, Locale language) {
        Locale locale = Languages.supported(language);
        Registration owner = tokens.registrationOf(token).flatMap(registrations::findById)
                .orElseThrow(() -> DomainException.notFound("calendar_feed_not_found"));
        Instant from = eventEntries.windowStart();
        List<FeedEntry> entries = new ArrayList<>();
        for (Registration r : registrations.findByPersonId(owner.personId())) {
            entries.addAll(entriesOf(r, locale, e -> e.endsAt().isAfter(from)));
        }
        return IcsWriter.write(messages.get(locale, "calendar.name.personal"), dedupe(entries));
    }

    /**
     * The agenda of one registration, as attached to its mails: the very entries of the personal feed (same
     * UIDs, SEQUENCE, rooms), so that a calendar that imported the mail's file and subscribed to the feed
     * holds each entry once.
     */
    public RenderedFeed ofRegistration(long registrationId, Locale language) {
        Locale locale = Languages.supported(language);
        Registration r = registrations.findById(registrationId)
                .orElseThrow(() -> DomainException.notFound("registration_not_found"));
        return IcsWriter.write(messages.get(locale, "calendar.name.personal"), dedupe(entriesOf(r, locale, e -> true)));
    }

    /** The event of a registration not cancelled and, at a conference edition, its sessions (waited ones tentative). */
    private List<FeedEntry> entriesOf(Registration r, Locale locale, java.util.function.Predicate<Event> shown) {
        Optional<Event> event = events.findById(r.eventId()).filter(e -> e.status().isPublic() && shown.test(e));
        if (r.status() == RegistrationStatus.CANCELLED || event.isEmpty()) {
            return List.of();
        }
        EventSummary summary = catalogue.summary(event.get());
        List<FeedEntry> entries = new ArrayList<>(eventEntries.of(List.of(summary), locale, true));
        if (event.get().kind() == EventKind.CONFERENCE_EDITION) {
            List<Long> chosen = rows.chosenSessions(List.of(r.id()));
            if (!chosen.isEmpty()) {
                Set<Long> waiting = new HashSet<>(rows.waitingSessions(List.of(r.id())));
                programmeEntries.of(summary, new HashSet<>(chosen), locale, true).forEach(entry ->
                        entries.add(waiting.stream().anyMatch(id -> entry.uid().equals(links.uid("session", id)))
                                ? entry.asTentative() : entry));
            }
        }
        return entries;
    }

    /** Two registrations of one person for one event must not give two entries with one UID. */
    private static List<FeedEntry> dedupe(List<FeedEntry> entries) {
        HashSet<String> seen = new HashSet<>();
        return entries.stream().filter(e -> seen.add(e.uid())).toList();
    }
}
