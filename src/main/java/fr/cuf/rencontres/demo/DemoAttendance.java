package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.checkin.CheckinList;
import fr.cuf.rencontres.checkin.CheckinService;
import fr.cuf.rencontres.checkin.ScanRequest;
import fr.cuf.rencontres.config.ReplayClock;
import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.registration.RegistrationRepository;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.Times;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A past edition's attendance, scanned at the doors (the entrance each day, the rooms of the sessions with
 * sign-ups) by the check-in service as a scanner would have sent it, each scan as of its moment.
 */
@Singleton
class DemoAttendance {

    private final RegistrationRepository registrations;
    private final BadgeService badges;
    private final CheckinService checkin;
    private final SessionRepository sessions;
    private final ReplayClock clock;

    DemoAttendance(RegistrationRepository registrations, BadgeService badges, CheckinService checkin,
                   SessionRepository sessions, ReplayClock clock) {
        this.registrations = registrations;
        this.badges = badges;
        this.checkin = checkin;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Scans at the doors: most registrants holding a seat come, between 08:30 and 10:30 each day, then go to
     * most of the sessions they signed up for and the plenaries, a few minutes before each starts; most scan out
     * in the evening.
     */
    void attend(Event event, List<Long> ids) {
        Random random = new Random(704);
        Map<Long, Session> byId = new HashMap<>();
        sessions.findByEventInOrder(event.id()).forEach(s -> byId.put(s.id(), s));
        LocalDate first = Times.paris(event.startsAt()).toLocalDate();
        LocalDate last = Times.paris(event.endsAt()).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            String entrance = CheckinList.entrance(day).key();
            for (long id : ids) {
                Registration r = registrations.findById(id).orElseThrow();
                if (!r.status().holdsSeat() || random.nextInt(100) >= 88) {
                    continue;
                }
                String code = badges.codeFor(id);
                Instant in = Times.fromParis(day.atTime(LocalTime.of(8, 30)).plusMinutes(random.nextInt(120)));
                scan(code, entrance, "ENTRY", event, "e" + day + "-" + id, in);
                for (Long sessionId : registrations.findSessionIds(id, "CONFIRMED")) {
                    Session s = byId.get(sessionId);
                    if (s != null && s.startsAt() != null && Times.paris(s.startsAt()).toLocalDate().equals(day)
                            && random.nextInt(100) < 80) {
                        scan(code, CheckinList.session(sessionId).key(), "ENTRY", event, "s" + sessionId + "-" + id,
                                s.startsAt().minus(Duration.ofMinutes(random.nextInt(12))));
                    }
                }
                for (Session plenary : byId.values()) {
                    // a plenary has no sign-ups: every registrant may come in
                    if (plenary.kind() == SessionKind.PLENARY && plenary.startsAt() != null
                            && Times.paris(plenary.startsAt()).toLocalDate().equals(day) && random.nextInt(100) < 75) {
                        scan(code, CheckinList.session(plenary.id()).key(), "ENTRY", event, "s" + plenary.id() + "-" + id,
                                plenary.startsAt().minus(Duration.ofMinutes(random.nextInt(15))));
                    }
                }
                if (random.nextInt(100) < 90) {
                    Instant out = Times.fromParis(day.atTime(LocalTime.of(17, 0)).plusMinutes(random.nextInt(100)));
                    scan(code, entrance, "EXIT", event, "x" + day + "-" + id, out);
                }
            }
        }
    }

    private void scan(String code, String list, String mode, Event event, String nonce, Instant at) {
        clock.run(at, () -> checkin.scan(new ScanRequest(code, null, list, mode, "demo-" + nonce, event.slug(), null),
                "demo-scanner"));
    }
}
