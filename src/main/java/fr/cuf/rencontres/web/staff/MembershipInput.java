package fr.cuf.rencontres.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@Introspected
record MembershipInput(@Nullable String membershipYear) {

    int year() {
        Parse p = new Parse();
        Integer year = p.integer("membershipYear", membershipYear);
        if (year == null && Parse.blank(membershipYear)) {
            throw fr.cuf.rencontres.support.DomainException.invalid("membershipYear", "required");
        }
        p.throwIfInvalid();
        return year;
    }
}
