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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
        String[] change = changed(current, saved);
        audit.recordChange(actor, "person.updated", "person", id, saved.fullName(), change[0], change[1]);
        return saved;
    }

    /** The fields an edit changed, before and after ({@code "email: a@x.fr; phone: —"}), for the audit log. */
    static String[] changed(Person before, Person after) {
        java.util.List<String> was = new java.util.ArrayList<>();
        java.util.List<String> now = new java.util.ArrayList<>();
        java.util.Map<String, java.util.function.Function<Person, Object>> fields = new java.util.LinkedHashMap<>();
        fields.put("firstName", Person::firstName);
        fields.put("lastName", Person::lastName);
        fields.put("function", Person::functionTitle);
        fields.put("email", Person::email);
        fields.put("phone", Person::phone);
        fields.put("organisationId", Person::organisationId);
        fields.put("electedOfficial", Person::electedOfficial);
        fields.forEach((name, field) -> {
            Object a = field.apply(before);
            Object b = field.apply(after);
            if (!java.util.Objects.equals(a, b)) {
                was.add(name + ": " + (a == null ? "—" : a));
                now.add(name + ": " + (b == null ? "—" : b));
            }
        });
        return new String[]{was.isEmpty() ? null : String.join("; ", was), now.isEmpty() ? null : String.join("; ", now)};
    }

    /**
     * Creates many people at once (an import): each form is validated as by {@link #create}; organisations
     * and e-mails are checked with one query per thousand; rows and audit entries are written in batches.
     */
    @Transactional
    public List<Person> createAll(List<PersonForm> forms, String actor) {
        List<PersonForm> clean = validateAll(forms, Map.of());
        Instant now = clock.instant();
        List<Person> saved = new ArrayList<>(clean.size());
        save(() -> {
            persons.saveAll(clean.stream().map(c -> new Person(null, c.firstName(), c.lastName(), c.functionTitle(),
                    c.email(), c.phone(), c.organisationId(), Boolean.TRUE.equals(c.electedOfficial()), now, now, null))
                    .toList()).forEach(saved::add);
            return null;
        });
        Map<Long, String> details = new LinkedHashMap<>();
        saved.forEach(p -> details.put(p.id(), p.fullName()));
        audit.recordAll(actor, "person.created", "person", details);
        return saved;
    }

    /** Updates many people at once (an import), validated as by {@link #update}, written in batches. */
    @Transactional
    public void updateAll(Map<Long, PersonForm> forms, String actor) {
        if (forms.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(forms.keySet());
        Map<Long, Person> current = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            persons.findByIdIn(ids.subList(i, Math.min(i + 1000, ids.size()))).forEach(p -> current.put(p.id(), p));
        }
        if (current.size() != ids.size()) {
            throw DomainException.notFound("person_not_found");
        }
        List<PersonForm> clean = validateAll(new ArrayList<>(forms.values()), forms);
        Instant now = clock.instant();
        List<Person> changed = new ArrayList<>(ids.size());
        Map<Long, String> details = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Person p = current.get(ids.get(i));
            PersonForm c = clean.get(i);
            changed.add(new Person(p.id(), c.firstName(), c.lastName(), c.functionTitle(), c.email(), c.phone(),
                    c.organisationId(), Boolean.TRUE.equals(c.electedOfficial()), p.createdAt(), now, p.version()));
            details.put(p.id(), c.firstName() + " " + c.lastName());
        }
        save(() -> {
            persons.updateAll(changed);
            return null;
        });
        audit.recordAll(actor, "person.updated", "person", details);
    }

    /** Every form checked; {@code ids} gives the person each form updates (its own e-mail is not "taken"). */
    private List<PersonForm> validateAll(List<PersonForm> forms, Map<Long, PersonForm> ids) {
        List<PersonForm> clean = new ArrayList<>(forms.size());
        List<Problem> problems = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<Long> organisationIds = new HashSet<>();
        for (PersonForm form : forms) {
            PersonForm c = normalise(form);
            problems.addAll(check(c));
            if (c.email() != null && !emails.add(c.email())) {
                problems.add(Problem.field("email", "email_taken"));
            }
            if (c.organisationId() != null) {
                organisationIds.add(c.organisationId());
            }
            clean.add(c);
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        List<Long> orgs = new ArrayList<>(organisationIds);
        for (int i = 0; i < orgs.size(); i += 1000) {
            List<Long> chunk = orgs.subList(i, Math.min(i + 1000, orgs.size()));
            if (organisations.findByIdIn(chunk).size() != chunk.size()) {
                throw DomainException.invalid("organisationId", "organisation_not_found");
            }
        }
        Map<String, Long> owners = new java.util.HashMap<>();
        ids.forEach((id, form) -> {
            if (normalise(form).email() != null) {
                owners.put(normalise(form).email(), id);
            }
        });
        List<String> emailList = new ArrayList<>(emails);
        for (int i = 0; i < emailList.size(); i += 1000) {
            for (Person other : persons.findByEmailIn(emailList.subList(i, Math.min(i + 1000, emailList.size())))) {
                if (!other.id().equals(owners.get(other.email()))) {
                    throw DomainException.conflict("email", "email_taken");
                }
            }
        }
        return clean;
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
        return new PersonForm(trim(fr.cuf.rencontres.support.TextInputs.name(form.firstName())), trim(fr.cuf.rencontres.support.TextInputs.name(form.lastName())), trim(fr.cuf.rencontres.support.TextInputs.name(form.functionTitle())), email,
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
