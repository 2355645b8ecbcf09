package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;

import java.util.List;

/** Refusals with a code, an optional field and message arguments, without overload ambiguity. */
final class Refusals {

    private Refusals() {
    }

    static DomainException conflict(String code, Object... args) {
        return new DomainException(DomainException.Kind.CONFLICT, List.of(new Problem(code, null, List.of(args))));
    }

    static DomainException conflictOn(String field, String code, Object... args) {
        return new DomainException(DomainException.Kind.CONFLICT, List.of(new Problem(code, field, List.of(args))));
    }

    static DomainException forbiddenOn(String field, String code, Object... args) {
        return new DomainException(DomainException.Kind.FORBIDDEN, List.of(new Problem(code, field, List.of(args))));
    }
}
