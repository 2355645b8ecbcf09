package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.support.TextInputs;

import java.util.ArrayList;
import java.util.List;

/** One person of a submission: the submitter first, then the colleagues, names and titles tidied. */
record Attendee(String firstName, String lastName, String functionTitle, String email, String phone,
                ParticipantType type, boolean submitter) {

    /** The people {@code request} registers; a colleague without a type takes the submitter's. */
    static List<Attendee> of(RegistrationRequest request) {
        List<Attendee> attendees = new ArrayList<>();
        attendees.add(new Attendee(TextInputs.name(request.firstName()).strip(), TextInputs.name(request.lastName()).strip(),
                RegistrationService.strip(request.functionTitle()), request.email(),
                RegistrationService.strip(request.phone()), request.participantType(), true));
        for (RegistrationRequest.Colleague c : request.colleagueList()) {
            attendees.add(new Attendee(TextInputs.name(c.firstName()).strip(), TextInputs.name(c.lastName()).strip(),
                    RegistrationService.strip(c.functionTitle()), c.email(), null,
                    c.participantType() == null ? request.participantType() : c.participantType(), false));
        }
        return attendees;
    }
}
