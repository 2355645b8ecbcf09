package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.member.PersonForm;
import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.RegistrationOutcome;
import fr.cuf.rencontres.registration.RegistrationRequest;
import fr.cuf.rencontres.registration.RegistrationService;
import fr.cuf.rencontres.registration.Submission;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionRepository;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static fr.cuf.rencontres.csvio.ImportField.*;

/**
 * A delegation list for one event. {@link #plan} checks each row as a person file would (the person is
 * matched or new, the organisation must exist) and needs an e-mail and an organisation; then each row is
 * registered through {@link RegistrationService} as the registration desk does (opening dates do not apply;
 * price from the rules; capacity, session capacity and waiting lists; members-only; audit; mails), each row
 * in its own savepoint so that a refused row leaves nothing behind. A person already registered is left as is.
 */
@Singleton
class RegistrationImporter implements RowImporter<RegistrationImporter.Change> {

    static final String ALREADY_REGISTERED = "already_registered";

    record Change(PersonMatcher.Match person, ParticipantType type, List<Long> sessionIds) {
    }

    private final PersonMatcher matcher;
    private final SessionRepository sessions;
    private final RegistrationService registrations;
    private final TransactionOperations<Connection> tx;

    RegistrationImporter(PersonMatcher matcher, SessionRepository sessions, RegistrationService registrations,
                         TransactionOperations<Connection> tx) {
        this.matcher = matcher;
        this.sessions = sessions;
        this.registrations = registrations;
        this.tx = tx;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.REGISTRATIONS;
    }

    @Override
    public List<ImportField> requiredColumns() {
        return List.of(FIRST_NAME, LAST_NAME);
    }

    @Override
    public boolean settlesByWriting() {
        return true;
    }

