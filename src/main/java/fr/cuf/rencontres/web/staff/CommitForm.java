package fr.cuf.rencontres.web.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The commit form of an import preview: the column choices carried over, and "valid rows only", and what unknown values mean. */
@Serdeable
@Introspected
public record CommitForm(@Nullable List<String> map, @Nullable String validOnly, @Nullable String waitingList,
                         @Nullable String sendMail, @Nullable String csrfToken, @Nullable List<String> value) {
}
