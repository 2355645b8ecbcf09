package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.BadgeFixtures;
import fr.cuf.rencontres.badge.BadgeService;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-07-08T09:12:00+02:00")
class CheckinServiceTest {

    static final String DAY1 = "entrance:2026-07-08";

    @Inject DataSource dataSource;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;
    @Inject CheckinService checkins;
    @Inject ScanLog log;
    @Inject ScannerKit kit;
    @Inject fr.cuf.rencontres.registration.RegistrationChanges registrationChanges;

    BadgeFixtures.Conference conference;
    Registration maire;
    Registration invitee;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        conference = fixtures.conference();
        maire = fixtures.register(conference.event(), "François", "Rebsamen", "Maire de Dijon", conference.dijon(),
                ParticipantType.ELECTED_OFFICIAL);
        invitee = fixtures.register(conference.event(), "Aïssatou", "N'Diaye", "Adjointe au maire",
                conference.foreign(), ParticipantType.PARTNER);
    }

    ScanResult scan(Registration r, String list, String mode) {
        return checkins.scan(new ScanRequest(badges.codeFor(r.id()), null, list, mode, nonce(), null, null), "scanner");
    }

    static String nonce() {
        return UUID.randomUUID().toString();
    }

    @Test
    void valid_badge_checks_in_with_name_and_type() {
        ScanResult result = scan(maire, DAY1, "entry");
        assertEquals(Outcome.OK, result.outcome());
        assertEquals("François", result.firstName());
        assertEquals("Rebsamen", result.lastName());
        assertEquals(ParticipantType.ELECTED_OFFICIAL, result.participantType());
        assertEquals(Instant.parse("2026-07-08T07:12:00Z"), result.firstCheckinAt());
    }

    @Test
    void second_scan_is_reported_as_duplicate_with_the_first_time() {
        scan(maire, DAY1, "entry");
        ScanResult again = scan(maire, DAY1, "entry");
        assertEquals(Outcome.ALREADY_CHECKED_IN, again.outcome());
        assertEquals("already_checked_in", again.outcome().code());
        assertEquals(Instant.parse("2026-07-08T07:12:00Z"), again.firstCheckinAt());
    }

    @Test
    void a_retried_nonce_gets_the_same_answer_and_is_recorded_once() {
        ScanRequest request = new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "entry", "n-42", null, null);
        ScanResult first = checkins.scan(request, "scanner");
        ScanResult retry = checkins.scan(request, "scanner");
        assertEquals(Outcome.OK, first.outcome());
        assertFalse(first.replayed());
        assertEquals(Outcome.OK, retry.outcome(), "the retry is not a duplicate: it is the same scan");
        assertTrue(retry.replayed());
        assertEquals(1, log.count());
    }

    /** A retry that arrives after the person left changes nothing: they are still outside. */
    @Test
    void a_late_retry_of_an_entry_does_not_let_the_person_in_again() {
        ScanRequest entry = new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "entry", "n-entry", null, null);
        checkins.scan(entry, "scanner");
        assertEquals(Outcome.OK, scan(maire, DAY1, "exit").outcome());
        ScanResult retry = checkins.scan(entry, "scanner");
        assertTrue(retry.replayed());
        assertEquals(Outcome.OK, scan(maire, DAY1, "entry").outcome(), "outside, so a new entry is welcome");
        assertEquals(3, log.count());
    }

    /** The same scan sent twice at once (a tablet retrying on a slow network): recorded once, both answered. */
    @Test
    void the_same_nonce_sent_twice_at_once_is_recorded_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Registration person = fixtures.register(conference.event(), "Prénom" + round, "Nom" + round, null,
                        conference.dijon(), ParticipantType.OFFICER);
                ScanRequest request = new ScanRequest(badges.codeFor(person.id()), null, DAY1, "entry", "twice-" + round,
                        null, null);
                CountDownLatch start = new CountDownLatch(1);
                Callable<ScanResult> send = () -> {
                    start.await();
                    return checkins.scan(request, "door");
                };
                Future<ScanResult> a = pool.submit(send);
                Future<ScanResult> b = pool.submit(send);
                start.countDown();
                assertEquals(Outcome.OK, a.get().outcome());
                assertEquals(Outcome.OK, b.get().outcome());
                assertTrue(a.get().replayed() != b.get().replayed(), "one answer is the replay of the other");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(8, log.count());
    }

    @Test
    void exit_then_entry_again_is_accepted() {
        scan(maire, DAY1, "entry");
        assertEquals(Outcome.OK, scan(maire, DAY1, "exit").outcome());
        assertEquals(Outcome.OK, scan(maire, DAY1, "entry").outcome());
        assertEquals(Outcome.ALREADY_CHECKED_IN, scan(maire, DAY1, "entry").outcome());
    }

    @Test
    void cancelled_registration_is_refused() {
        String code = badges.codeFor(maire.id());
        fixtures.cancel(maire);
        assertEquals(Outcome.CANCELLED, checkins.scan(new ScanRequest(code, null, DAY1, "entry", nonce(), null, null),
                "scanner").outcome());
    }

    @Test
    void reissued_badge_makes_the_old_code_useless() {
        String old = badges.codeFor(maire.id());
        badges.reissue(maire.id(), "desk");
        assertEquals(Outcome.SUPERSEDED_BADGE,
                checkins.scan(new ScanRequest(old, null, DAY1, "entry", nonce(), null, null), "s").outcome());
        assertEquals(Outcome.OK, scan(maire, DAY1, "entry").outcome());
    }

    @Test
    void forged_or_garbled_codes_are_invalid() {
        String code = badges.codeFor(maire.id());
        for (String bad : List.of("hello", code.substring(0, code.length() - 3),
                code.replace("." + maire.id() + ".", "." + invitee.id() + "."))) {
            ScanResult result = checkins.scan(new ScanRequest(bad, null, DAY1, "entry", nonce(), null, null), "s");
            assertEquals(Outcome.INVALID_CODE, result.outcome(), bad);
            assertNull(result.lastName());
        }
    }

    @Test
    void entrance_of_another_day_is_the_wrong_day() {
        assertEquals(Outcome.WRONG_DAY, scan(maire, "entrance:2026-07-09", "entry").outcome());
        assertEquals(Outcome.WRONG_DAY, scan(maire, "entrance:2026-07-10", "entry").outcome());
    }

    @Test
    void a_day_pass_admits_on_its_own_day_only() {
        dayPass(maire, 2);
        dayPass(invitee, 1);
        assertEquals(Outcome.WRONG_DAY, scan(maire, DAY1, "entry").outcome(), "a pass for 9 July on 8 July");
        assertEquals(Outcome.OK, scan(invitee, DAY1, "entry").outcome(), "a pass for 8 July on 8 July");
    }

    void dayPass(Registration r, int day) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var st = c.prepareStatement("INSERT INTO registration_detail (registration_id, event_id, email, secret_hash,"
                     + " attendance_day) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, r.id());
            st.setLong(2, r.eventId());
            st.setString(3, "pass" + r.id() + "@example.org");
            st.setString(4, "h" + r.id());
            st.setInt(5, day);
            st.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void members_only_session_refuses_non_members() {
        String workshop = "session:" + conference.climateWorkshop().id();
        assertEquals(Outcome.MEMBERS_ONLY, scan(invitee, workshop, "entry").outcome());
        assertEquals(Outcome.OK, scan(maire, workshop, "entry").outcome());
    }

    @Test
    void session_with_sign_ups_admits_only_those_signed_up_and_open_sessions_everyone() {
        fixtures.signUp(maire, conference.senegalBriefing());
        String briefing = "session:" + conference.senegalBriefing().id();
        assertEquals(Outcome.NOT_REGISTERED_FOR_SESSION, scan(invitee, briefing, "entry").outcome());
        assertEquals(Outcome.OK, scan(maire, briefing, "entry").outcome());
        assertEquals(Outcome.OK, scan(invitee, "session:" + conference.opening().id(), "entry").outcome());
    }

    @Test
    void badge_of_another_event_is_refused_when_the_scanner_names_its_event() {
        var other = fixtures.conferenceWithSlug("rencontres-2027");
        ScanResult result = checkins.scan(new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "entry", nonce(),
                other.slug(), null), "s");
        assertEquals(Outcome.WRONG_EVENT, result.outcome());
    }

    @Test
    void someone_without_badge_is_found_by_name_and_checked_in() {
        List<Attendee> found = checkins.findByName(conference.event().id(), "diaye");
        assertEquals(1, found.size());
        assertEquals(invitee.id(), found.get(0).registrationId());
        assertEquals(1, checkins.findByName(conference.event().id(), "François Reb").size());
        assertEquals(0, checkins.findByName(conference.event().id(), "%").size(), "wildcards are literal");
        ScanResult result = checkins.scan(new ScanRequest(null, invitee.id(), DAY1, "entry", nonce(), null, null), "desk");
        assertEquals(Outcome.OK, result.outcome());
        assertEquals("N'Diaye", result.lastName());
    }

    @Test
    void malformed_requests_are_refused_with_codes() {
        DomainException e = assertThrows(DomainException.class, () -> checkins.scan(
                new ScanRequest("x", 3L, "hall", "sideways", "", null, null), "s"));
        assertEquals(List.of("code_or_registration", "invalid_nonce", "invalid_checkin_list", "invalid_scan_mode"),
                e.problems().stream().map(p -> p.code()).toList());
    }

    /** Two scanners read the same badge at the same moment: one check-in, one duplicate, every time. */
    @Test
    void two_scanners_at_once_record_one_check_in_and_one_duplicate() throws Exception {
        List<Registration> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(fixtures.register(conference.event(), "Prénom" + i, "Nom" + i, null, conference.dijon(),
                    ParticipantType.OFFICER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (Registration person : people) {
                String code = badges.codeFor(person.id());
                CountDownLatch start = new CountDownLatch(1);
                Callable<ScanResult> scanner = () -> {
                    start.await();
                    return checkins.scan(new ScanRequest(code, null, DAY1, "entry", nonce(), null, null), "door");
                };
                Future<ScanResult> a = pool.submit(scanner);
                Future<ScanResult> b = pool.submit(scanner);
                start.countDown();
                List<Outcome> outcomes = new ArrayList<>(List.of(a.get().outcome(), b.get().outcome()));
                outcomes.sort(null);
                assertEquals(List.of(Outcome.OK, Outcome.ALREADY_CHECKED_IN), outcomes, "registration " + person.id());
                ScanResult ok = a.get().outcome() == Outcome.OK ? a.get() : b.get();
                ScanResult duplicate = ok == a.get() ? b.get() : a.get();
                assertEquals(ok.firstCheckinAt(), duplicate.firstCheckinAt(), "the duplicate shows the first time");
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(16, log.count());
    }

    @Test
    void offline_queue_is_reconciled_without_double_counting() {
        String maireCode = badges.codeFor(maire.id());
        String inviteeCode = badges.codeFor(invitee.id());
        // scanned online at another door meanwhile
        scan(invitee, DAY1, "entry");
        Instant early = Instant.parse("2026-07-08T06:55:00Z");
        ScanRequest maireIn = new ScanRequest(maireCode, null, DAY1, "entry", "off-1", null, early);
        List<ScanRequest> queue = List.of(
                new ScanRequest(inviteeCode, null, DAY1, "entry", "off-2", null, early.plusSeconds(60)),
                maireIn,
                new ScanRequest("garbage", null, DAY1, "entry", "off-3", null, early.plusSeconds(120)),
                new ScanRequest(maireCode, null, "nowhere", "entry", "off-4", null, early));
        List<CheckinService.BatchItem> items = checkins.batch(queue, "tablet-2");
        assertEquals(4, items.size());
        CheckinService.BatchItem malformed = items.stream().filter(i -> "off-4".equals(i.nonce())).findFirst().orElseThrow();
        assertEquals("invalid_checkin_list", malformed.problem().code());
        assertEquals(Outcome.OK, find(items, "off-1").result().outcome());
        assertEquals(early, find(items, "off-1").result().scannedAt(), "the scan keeps its offline time");
        assertEquals(Outcome.ALREADY_CHECKED_IN, find(items, "off-2").result().outcome());
        assertEquals(Outcome.INVALID_CODE, find(items, "off-3").result().outcome());

        // the tablet did not get the answer and sends the queue again
        List<CheckinService.BatchItem> again = checkins.batch(queue, "tablet-2");
        assertTrue(again.stream().filter(i -> i.result() != null).allMatch(i -> i.result().replayed()));
        assertEquals(Outcome.OK, find(again, "off-1").result().outcome());
        assertEquals(1, log.countCheckedIn(conference.event().id()).stream().filter(c -> c.listKey().equals(DAY1))
                .count());
        assertEquals(2, log.countCheckedIn(conference.event().id()).get(0).total());
        assertEquals(4, log.count(), "1 online + 3 valid queued scans, each once");
    }

    /** An entry queued offline at 08:29 and sent after an exit scanned at 08:30: the person is outside. */
    @Test
    void a_late_synced_entry_does_not_override_a_later_exit() {
        Instant entryAt = Instant.parse("2026-07-08T06:29:00Z");
        Instant exitAt = Instant.parse("2026-07-08T06:30:00Z");
        checkins.batch(List.of(new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "exit", "exit-0830", null,
                exitAt)), "tablet-1");
        List<CheckinService.BatchItem> late = checkins.batch(List.of(new ScanRequest(badges.codeFor(maire.id()), null,
                DAY1, "entry", "entry-0829", null, entryAt)), "tablet-2");
        assertEquals(Outcome.OK, late.get(0).result().outcome(), "the entry happened: it is recorded");
        assertTrue(log.countInside(conference.event().id()).stream().noneMatch(c -> c.listKey().equals(DAY1)),
                "but the later exit says the person is outside");
        assertEquals(Outcome.OK, scan(maire, DAY1, "entry").outcome(), "outside, so welcome");
        assertEquals(1, log.countInside(conference.event().id()).get(0).total());

        // and the other way round: an exit sent after a later entry leaves the person inside
        checkins.batch(List.of(new ScanRequest(badges.codeFor(invitee.id()), null, DAY1, "entry", "in-0830", null,
                exitAt)), "tablet-1");
        checkins.batch(List.of(new ScanRequest(badges.codeFor(invitee.id()), null, DAY1, "exit", "out-0829", null,
                entryAt)), "tablet-2");
        assertEquals(2, log.countInside(conference.event().id()).get(0).total());
    }

    @Test
    void the_same_nonce_with_another_badge_is_refused_and_checks_nobody_in_twice() {
        checkins.scan(new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "entry", "n-7", null, null), "scanner");
        DomainException refused = assertThrows(DomainException.class, () -> checkins.scan(
                new ScanRequest(badges.codeFor(invitee.id()), null, DAY1, "entry", "n-7", null, null), "scanner"));
        assertEquals("nonce_reused", refused.problems().get(0).code());
        assertThrows(DomainException.class, () -> checkins.scan(
                new ScanRequest(null, invitee.id(), DAY1, "entry", "n-7", null, null), "scanner"));
        assertEquals(1, log.count());
        assertEquals(Outcome.OK, scan(invitee, DAY1, "entry").outcome(), "with its own nonce, the badge is welcome");
    }

    @Test
    void search_ignores_accents_and_case_and_finds_by_organisation() {
        assertEquals(List.of(maire.id()), ids(checkins.findByName(conference.event().id(), "francois rebsamen")));
        assertEquals(List.of(maire.id()), ids(checkins.findByName(conference.event().id(), "REBSAMEN françois")));
        assertEquals(List.of(invitee.id()), ids(checkins.findByName(conference.event().id(), "ndiaye")));
        assertEquals(List.of(invitee.id()), ids(checkins.findByName(conference.event().id(), "saint louis")));
        assertEquals(List.of(maire.id()), ids(checkins.findByName(conference.event().id(), "dijon")));
        assertEquals(List.of(), checkins.findByName(conference.event().id(), "dijon diaye"), "every word must match");
    }

    @Test
    void undoing_an_entry_takes_it_back_and_a_second_undo_is_refused() {
        ScanRequest entry = new ScanRequest(badges.codeFor(maire.id()), null, DAY1, "entry", "undo-me", null, null);
        checkins.scan(entry, "scanner");
        assertEquals(maire.id(), checkins.undo("undo-me", "scanner"));
        assertTrue(log.countInside(conference.event().id()).isEmpty());
        assertTrue(log.countCheckedIn(conference.event().id()).isEmpty(), "an undone entry is not an entry");
        assertEquals(Outcome.UNDONE, checkins.scan(entry, "scanner").outcome(), "its retry says it was undone");
        assertEquals("nothing_to_undo", assertThrows(DomainException.class,
                () -> checkins.undo("undo-me", "scanner")).problems().get(0).code());
        assertEquals(Outcome.OK, scan(maire, DAY1, "entry").outcome(), "the person may come in for real");
    }

    @Test
    void other_doors_learn_check_ins_after_their_cursor_and_cancellations_since_their_last_look() {
        String slug = conference.event().slug();
        ScannerKit.ScannerData start = kit.forEvent(slug);
        scan(maire, DAY1, "entry");
        ScannerKit.ScannerChanges changes = kit.changes(slug, start.scanCursor(), start.generatedAt());
        assertEquals(List.of(maire.id()), changes.scans().stream().map(DoorScan::registrationId).toList());
        assertEquals("ENTRY", changes.scans().get(0).direction());
        assertTrue(changes.cursor() > start.scanCursor());

        registrationChanges.cancel(invitee.id(), "desk", false);
        ScannerKit.ScannerChanges next = kit.changes(slug, changes.cursor(), changes.generatedAt());
        assertTrue(next.roster().stream().anyMatch(r -> r.id() == invitee.id() && r.status().equals("CANCELLED")),
                "the cancellation reaches the doors");
        assertTrue(next.roster().stream().allMatch(r -> r.organisation() == null || !r.organisation().contains("@")));
    }

    private static List<Long> ids(List<Attendee> found) {
        return found.stream().map(Attendee::registrationId).toList();
    }

    private static CheckinService.BatchItem find(List<CheckinService.BatchItem> items, String nonce) {
        return items.stream().filter(i -> nonce.equals(i.nonce())).findFirst().orElseThrow();
    }
}
