package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** People (elected officials, officers, partners): the only way they are written, with an audit entry. */
@Singleton
public class PersonService {

    private final PersonRepository persons;
    private final OrganisationRepository organisations;
    private final AuditLog audit;
    private final Clock clock;

    PersonService(PersonRepository persons, OrganisationRepository organisations, AuditLog audit, Clock clock) {
        this.persons = persons;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    public Person get(long id) {
        return persons.findById(id).orElseThrow(() -> DomainException.notFound("person_not_found"));
    }

    @Transactional
    public Person create(PersonForm form, String actor) {
        PersonForm clean = validate(form, null);
        Instant now = clock.instant();
        Person saved = save(() -> persons.save(new Person(null, clean.firstName(), clean.lastName(),
                clean.functionTitle(), clean.email(), clean.phone(), clean.organisationId(),
                Boolean.TRUE.equals(clean.electedOfficial()), now, now, null)));
        audit.record(actor, "person.created", "person", saved.id(), saved.fullName());
        return saved;
    }

    @Transactional
    public Person update(long id, PersonForm form, String actor) {
        Person current = get(id);
        PersonForm clean = validate(form, id);
        Person saved = save(() -> persons.update(new Person(id, clean.firstName(), clean.lastName(),
                clean.functionTitle(), clean.email(), clean.phone(), clean.organisationId(),
                Boolean.TRUE.equals(clean.electedOfficial()), current.createdAt(), clock.instant(), current.version())));
        audit.record(actor, "person.updated", "person", id, saved.fullName());
        return saved;
    }

    /**
     * The check before the insert leaves a window: two staff saving the same e-mail at once. The
     * unique constraint closes it, and its refusal is reported like the check's.
     */
    private static Person save(Supplier<Person> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (isUniqueViolation(e)) {
                throw DomainException.conflict("email", "email_taken");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The form as it would be stored: trimmed, e-mail in lower case. */
    public PersonForm normalise(PersonForm form) {
        String email = trim(form.email()) == null ? null : trim(form.email()).toLowerCase(Locale.ROOT);
        return new PersonForm(trim(form.firstName()), trim(form.lastName()), trim(form.functionTitle()), email,
                trim(form.phone()), form.organisationId(), Boolean.TRUE.equals(form.electedOfficial()));
    }

    /** Every problem of a normalised form that needs no database; the organisation and e-mail are checked on write. */
    public List<Problem> check(PersonForm clean) {
        return new Validator()
                .required("firstName", clean.firstName())
                .maxLength("firstName", clean.firstName(), 120)
                .required("lastName", clean.lastName())
                .maxLength("lastName", clean.lastName(), 120)
                .maxLength("functionTitle", clean.functionTitle(), 300)
                .email("email", clean.email())
                .maxLength("email", clean.email(), 254)
                .maxLength("phone", clean.phone(), 40)
                .problems();
    }

    private PersonForm validate(PersonForm form, Long id) {
        PersonForm clean = normalise(form);
        List<Problem> problems = check(clean);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        if (clean.organisationId() != null && !organisations.existsById(clean.organisationId())) {
            throw DomainException.invalid("organisationId", "organisation_not_found");
        }
        if (clean.email() != null) {
            persons.findByEmail(clean.email()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw DomainException.conflict("email", "email_taken");
            });
        }
        return clean;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
