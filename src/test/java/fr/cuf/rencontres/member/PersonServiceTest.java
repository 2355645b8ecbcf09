package fr.cuf.rencontres.member;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class PersonServiceTest {

    @Inject PersonService service;
    @Inject PersonRepository persons;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
    }

    private static PersonForm person(String first, String email) {
        return new PersonForm(first, "Martin", null, email, null, null, false);
    }

    @Test
    void email_is_normalised_and_unique_ignoring_case() {
        Person saved = service.create(person("Anne", "  Anne.Martin@Example.ORG "), "test");
        assertEquals("anne.martin@example.org", saved.email());
        DomainException e = assertThrows(DomainException.class,
                () -> service.create(person("Other", "ANNE.MARTIN@example.org"), "test"));
        assertEquals("email_taken", e.code());
        assertEquals("email", e.problems().get(0).field());
    }

    @Test
    void a_person_keeps_their_own_email_when_edited() {
        Person saved = service.create(person("Anne", "anne@example.org"), "test");
        Person edited = service.update(saved.id(), new PersonForm("Anne", "Martin-Durand", "Adjointe", "anne@example.org",
                null, null, true), "test");
        assertEquals("Martin-Durand", edited.lastName());
        assertTrue(edited.electedOfficial());
    }

    @Test
    void unknown_organisation_is_refused_on_its_field() {
        DomainException e = assertThrows(DomainException.class, () -> service.create(
                new PersonForm("Anne", "Martin", null, null, null, 987654L, false), "test"));
        assertEquals("organisation_not_found", e.code());
        assertEquals("organisationId", e.problems().get(0).field());
    }

    /**
     * Two desks saving the same e-mail at the same moment: both may pass the check before either
     * inserts; the unique constraint then refuses one, and it is reported as email_taken, not a 500.
     */
    @Test
    void concurrent_creations_with_one_email_give_one_person_and_one_email_taken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String email = "race" + round + "@example.org";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String first = "P" + i;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        try {
                            service.create(person(first, email), "test");
                            return "created";
                        } catch (DomainException e) {
                            return e.code();
                        }
                    }));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> f : outcomes) {
                    results.add(f.get());
                }
                assertEquals(1, results.stream().filter("created"::equals).count(), results.toString());
                assertEquals(3, results.stream().filter("email_taken"::equals).count(), results.toString());
                assertTrue(persons.findByEmail(email).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
