package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.Languages;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.schedule.ProgrammePublished;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the notifications that publishing a programme version records (one row per registrant and
 * changed session) into one programme-change mail per registrant and version, through the outbox.
 * Queued as the version is published, in its transaction, whether mail is on or off: the outbox keeps
 * them until mail is sent. Each mail says, in the registrant's language, what changed for them (old → new
 * day, time and room) and whether a changed session now runs at the same time as another of their choices.
 * Rows are claimed with SKIP LOCKED and stamped as sent in the same transaction, so several instances
 * never mail twice and a rolled-back run leaves them for the next one.
 */
@Singleton
public class ProgrammeChangeMails {

    private static final int BATCH = 500;

    private final Notifications notifications;
    private final RegistrationMails mails;
    private final Messages messages;
    private final Clock clock;

    ProgrammeChangeMails(Notifications notifications, RegistrationMails mails, Messages messages, Clock clock) {
        this.notifications = notifications;
        this.mails = mails;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void onPublished(ProgrammePublished published) {
        if (published.notifications() > 0) {
            queuePending();
        }
    }

    /** Queues the mails of every pending notification; returns the number of mails queued. */
    @Transactional
    public int queuePending() {
        int queued = 0;
        List<Pending> pending;
        do {
            pending = notifications.claim(BATCH);
            queued += queue(pending);
        } while (pending.size() == BATCH);
        return queued;
    }

    private int queue(List<Pending> pending) {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Long> registrations = pending.stream().map(Pending::registrationId).distinct().toList();
        // registrations made outside the registration feature (imports) have no address: nothing to send
        Map<Long, String> locales = notifications.withAddress(registrations).stream()
                .collect(Collectors.toMap(Reachable::registrationId, r -> r.locale() == null ? "fr" : r.locale()));
        Map<List<Long>, Change> changes = new HashMap<>();
        notifications.changes(pending.stream().map(Pending::versionId).distinct().toList())
                .forEach(c -> changes.put(List.of(c.versionId(), c.sessionId()), c));
        Map<Long, List<Chosen>> agendas = notifications.agendas(registrations).stream()
                .collect(Collectors.groupingBy(Chosen::registrationId));
        Map<List<Long>, List<Pending>> byRegistrantAndVersion = pending.stream()
                .filter(p -> locales.containsKey(p.registrationId())).collect(Collectors.groupingBy(
                        p -> List.of(p.registrationId(), p.versionId()), LinkedHashMap::new, Collectors.toList()));
        byRegistrantAndVersion.forEach((key, mine) -> {
            Locale locale = Languages.of(locales.get(key.get(0)));
            List<String> lines = new ArrayList<>();
            mine.stream().map(p -> changes.get(List.of(p.versionId(), p.sessionId()))).filter(java.util.Objects::nonNull)
                    .distinct().forEach(c -> lines.add(line(c, agendas.getOrDefault(key.get(0), List.of()), locale)));
            mails.queue(MailKind.PROGRAMME_CHANGE, key.get(0), null, String.join("\n", lines));
        });
        Instant now = clock.instant();
        pending.forEach(p -> notifications.markSent(p.id(), now));
        return byRegistrantAndVersion.size();
    }

    /** "• Point Liban — moved: Wed 8 July 16:30–18:00, Salon Kléber → Thu 9 July 14:30–16:00, Salon Monge" and a clash. */
    String line(Change c, List<Chosen> agenda, Locale locale) {
        String kind = messages.get(locale, "mail.programme_change.kind." + c.changeKind());
        StringBuilder b = new StringBuilder("  • ").append(c.title()).append(" — ").append(kind);
        String was = slot(c.oldStartsAt(), c.oldEndsAt(), c.oldRoomName(), locale);
        String now = slot(c.newStartsAt(), c.newEndsAt(), c.newRoomName(), locale);
        if (was != null && now != null) {
            b.append(sep(locale)).append(was).append(" → ").append(now);
        } else if (was != null) {
            b.append(sep(locale)).append(messages.get(locale, "mail.programme_change.was", was));
        } else if (now != null) {
            b.append(sep(locale)).append(now);
        }
        if (c.newStartsAt() != null && c.newEndsAt() != null && !"CANCELLED".equals(c.changeKind())) {
            agenda.stream().filter(o -> !o.sessionId().equals(c.sessionId()) && o.startsAt() != null && o.endsAt() != null
                            && o.startsAt().isBefore(c.newEndsAt()) && c.newStartsAt().isBefore(o.endsAt()))
                    .forEach(o -> b.append("\n    ").append(messages.get(locale, "mail.programme_change.clash",
                            o.title(), slot(o.startsAt(), o.endsAt(), null, locale))));
        }
        return b.toString();
    }

    private static String sep(Locale locale) {
        return locale == Locale.ENGLISH ? ": " : " : ";
    }

    private static String slot(@Nullable Instant start, @Nullable Instant end, @Nullable String room, Locale locale) {
        if (start == null || end == null) {
            return null;
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMMM", locale);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", locale);
        String s = day.format(Times.paris(start)) + " " + hm.format(Times.paris(start)) + "–" + hm.format(Times.paris(end));
        return room == null ? s : s + ", " + room;
    }

    @Introspected
    record Pending(long id, long versionId, long registrationId, long sessionId, String changeKind) {
    }

    @Introspected
    record Reachable(long registrationId, @Nullable String locale) {
    }

    @Introspected
    record Change(Long versionId, Long sessionId, String changeKind, String title, @Nullable Instant oldStartsAt,
                  @Nullable Instant oldEndsAt, @Nullable String oldRoomName, @Nullable Instant newStartsAt,
                  @Nullable Instant newEndsAt, @Nullable String newRoomName) {
    }

    /** A session a registration chose, where it is now. */
    @Introspected
    record Chosen(Long registrationId, Long sessionId, String title, @Nullable Instant startsAt, @Nullable Instant endsAt) {
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

        @Query("SELECT registration_id, locale FROM registration_detail WHERE registration_id IN (:ids)")
        List<Reachable> withAddress(List<Long> ids);

        @Query("""
                SELECT version_id, session_id, change_kind, title, old_starts_at, old_ends_at, old_room_name,
                       new_starts_at, new_ends_at, new_room_name
                  FROM programme_change WHERE version_id IN (:versionIds)""")
        List<Change> changes(List<Long> versionIds);

        @Query("""
                SELECT rs.registration_id AS registration_id, s.id AS session_id, s.title AS title,
                       s.starts_at AS starts_at, s.ends_at AS ends_at
                  FROM registration_session rs JOIN event_session s ON s.id = rs.session_id
                 WHERE rs.registration_id IN (:ids) AND rs.status <> 'CANCELLED' AND s.status <> 'CANCELLED'
                 ORDER BY s.starts_at""")
        List<Chosen> agendas(List<Long> ids);

        @Query("UPDATE programme_notification SET sent_at = :sentAt WHERE id = :id")
        void markSent(long id, Instant sentAt);
    }
}
