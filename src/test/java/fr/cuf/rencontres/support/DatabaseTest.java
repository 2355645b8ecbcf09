package fr.cuf.rencontres.support;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that talks to the database. Runs twice in {@code ./mvnw verify}: on H2, then on PostgreSQL
 * (the "postgres" surefire execution selects the {@code db} tag). Not wrapped in a transaction, so
 * multi-step tests behave as in production; tests clean what they need with {@link TestDatabase}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag("db")
@ExtendWith(PostgresCondition.class)
@MicronautTest(transactional = false)
public @interface DatabaseTest {
}
