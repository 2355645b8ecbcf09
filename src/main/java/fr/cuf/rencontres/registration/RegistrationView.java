package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** One registration with what pages and mails show of it. */
public record RegistrationView(Registration registration, RegistrationDetail detail, Person person,
                               @Nullable Organisation organisation, Event event, Quote quote,
                               List<ChoiceView> choices, List<AnswerView> answers, List<RegistrationView> group) {

    public record ChoiceView(SessionSeats session, String status) {
        public boolean held() {
            return Seats.HELD.equals(status);
        }

        public boolean waiting() {
            return Seats.WAITING.equals(status);
        }
    }

    public record AnswerView(Question question, String answer) {
    }

    public boolean active() {
        return registration.status() != RegistrationStatus.CANCELLED;
    }

    public List<Long> chosenSessionIds() {
        return choices.stream().filter(c -> !Seats.CANCELLED.equals(c.status())).map(c -> c.session().id()).toList();
    }
}
