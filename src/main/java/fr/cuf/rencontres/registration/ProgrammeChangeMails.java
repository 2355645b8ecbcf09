package fr.cuf.rencontres.registration;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the notifications that publishing a programme version records (one row per registrant and
 * changed session) into one programme-change mail per registrant and version, through the outbox.
 * Rows are claimed with SKIP LOCKED and stamped as sent in the same transaction, so several instances
 * never mail twice and a rolled-back run leaves them for the next one.
 */
@Singleton
public class ProgrammeChangeMails {

    private static final int BATCH = 500;

    private final Notifications notifications;
    private final RegistrationMails mails;
    private final Clock clock;

    ProgrammeChangeMails(Notifications notifications, RegistrationMails mails, Clock clock) {
        this.notifications = notifications;
        this.mails = mails;
        this.clock = clock;
    }

    /** Queues the mails of every pending notification; returns the number of mails queued. */
    @Transactional
    public int queuePending() {
        List<Pending> pending = notifications.claim(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        Map<Long, String> titles = notifications.titles(pending.stream().map(Pending::sessionId).distinct().toList())
                .stream().collect(Collectors.toMap(SessionTitle::id, SessionTitle::title));
        // registrations made outside the registration feature (imports) have no address: nothing to send
        java.util.Set<Long> reachable = new java.util.HashSet<>(notifications.withAddress(
                pending.stream().map(Pending::registrationId).distinct().toList()));
        Map<List<Long>, List<Pending>> byRegistrantAndVersion = pending.stream()
                .filter(p -> reachable.contains(p.registrationId())).collect(Collectors.groupingBy(
                p -> List.of(p.registrationId(), p.versionId()), LinkedHashMap::new, Collectors.toList()));
        byRegistrantAndVersion.forEach((key, changes) -> mails.queue(MailKind.PROGRAMME_CHANGE, key.get(0), null,
                changes.stream().map(c -> titles.get(c.sessionId()) + " (" + c.changeKind().toLowerCase() + ")")
                        .distinct().collect(Collectors.joining("; "))));
        Instant now = clock.instant();
        pending.forEach(p -> notifications.markSent(p.id(), now));
        return byRegistrantAndVersion.size();
    }

    @Introspected
    record Pending(long id, long versionId, long registrationId, long sessionId, String changeKind) {
    }

    @Introspected
    record SessionTitle(long id, String title) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Notifications extends GenericRepository<RegistrationDetail, Long> {

        @Query("""
                SELECT id, version_id, registration_id, session_id, change_kind
                  FROM programme_notification
                 WHERE sent_at IS NULL
                 ORDER BY id
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED""")
        List<Pending> claim(int limit);

        @Query("SELECT registration_id FROM registration_detail WHERE registration_id IN (:ids)")
        List<Long> withAddress(List<Long> ids);

        @Query("SELECT id, title FROM event_session WHERE id IN (:ids)")
        List<SessionTitle> titles(List<Long> ids);

        @Query("UPDATE programme_notification SET sent_at = :sentAt WHERE id = :id")
        void markSent(long id, Instant sentAt);
    }
}
