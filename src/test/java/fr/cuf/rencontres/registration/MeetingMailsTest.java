package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventForm;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.EventKind;
import fr.cuf.rencontres.event.EventService;
import fr.cuf.rencontres.event.EventStatus;
import fr.cuf.rencontres.event.MeetingChanges;
import fr.cuf.rencontres.event.MoveCommand;
import fr.cuf.rencontres.mail.MailKind;
import fr.cuf.rencontres.mail.MailOutboxRepository;
import fr.cuf.rencontres.mail.MailWriter;
import fr.cuf.rencontres.mail.OutboxMail;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registrants of a moved or cancelled meeting get a mail, in their language, with the reason. */
@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class MeetingMailsTest {

    @Inject DataSource dataSource;
    @Inject RegistrationFixtures fixtures;
    @Inject RegistrationService registrations;
    @Inject EventService events;
    @Inject MeetingChanges meetings;
    @Inject MailOutboxRepository outbox;
    @Inject MailComposer composer;

    Event meeting;
    Organisation dijon;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        dijon = fixtures.member();
        meeting = events.create(new EventForm("Réunion du groupe-pays Japon", "japon-juin", EventKind.SERIES_MEETING,
                null, null, LocalDateTime.parse("2026-06-04T10:00"), LocalDateTime.parse("2026-06-04T11:00"),
                EventFormat.IN_PERSON, fixtures.venue().id(), null, null, false, null, null, null, null,
                EventStatus.PUBLISHED), "test");
    }

    private long register(String first, String email, String locale) {
        RegistrationRequest r = RegistrationFixtures.request(first, email, dijon, List.of(), false);
        return registrations.register(meeting.slug(), RegistrationRequest.builder()
                .name(r.firstName(), r.lastName()).functionTitle(r.functionTitle()).email(r.email())
                .organisationId(r.organisationId()).participantType(r.participantType()).consent(true).locale(locale)
                .build(), Submission.form(null))
                .id();
    }

    private OutboxMail last(long registrationId, MailKind kind) {
        List<OutboxMail> mails = outbox.findByRegistrationIdOrderById(registrationId).stream()
                .filter(m -> m.kind() == kind).toList();
        assertEquals(1, mails.size(), kind + " mails");
        return mails.get(0);
    }

    @Test
    void a_move_and_a_cancellation_are_mailed_with_the_new_time_and_the_reason() {
        long awa = register("Awa", "awa@example.org", "fr");
        long john = register("John", "john@example.org", "en");
        meetings.move(meeting.id(), new MoveCommand(LocalDateTime.parse("2026-06-05T14:00"),
                LocalDateTime.parse("2026-06-05T15:30"), EventFormat.IN_PERSON, null, "Salle indisponible", false), "prog");

        MailWriter.Written fr = composer.write(last(awa, MailKind.MEETING_MOVED));
        assertEquals("Réunion déplacée : Réunion du groupe-pays Japon", fr.subject());
        assertTrue(fr.body().contains("Nouvel horaire : 5 juin 2026, 14:00–15:30. Motif : Salle indisponible"), fr.body());
        MailWriter.Written en = composer.write(last(john, MailKind.MEETING_MOVED));
        assertEquals("Meeting moved: Réunion du groupe-pays Japon", en.subject());

        meetings.cancel(meeting.id(), "Report à l'automne", "prog");
        MailWriter.Written cancelled = composer.write(last(awa, MailKind.MEETING_CANCELLED));
        assertTrue(cancelled.body().contains("est annulée. Motif : Report à l'automne"), cancelled.body());
        meetings.cancel(meeting.id(), "Report à l'automne", "prog");
        last(awa, MailKind.MEETING_CANCELLED);
    }
}
