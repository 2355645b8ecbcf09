package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DatabaseTest
class LoginPageTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource); // no demo loader's trace left by another test class
    }

    @Test
    void outside_the_demo_database_the_sign_in_page_names_no_account_and_no_password() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/login").accept("text/html"));
        assertTrue(page.contains("name=\"password\""), page);
        assertFalse(page.contains("demo-accounts") || page.contains("demo-rencontres"), page);
    }
}
