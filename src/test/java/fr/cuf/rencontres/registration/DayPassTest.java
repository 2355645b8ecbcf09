package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.Venue;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** "One day or two days": the registrant chooses the days, the rules choose the category among that day's. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class DayPassTest {

    @Inject RegistrationService service;
    @Inject RegistrationQuotes quotes;
    @Inject RegistrationDesk desk;
    @Inject RegistrationViews views;
    @Inject PriceCategoryRepository categories;
    @Inject RegistrationFixtures fixtures;
    @Inject DataSource dataSource;

    Venue venue;
    Organisation dijon;
    Organisation lyon;
    Event event;
    Session dayOne;
    Session dayTwo;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        venue = fixtures.venue();
        dijon = fixtures.member();
        lyon = fixtures.nonMember();
        event = fixtures.conference(venue, null); // 8 and 9 July 2026
        dayOne = fixtures.session(event, "Atelier du mercredi", LocalDateTime.parse("2026-07-08T14:00"), null, 30, false);
        dayTwo = fixtures.session(event, "Atelier du jeudi", LocalDateTime.parse("2026-07-09T10:00"), null, 30, false);
        Instant now = Instant.now();
        categories.save(new PriceCategory(null, event.id(), "member", "Adhérent", "Member", PriceRule.MEMBER, 0, 1, now, now));
        categories.save(new PriceCategory(null, event.id(), "non-member", "Non adhérent", "Non-member",
                PriceRule.NON_MEMBER, 12000, 2, now, now));
        categories.save(new PriceCategory(null, event.id(), "member-day-1", "Adhérent, 8 juillet", "Member, 8 July",
                PriceRule.MEMBER, 0, 3, now, now, 1));
        categories.save(new PriceCategory(null, event.id(), "non-member-day-1", "Non adhérent, 8 juillet",
                "Non-member, 8 July", PriceRule.NON_MEMBER, 7000, 4, now, now, 1));
        categories.save(new PriceCategory(null, event.id(), "non-member-day-2", "Non adhérent, 9 juillet",
                "Non-member, 9 July", PriceRule.NON_MEMBER, 7000, 5, now, now, 2));
    }

    private RegistrationOutcome register(String email, Organisation o, List<Long> sessions, Integer day) {
        return service.register(event.slug(), RegistrationRequest.builder().name("Awa", "Diallo").email(email)
                .organisationId(o.id()).participantType(ParticipantType.OFFICER).consent(true).sessionIds(sessions)
                .locale("fr").attendanceDay(day).build(), Submission.api(null));
    }

    @Test
    void aDayPassTakesThatDaysCategoryAndIsStoredOnTheRegistration() {
        RegistrationOutcome lyonDayOne = register("a@example.org", lyon, List.of(dayOne.id()), 1);
        assertEquals("non-member-day-1", lyonDayOne.quote().categoryCode());
        assertEquals(7000, lyonDayOne.quote().priceCents());
        assertEquals(1, views.get(lyonDayOne.id()).detail().attendanceDay());

        RegistrationOutcome dijonDayOne = register("b@example.org", dijon, List.of(), 1);
        assertEquals("member-day-1", dijonDayOne.quote().categoryCode(), "membership still decides, among the day's");

        RegistrationOutcome lyonBothDays = register("c@example.org", lyon, List.of(dayOne.id(), dayTwo.id()), null);
        assertEquals("non-member", lyonBothDays.quote().categoryCode());
        assertEquals(12000, lyonBothDays.quote().priceCents());
        assertNull(views.get(lyonBothDays.id()).detail().attendanceDay());
    }

    @Test
    void theQuoteShownBeforeConfirmingFollowsTheDayChosen() {
        assertEquals("non-member-day-2", quotes.quote(event.slug(), ParticipantType.OFFICER, lyon.id(), 2).categoryCode());
        assertEquals("non-member", quotes.quote(event.slug(), ParticipantType.OFFICER, lyon.id()).categoryCode());
    }

    @Test
    void refusesSessionsOfAnotherDayThanTheDayPass() {
        DomainException refused = assertThrows(DomainException.class,
                () -> register("a@example.org", lyon, List.of(dayTwo.id()), 1));
        assertEquals("session_other_day", refused.problems().get(0).code());
    }

    @Test
    void refusesADayWithoutADayPass() {
        assertEquals("no_day_pass", assertThrows(DomainException.class,
                () -> register("a@example.org", lyon, List.of(), 3)).problems().get(0).code());
        assertEquals("no_day_pass", assertThrows(DomainException.class,
                () -> register("b@example.org", lyon, List.of(), 0)).problems().get(0).code());
        assertEquals(0, TestSql.count(dataSource, "SELECT COUNT(*) FROM registration"));
    }

    @Test
    void aDeskCategoryChangeToADayPassRecordsTheDay() {
        RegistrationOutcome lyonBothDays = register("a@example.org", lyon, List.of(), null);
        desk.changeCategory(lyonBothDays.id(), "non-member-day-2", "desk");
        RegistrationView changed = views.get(lyonBothDays.id());
        assertEquals("non-member-day-2", changed.registration().priceCategory());
        assertEquals(2, changed.detail().attendanceDay());
        desk.changeCategory(lyonBothDays.id(), "non-member", "desk");
        assertNull(views.get(lyonBothDays.id()).detail().attendanceDay());
    }
}
