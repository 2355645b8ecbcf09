package fr.cuf.rencontres.registration;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Serialises every change of seats of one event: the event row, then the sessions' rows in id order,
 * are locked ({@code SELECT … FOR UPDATE}) before seats are counted, and stay locked until the
 * transaction commits. Lock, then check, then write.
 */
@Singleton
class CapacityGuard {

    private final RegistrationStore store;

    /** Only the concurrency test turns this off, to show that the race it closes is real. */
    volatile boolean locking = true;

    CapacityGuard(RegistrationStore store) {
        this.store = store;
    }

    void lock(Long eventId, Collection<Long> sessionIds) {
        if (!locking) {
            return;
        }
        store.lockEvent(eventId);
        if (!sessionIds.isEmpty()) {
            store.lockSessions(new TreeSet<>(sessionIds));
        }
    }
}
