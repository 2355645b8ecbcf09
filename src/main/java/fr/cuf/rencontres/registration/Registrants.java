package fr.cuf.rencontres.registration;

import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds or creates the person behind a registration by e-mail, without a race: the insert is
 * {@code ON CONFLICT DO NOTHING} (a concurrent insert of the same e-mail waits, then does nothing), then
 * the row is read and brought up to date with what the registrant typed (they know their own name).
 */
@Singleton
class Registrants {

    private final RegistrantPersonRepository people;
    private final Clock clock;

    Registrants(RegistrantPersonRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    Person upsert(String firstName, String lastName, @Nullable String functionTitle, String email,
                  @Nullable String phone, @Nullable Long organisationId, boolean electedOfficial) {
        Instant now = clock.instant();
        String mail = normalise(email);
        people.insertIfAbsent(firstName, lastName, functionTitle, mail, phone, organisationId, electedOfficial, now);
        people.refresh(firstName, lastName, functionTitle, mail, phone, organisationId, electedOfficial, now);
        return people.findByEmail(mail).orElseThrow();
    }

    /** What a registrant typed about one person of a submission. */
    record Typed(String firstName, String lastName, @Nullable String functionTitle, String email,
                 @Nullable String phone, @Nullable Long organisationId, boolean electedOfficial) {
    }

    /**
     * Finds or creates the people of one submission and locks their rows (in id order, so two submissions
     * naming the same people take turns and never deadlock), in two statements for a newcomer: the
     * insert ({@code ON CONFLICT DO NOTHING}) and the locking read. A known person's row is brought up to
     * date only when what was typed differs (as {@link #upsert}). Returns the people by normalised e-mail.
     */
    java.util.Map<String, Person> upsertAndLock(java.util.List<Typed> typed) {
        Instant now = clock.instant();
        java.util.List<Typed> sorted = typed.stream()
                .sorted(java.util.Comparator.comparing(t -> normalise(t.email()))).toList();
        for (Typed t : sorted) {
            people.insertIfAbsent(t.firstName(), t.lastName(), t.functionTitle(), normalise(t.email()), t.phone(),
                    t.organisationId(), t.electedOfficial(), now);
        }
        java.util.Map<String, Person> locked = new java.util.HashMap<>();
        for (Person p : people.lockByEmails(sorted.stream().map(t -> normalise(t.email())).toList())) {
            locked.put(p.email(), p);
        }
        java.util.Map<String, Person> result = new java.util.TreeMap<>();
        for (Typed t : sorted) {
            String mail = normalise(t.email());
            Person p = locked.get(mail);
            if (differs(p, t)) {
                people.refresh(t.firstName(), t.lastName(), t.functionTitle(), mail, t.phone(), t.organisationId(),
                        t.electedOfficial(), now);
            }
            result.put(mail, p);
        }
        return result;
    }

    /** The condition of {@link RegistrantPersonRepository#refresh}, checked without a statement. */
    static boolean differs(Person p, Typed t) {
        return !p.firstName().equals(t.firstName()) || !p.lastName().equals(t.lastName())
                || (t.functionTitle() != null && !t.functionTitle().equals(p.functionTitle()))
                || (t.organisationId() != null && !t.organisationId().equals(p.organisationId()))
                || p.electedOfficial() != t.electedOfficial();
    }

    void update(Long personId, String firstName, String lastName, @Nullable String functionTitle, @Nullable String phone) {
        people.update(personId, firstName, lastName, functionTitle, phone, clock.instant());
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface RegistrantPersonRepository extends GenericRepository<Person, Long> {

        @Query("""
                INSERT INTO person (first_name, last_name, function_title, email, phone, organisation_id,
                                    elected_official, created_at, updated_at, version)
                VALUES (:firstName, :lastName, :functionTitle, :email, :phone, :organisationId, :electedOfficial,
                        :now, :now, 0)
                ON CONFLICT DO NOTHING""")
        void insertIfAbsent(String firstName, String lastName, @Nullable String functionTitle, String email,
                            @Nullable String phone, @Nullable Long organisationId, boolean electedOfficial, Instant now);

        @Query("""
                UPDATE person SET first_name = :firstName, last_name = :lastName,
                       function_title = COALESCE(:functionTitle, function_title), phone = COALESCE(:phone, phone),
                       organisation_id = COALESCE(:organisationId, organisation_id), elected_official = :electedOfficial,
                       updated_at = :now, version = version + 1
                 WHERE email = :email AND (first_name <> :firstName OR last_name <> :lastName
                       OR COALESCE(function_title, '') <> COALESCE(:functionTitle, function_title, '')
                       OR COALESCE(organisation_id, -1) <> COALESCE(:organisationId, organisation_id, -1)
                       OR elected_official <> :electedOfficial)""")
        void refresh(String firstName, String lastName, @Nullable String functionTitle, String email,
                     @Nullable String phone, @Nullable Long organisationId, boolean electedOfficial, Instant now);

        @Query("""
                UPDATE person SET first_name = :firstName, last_name = :lastName, function_title = :functionTitle,
                       phone = :phone, updated_at = :now, version = version + 1 WHERE id = :id""")
        void update(Long id, String firstName, String lastName, @Nullable String functionTitle, @Nullable String phone,
                    Instant now);

        Optional<Person> findByEmail(String email);

        @Query("SELECT * FROM person WHERE email IN (:emails) ORDER BY id FOR UPDATE")
        java.util.List<Person> lockByEmails(java.util.Collection<String> emails);
    }
}
