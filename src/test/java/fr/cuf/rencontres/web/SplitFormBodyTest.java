package fr.cuf.rencontres.web;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Browsers often send a form's body in a second packet, after the headers. Signing in must work then too.
 * It does not yet: micronaut-security-csrf 4.15.2 answers 500 ("newFilterContext is null", its CSRF filter
 * waits for the form body behind Micronaut Security's legacy filter: micronaut-security#1984, open).
 * Kept as the reproduction; enable it with the fix.
 */
@Disabled("KNOWN BUG, not fixed: POST forms whose body arrives after the headers (real browsers) get 500 "
        + "from micronaut-security-csrf 4.15.2 (micronaut-security#1984)")
@DatabaseTest
class SplitFormBodyTest {

    @Inject EmbeddedServer server;
    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void staff() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk1", Role.REGISTRATION_DESK);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 300})
    void sign_in_works_when_the_body_arrives_after_the_headers(int pauseMillis) throws Exception {
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/login").accept("text/html"),
                String.class);
        String csrf = page.getCookie("rencontres_csrf").orElseThrow().getValue();
        byte[] body = ("csrfToken=" + csrf + "&username=desk1&password=" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.US_ASCII);
        String head = "POST /login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Cookie: rencontres_csrf=" + csrf + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        String response = post(head.getBytes(StandardCharsets.US_ASCII), body, pauseMillis);
        assertTrue(response.startsWith("HTTP/1.1 303"), response);
        assertTrue(response.toLowerCase().contains("location: /staff"), response);
        assertTrue(response.contains("rencontres_session="), response);
    }

    private String post(byte[] head, byte[] body, int pauseMillis) throws IOException, InterruptedException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
