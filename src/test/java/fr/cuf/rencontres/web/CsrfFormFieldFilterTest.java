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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forms whose body arrives in a second TCP packet, as browsers send them. Before CsrfFormFieldFilter,
 * micronaut-security-csrf's body-reading resolver made these fail with a 500 (NullPointerException
 * "newFilterContext is null" in Micronaut's legacy filter chain).
 */
@DatabaseTest
class CsrfFormFieldFilterTest {

    @Inject EmbeddedServer server;
    @Inject Fixtures fixtures;
    @Inject DataSource dataSource;

    @BeforeEach
    void data() {
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @Test
    void login_and_staff_forms_sent_in_two_packets_are_processed() throws Exception {
        String page = exchange("GET /login HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nConnection: close\r\n\r\n", null);
        String csrf = find(page, "rencontres_csrf=([^;]+)");
        for (int i = 0; i < 5; i++) {
            String login = post("/login", "rencontres_csrf=" + csrf,
                    "username=desk&password=" + Fixtures.PASSWORD + "&csrfToken=" + enc(csrf));
            assertEquals("303", status(login), login);
            String session = find(login, "rencontres_session=([^;]+)");
            String refused = post("/staff/organisations", "rencontres_csrf=" + csrf + "; rencontres_session=" + session,
                    "name=&kind=COMMUNE&country=FR&csrfToken=" + enc(csrf));
            assertEquals("422", status(refused), "validation ran, no 500");
            assertTrue(refused.contains("data-code=\"required\""));
        }
    }

    @Test
    void a_wrong_token_in_a_split_form_is_still_refused() throws Exception {
        String page = exchange("GET /login HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nConnection: close\r\n\r\n", null);
        String csrf = find(page, "rencontres_csrf=([^;]+)");
        String login = post("/login", "rencontres_csrf=" + csrf,
                "username=desk&password=" + Fixtures.PASSWORD + "&csrfToken=" + enc("x" + csrf));
        assertEquals("403", status(login));
        assertTrue(login.contains("data-code=\"csrf_refused\""));
    }

    private String post(String path, String cookies, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + path + " HTTP/1.1\r\nHost: t\r\nAccept: text/html,*/*;q=0.8\r\nCookie: " + cookies
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n", bytes);
    }

    /** Writes the head, waits, then writes the body: two TCP packets. */
    private String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (body != null) {
                sleep();
                out.write(body);
                out.flush();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String status(String response) {
        return response.split(" ", 3)[1];
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
