package fr.cuf.rencontres.schedule;

import jakarta.inject.Singleton;

import java.util.List;

/** Every published version of an event's programme, newest first, each with its changelog (staff page). */
@Singleton
public class VersionHistory {

    private final ProgrammeVersionRepository versions;
    private final ProgrammeChangeRepository changes;

    VersionHistory(ProgrammeVersionRepository versions, ProgrammeChangeRepository changes) {
        this.versions = versions;
        this.changes = changes;
    }

    public record Entry(ProgrammeVersion version, List<ProgrammeChange> changes) {
    }

    public List<Entry> of(long eventId) {
        return versions.findByEventIdOrderByNumberDesc(eventId).stream()
                .map(v -> new Entry(v, changes.findByVersionIdOrderById(v.id()))).toList();
    }
}
