package fr.cuf.rencontres.csvio;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A file to import: its kind, its bytes as received, the staff's column choices and, for registrations, the
 * event and two choices: {@code waitingList} puts rows beyond a full event or session on its waiting list
 * (else they are refused with {@code event_full} / {@code session_full}); {@code sendMail} queues the
 * confirmation mails the registration desk sends (on by default, as on the desk form). {@code values}: what
 * staff said unknown values mean (organisation types), over the choices remembered from earlier imports.
 */
public record ImportRequest(ImportKind kind, byte[] content, List<String> mapping, @Nullable String eventSlug,
                            boolean waitingList, boolean sendMail, ValueChoices values) {

    public ImportRequest {
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
        values = values == null ? ValueChoices.NONE : values;
    }

    public ImportRequest(ImportKind kind, byte[] content, List<String> mapping, @Nullable String eventSlug,
                         boolean waitingList, boolean sendMail) {
        this(kind, content, mapping, eventSlug, waitingList, sendMail, ValueChoices.NONE);
    }

    public ImportRequest(ImportKind kind, byte[] content, List<String> mapping, @Nullable String eventSlug) {
        this(kind, content, mapping, eventSlug, false, true);
    }
}
