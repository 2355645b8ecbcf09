package fr.cuf.rencontres.web;

import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in form as a browser posts it: headers first, the body in a later packet. Over raw
 * sockets, because HTTP clients send both at once and would hide the failure of micronaut-security-csrf's
 * own filter (500), which {@link CsrfCheckFilter} replaces.
 */
@DatabaseTest
class CsrfProtectionTest {

    @Inject EmbeddedServer server;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void staff() {
        TestDatabase.clean(dataSource);
        fixtures.staff("alice", Role.ADMIN);
    }

    @Test
    void a_browser_signs_in_when_the_form_body_arrives_after_the_headers() throws Exception {
        String csrf = csrfCookie();
        String response = postLogin("username=alice&password=" + Fixtures.PASSWORD + "&csrfToken=" + csrf, csrf, true);
        assertTrue(response.startsWith("HTTP/1.1 303"), response);
        assertTrue(response.toLowerCase().contains("location: /staff"), response);
        assertTrue(response.contains("rencontres_session="), response);
    }

    @Test
    void a_forged_token_is_refused_with_403_and_no_session() throws Exception {
        String csrf = csrfCookie();
        String response = postLogin("username=alice&password=" + Fixtures.PASSWORD + "&csrfToken=forged", csrf, true);
        assertTrue(response.startsWith("HTTP/1.1 403"), response);
        assertTrue(response.contains("csrf_invalid"), response);
        assertFalse(response.contains("rencontres_session="), response);
    }

    @Test
    void a_form_without_its_token_is_refused() throws Exception {
        String csrf = csrfCookie();
        String response = postLogin("username=alice&password=" + Fixtures.PASSWORD, csrf, false);
        assertTrue(response.startsWith("HTTP/1.1 403"), response);
    }

    @Test
    void a_token_from_another_browser_does_not_match_this_cookie() throws Exception {
        String mine = csrfCookie();
        String theirs = csrfCookie();
        String response = postLogin("username=alice&password=" + Fixtures.PASSWORD + "&csrfToken=" + theirs, mine, false);
        assertTrue(response.startsWith("HTTP/1.1 403"), response);
    }

    private String csrfCookie() throws IOException {
        String page = exchange("GET /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n", "", false);
        Matcher m = Pattern.compile("rencontres_csrf=([^;\\s]+)").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    private String postLogin(String body, String csrfCookie, boolean split) throws IOException {
        String head = "POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html,*/*;q=0.8\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "Cookie: rencontres_csrf=" + csrfCookie + "\r\nConnection: close\r\n\r\n";
        return exchange(head, body, split);
    }

    private String exchange(String head, String body, boolean split) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (split) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
