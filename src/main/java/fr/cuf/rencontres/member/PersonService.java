package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** People CUF deals with: the only way they are written by staff. */
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
        PersonForm f = validate(form, null);
        Instant now = clock.instant();
        Person saved = save(() -> persons.save(new Person(null, f.firstName(), f.lastName(), f.functionTitle(),
                f.email(), f.phone(), f.organisationId(), f.electedOfficial(), now, now, null)));
        audit.record(actor, "person.created", "person", saved.id(), saved.fullName());
        return saved;
    }

    @Transactional
    public Person update(long id, PersonForm form, String actor) {
        Person current = get(id);
        PersonForm f = validate(form, id);
        Person saved = save(() -> persons.update(new Person(id, f.firstName(), f.lastName(), f.functionTitle(),
                f.email(), f.phone(), f.organisationId(), f.electedOfficial(), current.createdAt(), clock.instant(),
                current.version())));
        audit.record(actor, "person.updated", "person", id, saved.fullName());
        return saved;
    }

    /**
     * The check before the insert leaves a window: two staff saving the same e-mail at once. The
     * unique constraint closes it, and its refusal is reported like the check's.
     */
    private static Person save(java.util.function.Supplier<Person> write) {
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

    private PersonForm validate(PersonForm form, Long id) {
        String first = strip(form.firstName());
        String last = strip(form.lastName());
        String email = strip(form.email()) == null ? null : strip(form.email()).toLowerCase(Locale.ROOT);
        Validator v = new Validator()
                .required("firstName", first).maxLength("firstName", first, 120)
                .required("lastName", last).maxLength("lastName", last, 120)
                .maxLength("functionTitle", strip(form.functionTitle()), 300)
                .email("email", email).maxLength("email", email, 254)
                .maxLength("phone", strip(form.phone()), 40);
        if (form.organisationId() != null && organisations.findById(form.organisationId()).isEmpty()) {
            v.add(Problem.field("organisationId", "organisation_not_found"));
        }
        v.throwIfInvalid();
        if (email != null) {
            persons.findByEmail(email).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw DomainException.conflict("email", "email_taken");
            });
        }
        return new PersonForm(first, last, strip(form.functionTitle()), email, strip(form.phone()),
                form.organisationId(), Boolean.TRUE.equals(form.electedOfficial()));
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
