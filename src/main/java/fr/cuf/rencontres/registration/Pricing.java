package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
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
        List<PriceCategory> all = categories.findByEventIdOrderByPosition(event.id());
        if (all.isEmpty()) {
            return Quote.FREE;
        }
        Map<PriceRule, PriceCategory> byRule = all.stream()
                .collect(Collectors.toMap(PriceCategory::appliesTo, Function.identity(), (a, b) -> a));
        PriceRule typeRule = PriceRule.ofType(type);
        if (typeRule != null && byRule.containsKey(typeRule)) {
            return Quote.of(byRule.get(typeRule));
        }
        if (isForeign(organisation) && byRule.containsKey(PriceRule.FOREIGN)) {
            return Quote.of(byRule.get(PriceRule.FOREIGN));
        }
        if (isMember(event, organisation) && byRule.containsKey(PriceRule.MEMBER)) {
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
        return organisation != null && (organisation.kind() == OrganisationKind.FOREIGN_LOCAL_AUTHORITY
                || organisation.kind() == OrganisationKind.EMBASSY || !"FR".equals(organisation.country()));
    }
}