    @Override
    public List<Planned<Change>> plan(List<ImportRow> rows, Event event, ValueChoices values) {
        if (event == null) {
            throw DomainException.invalid("event", "event_required");
        }
        PersonMatcher.Known known = matcher.load();
        Map<String, Long> sessionIds = new HashMap<>();
        for (Session s : sessions.findByEventInOrder(event.id())) {
            sessionIds.putIfAbsent(HeaderNames.words(s.title()), s.id());
        }
        List<Planned<Change>> plans = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<RowProblem> problems = new ArrayList<>();
            Optional<PersonMatcher.Match> person = matcher.match(row, known, problems);
            ParticipantType type = participantType(row, person, problems);
            List<Long> chosen = sessions(row, sessionIds, problems);
            person.ifPresent(p -> {
                if (p.form().email() == null) {
                    problems.add(row.problem(EMAIL, "email_required"));
                }
                if (p.form().organisationId() == null) {
                    problems.add(row.problem(ORGANISATION, "organisation_required"));
                }
            });
            plans.add(problems.isEmpty()
                    ? new Planned<>(row, Planned.Outcome.CREATE, new Change(person.get(), type, chosen), List.of())
                    : Planned.rejected(row, problems));
        }
        return plans;
    }

    /**
     * Registers the rows one by one in file order (first come, first served for the last seats), each in a
     * savepoint: a refusal of the registration rules rejects that row only, and the caller decides whether
     * the others stay (all-or-nothing, valid rows only, or a preview that keeps none).
     */
    @Override
    public List<Planned<Change>> write(List<Planned<Change>> accepted, Event event, ImportRequest request, String actor) {
        Submission submission = Submission.desk(actor, request.sendMail());
        List<Planned<Change>> written = new ArrayList<>(accepted.size());
        for (Planned<Change> planned : accepted) {
            ImportRow row = planned.row();
            try {
                written.add(tx.execute(ImportService.SAVEPOINT, status -> register(planned, event, request, submission)));
            } catch (DomainException refusal) {
                if (ALREADY_REGISTERED.equals(refusal.code())) {
                    written.add(new Planned<>(row, Planned.Outcome.UNCHANGED, planned.change(), List.of(),
                            new RowResult(row.line(), Planned.Outcome.UNCHANGED.name(), null, null, null, refusal.code())));
                } else {
                    List<RowProblem> problems = refusal.problems().stream().map(p -> problem(row, p)).toList();
                    written.add(new Planned<>(row, Planned.Outcome.REJECTED, null, problems,
                            new RowResult(row.line(), Planned.Outcome.REJECTED.name(), null, null, null, refusal.code())));
                }
            }
        }
        return written;
    }

    private Planned<Change> register(Planned<Change> planned, Event event, ImportRequest request, Submission submission) {
        Change change = planned.change();
        PersonMatcher.Match person = change.person();
        if (person.id() != null && person.changed()) {
            // found by name: give the stored person the file's e-mail first, or the registration would create another
            matcher.write(person, submission.actor());
        }
        RegistrationOutcome outcome = registrations.register(event.slug(),
                request(person.form(), change.type(), change.sessionIds(), request.waitingList()), submission);
        return new Planned<>(planned.row(), Planned.Outcome.CREATE, change, List.of(),
                new RowResult(planned.row().line(), Planned.Outcome.CREATE.name(), outcome.status().name(),
                        outcome.quote().categoryCode(), outcome.quote().priceCents(), null));
    }

    /**
     * Staff import the list on behalf of its delegation: the privacy consent is recorded as given (the head of
     * the delegation collected it); no custom answers (an event with a required question refuses the rows).
     */
    private static RegistrationRequest request(PersonForm person, ParticipantType type, List<Long> sessionIds,
                                               boolean waitingList) {
        return RegistrationRequest.builder()
                .name(person.firstName(), person.lastName()).functionTitle(person.functionTitle())
                .email(person.email()).phone(person.phone()).organisationId(person.organisationId())
                .participantType(type).consent(true).sessionIds(sessionIds).waitingList(waitingList).locale("fr")
                .build();
    }

    /** A refusal of the registration rules, on the column of the field it concerns. */
    private static RowProblem problem(ImportRow row, Problem p) {
        String field = Objects.toString(p.field(), "");
        ImportField column = switch (field) {
            case "firstName" -> FIRST_NAME;
            case "lastName" -> LAST_NAME;
            case "functionTitle" -> FUNCTION;
            case "email" -> EMAIL;
            case "phone" -> PHONE;
            case "organisationId", "organisationName" -> ORGANISATION;
            case "participantType" -> PARTICIPANT_TYPE;
            case "sessionIds" -> SESSIONS;
            default -> null;
        };
        return new RowProblem(row.line(), column == null ? null : row.column(column), p.code(),
                p.args().stream().map(String::valueOf).toList());
    }

    private static ParticipantType participantType(ImportRow row, Optional<PersonMatcher.Match> person,
                                                   List<RowProblem> problems) {
        if (row.has(PARTICIPANT_TYPE)) {
            Optional<ParticipantType> type = ParticipantTypes.parse(row.get(PARTICIPANT_TYPE));
            if (type.isEmpty()) {
                problems.add(row.problem(PARTICIPANT_TYPE, "unknown_participant_type", row.get(PARTICIPANT_TYPE)));
                return null;
            }
            return type.get();
        }
        return person.map(p -> p.form().electedOfficial()).orElse(false)
                ? ParticipantType.ELECTED_OFFICIAL : ParticipantType.OFFICER;
    }

    /** Session titles separated by "|" or line breaks (a title may contain commas). */
    private static List<Long> sessions(ImportRow row, Map<String, Long> sessionIds, List<RowProblem> problems) {
        if (!row.has(SESSIONS)) {
            return List.of();
        }
        Set<Long> chosen = new LinkedHashSet<>();
        for (String title : row.get(SESSIONS).split("[|\\n\\r]+")) {
            if (title.isBlank()) {
                continue;
            }
            Long id = sessionIds.get(HeaderNames.words(title));
            if (id == null) {
                problems.add(row.problem(SESSIONS, "unknown_session", title.strip()));
            } else {
                chosen.add(id);
            }
        }
        return List.copyOf(chosen);
    }
}
