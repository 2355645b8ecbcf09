package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * For pages with several forms: the fields of each form carry a prefix (moveStartsAt, roomStartsAt) so that a
 * refusal's messages land beside the form that was sent, not beside a field of the same name in another.
 */
final class FieldPrefix {

    private FieldPrefix() {
    }

    /** Runs {@code write}; a refusal comes back with its fields renamed {@code <prefix><Field>}. */
    static <T> Supplier<T> prefixed(String prefix, Supplier<T> write) {
        return () -> {
            try {
                return write.get();
            } catch (DomainException e) {
                throw new DomainException(e.kind(), e.problems().stream()
                        .map(p -> new Problem(p.code(), field(prefix, p.field()), p.args())).toList());
            }
        };
    }

    /** {@code startsAt} becomes {@code roomStartsAt}; a field already named after the form ({@code roomId}) stays. */
    static String field(String prefix, String field) {
        if (field == null || field.startsWith(prefix)) {
            return field;
        }
        return prefix + field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
    }
}
