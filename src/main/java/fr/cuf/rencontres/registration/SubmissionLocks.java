package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Person;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The locks of one submission, always in this order: its people (inserted when new, locked in id order, so two
 * submissions naming the same people take turns), then its sessions, whose seats are read under the lock.
 */
@Singleton
class SubmissionLocks {

    private final Registrants registrants;
    private final CapacityGuard guard;

    SubmissionLocks(Registrants registrants, CapacityGuard guard) {
        this.registrants = registrants;
        this.guard = guard;
    }

    /** The locked people by normalised e-mail, and the seats taken per session (updated as seats are taken). */
    record Locked(Map<String, Person> people, Map<Long, Long> taken) {
    }

    Locked lock(Event event, List<Long> sessionIds, List<Attendee> attendees, Long organisationId) {
        Map<String, Person> people = registrants.upsertAndLock(attendees.stream()
                .map(a -> new Registrants.Typed(a.firstName(), a.lastName(), a.functionTitle(), a.email(), a.phone(),
                        organisationId, a.type() == ParticipantType.ELECTED_OFFICIAL)).toList());
        Map<Long, Long> taken = guard.lock(event, sessionIds);
        return new Locked(people, taken);
    }
}
