package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Serialises every change of seats: the event row (when the event has a capacity), then the sessions'
 * rows in id order, are locked ({@code SELECT … FOR UPDATE}) before seats are counted, and stay locked until the
 * transaction commits. Lock, then check, then write. A session's seats are its {@code taken} counter, read by the
 * same statement that locks it (the seat trigger of migration V191 keeps it).
 */
@Singleton
class CapacityGuard {

    private final RegistrationDetailRepository store;

    /** Only the concurrency test turns this off, to show that the race it closes is real. */
    volatile boolean locking = true;

    CapacityGuard(RegistrationDetailRepository store) {
        this.store = store;
    }

    /**
     * Locks what bounds the seats being changed: the event row when the event has a capacity (its
     * waiting list too), then the sessions. An event without capacity is not locked, so registrations
     * for different sessions run in parallel. Returns the seats each session holds, read under its lock
     * (a mutable map: callers count the seats they give).
     */
    Map<Long, Long> lock(Event event, Collection<Long> sessionIds) {
        if (locking && event.capacity() != null) {
            store.lockEvent(event.id());
        }
        Map<Long, Long> taken = new HashMap<>();
        if (!sessionIds.isEmpty()) {
            TreeSet<Long> ids = new TreeSet<>(sessionIds);
            (locking ? store.lockSessions(ids) : store.readSessions(ids)).forEach(t -> taken.put(t.sessionId(), t.taken()));
        }
        return taken;
    }
}
