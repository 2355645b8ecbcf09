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

    private final People people;
    private final Clock clock;

    Registrants(People people, Clock clock) {
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

    void update(Long personId, String firstName, String lastName, @Nullable String functionTitle, @Nullable String phone) {
        people.update(personId, firstName, lastName, functionTitle, phone, clock.instant());
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface People extends GenericRepository<Person, Long> {

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
    }
}
