package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationStatus;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** Which registrations of an event to export, and which columns (all when none are chosen). */
public record ExportFilter(@Nullable RegistrationStatus status, @Nullable ParticipantType participantType,
                           @Nullable Long organisationId, @Nullable Long sessionId, List<String> columns) {

    public ExportFilter {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
