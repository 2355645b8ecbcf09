package fr.cuf.rencontres.config;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.annotation.Secured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A signed-in request must reach its controller on a thread that is not interrupted: the embedded
 * H2 file database closes its files when a thread doing I/O is interrupted, and then fails for every
 * request. The session check runs on the blocking pool; cancelling it used to interrupt that thread.
 */
@DatabaseTest
@Property(name = "spec.name", value = "SessionThreadTest")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SessionThreadTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @Test
    void signed_in_requests_run_on_threads_that_are_not_interrupted() {
        var http = client.toBlocking();
        HttpResponse<String> page = http.exchange(HttpRequest.GET("/login").accept(MediaType.TEXT_HTML), String.class);
        String csrf = page.getCookie("rencontres_csrf").orElseThrow().getValue();
        HttpResponse<String> login = http.exchange(HttpRequest.POST("/login",
                        Map.of("username", "desk", "password", Fixtures.PASSWORD, "csrfToken", csrf))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(Cookie.of("rencontres_csrf", csrf)),
                String.class);
        String session = login.getCookie("rencontres_session").orElseThrow().getValue();
        for (int i = 0; i < 30; i++) {
            String flag = http.retrieve(HttpRequest.GET("/test/thread-interrupted")
                    .cookie(Cookie.of("rencontres_session", session)));
            assertEquals("false", flag, "request " + i);
        }
    }

    @Requires(property = "spec.name", value = "SessionThreadTest")
    @Controller("/test/thread-interrupted")
    @Secured(Role.STAFF)
    static class InterruptProbe {
        @Get
        @Produces(MediaType.TEXT_PLAIN)
        String interrupted() {
            return String.valueOf(Thread.currentThread().isInterrupted());
        }
    }
}
