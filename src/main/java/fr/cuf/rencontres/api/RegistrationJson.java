package fr.cuf.rencontres.api;

import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A registration as the API returns it; the personal link only right after registering; the number of the
 * invoice it is on, once issued (and not cancelled by a credit note).
 */
@Serdeable
public record RegistrationJson(long id, String status, @Nullable String category, int priceCents, String price,
                               @Nullable String personalLink, @Nullable String firstName, @Nullable String lastName,
                               @Nullable String email, @Nullable Long organisationId, @Nullable String participantType,
                               List<SessionJson> sessions, List<RegistrationJson> colleagues,
                               @Nullable String invoiceNumber) {

    @Serdeable
    public record SessionJson(long sessionId, String title, String status) {
    }

    static RegistrationJson of(RegistrationOutcome o, java.util.function.Function<String, String> link) {
        return new RegistrationJson(o.id(), o.status().name(), o.quote().categoryCode(), o.quote().priceCents(),
                o.quote().priceText(), o.secret() == null ? null : link.apply(o.secret()), o.firstName(), o.lastName(),
                o.email(), null, null,
                o.sessions().stream().map(s -> new SessionJson(s.sessionId(), s.title(), s.status())).toList(),
                o.colleagues().stream().map(c -> of(c, link)).toList(), null);
    }

    static RegistrationJson of(RegistrationView v, java.util.function.LongFunction<String> invoiceNumber) {
        return new RegistrationJson(v.registration().id(), v.registration().status().name(), v.quote().categoryCode(),
                v.quote().priceCents(), v.quote().priceText(), null, v.person().firstName(), v.person().lastName(),
                v.detail().email(), v.registration().organisationId(), v.registration().participantType().name(),
                v.choices().stream().map(c -> new SessionJson(c.session().id(), c.session().title(), c.status())).toList(),
                v.group().stream().map(g -> of(g, invoiceNumber)).toList(), invoiceNumber.apply(v.registration().id()));
    }
}
