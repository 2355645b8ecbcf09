package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The price comes from rules, never from what the registrant claims: the participant type for the
 * categories staff defined for it, then the organisation (foreign body; member for the event's year;
 * otherwise non-member). An event without categories is free.
 */
@Singleton
public class Pricing {

    private final PriceCategoryRepository categories;
    private final OrganisationService organisations;

    Pricing(PriceCategoryRepository categories, OrganisationService organisations) {
        this.categories = categories;
        this.organisations = organisations;
    }

    public Quote quote(Event event, ParticipantType type, @Nullable Organisation organisation) {
        return quote(event, type, organisation, null);
    }

    /** {@link #quote(Event, ParticipantType, Organisation, Integer)} for an organisation given by its id, or none. */
    Quote quoteFor(Event event, ParticipantType type, @Nullable Long organisationId, @Nullable Integer day) {
        return quote(event, type, organisationId == null ? null : organisations.get(organisationId), day);
    }

    /** The price of a day pass ({@code day} N, 1-based) or of the whole event ({@code day} null). */
    public Quote quote(Event event, ParticipantType type, @Nullable Organisation organisation, @Nullable Integer day) {
        List<PriceCategory> all = categories.findByEventIdOrderByPosition(event.id());
        return all.isEmpty() ? Quote.FREE
                : quote(all, type, isForeign(organisation), isMember(event, organisation), day);
    }

    /**
     * The price a registrant would pay and the rule that decides it (speaker, foreign body, member for the
     * event's year…), shown on the form before confirming; the same rules as {@link #quote}.
     */
    public Estimate estimate(Event event, ParticipantType type, @Nullable Organisation organisation,
                             @Nullable Integer day) {
        Quote quote = quote(event, type, organisation, day);
        PriceRule rule = categoriesOf(event).stream().filter(c -> c.code().equals(quote.categoryCode()))
                .map(PriceCategory::appliesTo).findFirst().orElse(null);
        return new Estimate(quote, rule, Times.paris(event.startsAt()).getYear());
    }

    /** A quote with the rule that chose its category ({@code null}: the event is free). */
    public record Estimate(Quote quote, @Nullable PriceRule rule, int year) {
    }

    /** The categories of the event, for {@link #quote(List, ParticipantType, boolean, boolean)}. */
    List<PriceCategory> categoriesOf(Event event) {
        return categories.findByEventIdOrderByPosition(event.id());
    }

    /**
     * The same rules on categories and a membership already read (one read per submission, not per person),
     * among the categories of the attendance chosen: the whole event ({@code day} null) or one day's passes.
     */
    static Quote quote(List<PriceCategory> categories, ParticipantType type, boolean foreign, boolean member,
                       @Nullable Integer day) {
        if (categories.isEmpty()) {
            return Quote.FREE;
        }
        int pass = day == null ? 0 : day;
        List<PriceCategory> all = categories.stream().filter(c -> c.dayPass() == pass).toList();
        if (all.isEmpty()) {
            throw day == null ? DomainException.invalid("attendanceDay", "attendance_day_required")
                    : DomainException.invalid("attendanceDay", "no_day_pass", day);
        }
        Map<PriceRule, PriceCategory> byRule = all.stream()
                .collect(Collectors.toMap(PriceCategory::appliesTo, Function.identity(), (a, b) -> a));
        PriceRule typeRule = PriceRule.ofType(type);
        if (typeRule != null && byRule.containsKey(typeRule)) {
            return Quote.of(byRule.get(typeRule));
        }
        if (foreign && byRule.containsKey(PriceRule.FOREIGN)) {
            return Quote.of(byRule.get(PriceRule.FOREIGN));
        }
        if (member && byRule.containsKey(PriceRule.MEMBER)) {
            return Quote.of(byRule.get(PriceRule.MEMBER));
        }
        PriceCategory fallback = byRule.get(PriceRule.NON_MEMBER);
        return fallback == null ? Quote.of(all.get(all.size() - 1)) : Quote.of(fallback);
    }

    /** Membership is yearly: the year of the event's first day, in Paris. */
    public boolean isMember(Event event, @Nullable Organisation organisation) {
        return organisation != null
                && organisations.isMember(organisation.id(), Times.paris(event.startsAt()).getYear());
    }

    static boolean isForeign(@Nullable Organisation organisation) {
        return organisation != null && isForeign(organisation.kind(), organisation.country());
    }

    static boolean isForeign(OrganisationKind kind, String country) {
        return kind == OrganisationKind.FOREIGN_LOCAL_AUTHORITY || kind == OrganisationKind.EMBASSY
                || !"FR".equals(country);
    }
}
