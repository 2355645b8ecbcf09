package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.mail.OutboxSeal;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff account pages (issue 19): invitation, one-time link, roles, the last admin, disable; all audited. */
@DatabaseTest
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class StaffAccountsPagesTest {

    @Inject @Client("/") HttpClient client;
    @Inject Fixtures fixtures;
    @Inject OutboxSeal seal;
    @Inject DataSource dataSource;

    @BeforeEach
    void clean() {
        TestDatabase.clean(dataSource);
        fixtures.staff("alice", Role.ADMIN);
        fixtures.staff("bob", Role.REGISTRATION_DESK);
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void an_invited_account_sets_its_password_by_the_mailed_link_once_and_signs_in() throws SQLException {
        Browser admin = new Browser(client).login("alice", Fixtures.PASSWORD);
        HttpResponse<String> answer = admin.post("/staff/accounts", form("username", "camille", "displayName",
                "Camille Martin", "email", "camille@example.org", "role_REGISTRATION_DESK", "on"));
        assertEquals(303, answer.getStatus().getCode(), Browser.body(answer));
        // the invitation waits in the mail outbox with its link sealed; the mail opens it when it leaves
        String secret = seal.open(text("SELECT link_secret FROM mail_outbox WHERE recipient = 'camille@example.org' AND kind = 'STAFF_INVITATION'"));

        Browser camille = new Browser(client);
        assertTrue(Browser.body(camille.get("/account/password/" + secret)).contains("camille"));
        answer = camille.post("/account/password/" + secret, form("password", "court", "confirmation", "court"));
        assertEquals(422, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("password_too_short"));
        answer = camille.post("/account/password/" + secret, form("password", "trois petits chats", "confirmation",
                "trois petits chats"));
        assertEquals("/login?done=password_set", answer.getHeaders().get("Location"));
        assertEquals(410, camille.post("/account/password/" + secret, form("password", "quatre petits chats",
                "confirmation", "quatre petits chats")).getStatus().getCode(), "a link works once");

        camille.login("camille", "trois petits chats");
        assertEquals(200, camille.get("/staff/registrations").getStatus().getCode());
        assertEquals(403, camille.get("/staff/accounts").getStatus().getCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'account_invited' AND actor = 'alice'"));
    }

    @Test
    void an_invitation_with_a_bad_address_is_refused_beside_the_field_keeping_what_was_typed() {
        Browser admin = new Browser(client).login("alice", Fixtures.PASSWORD);
        HttpResponse<String> answer = admin.post("/staff/accounts", form("username", "camille", "displayName",
                "Camille Martin", "email", "not-an-address"));
        assertEquals(422, answer.getStatus().getCode());
        String page = Browser.body(answer);
        assertTrue(page.contains("id=\"email-error\" data-code=\"email_invalid\""), page);
        assertTrue(page.contains("data-code=\"roles_required\""), page);
        assertTrue(page.contains("value=\"Camille Martin\""), page);
    }

    @Test
    void the_last_admin_cannot_remove_its_own_admin_role_nor_be_disabled() throws SQLException {
        Browser admin = new Browser(client).login("alice", Fixtures.PASSWORD);
        long alice = id("alice");
        HttpResponse<String> answer = admin.post("/staff/accounts/" + alice, form("displayName", "Alice", "email",
                "alice@example.org", "role_PROGRAMME", "on"));
        assertEquals(409, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("data-code=\"last_admin\""), Browser.body(answer));
        assertEquals(409, admin.post("/staff/accounts/" + alice + "/disable", Map.of()).getStatus().getCode());

        // with a second admin, it can
        assertEquals(303, admin.post("/staff/accounts/" + id("bob"), form("displayName", "Bob", "email",
                "bob@example.org", "role_ADMIN", "on")).getStatus().getCode());
        assertEquals(303, admin.post("/staff/accounts/" + alice, form("displayName", "Alice", "email",
                "alice@example.org", "role_PROGRAMME", "on")).getStatus().getCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'account_changed' AND entity_id = " + alice));
    }

    @Test
    void a_disabled_account_is_signed_out_and_cannot_sign_in_again() throws SQLException {
        Browser bob = new Browser(client).login("bob", Fixtures.PASSWORD);
        Browser admin = new Browser(client).login("alice", Fixtures.PASSWORD);
        assertEquals(303, admin.post("/staff/accounts/" + id("bob") + "/disable", Map.of()).getStatus().getCode());
        assertFalse(bob.get("/staff").getStatus().getCode() == 200);
        HttpResponse<String> answer = new Browser(client).post("/login", form("username", "bob", "password", Fixtures.PASSWORD));
        assertEquals("/login?error=login_failed", answer.getHeaders().get("Location"));
        assertTrue(Browser.body(admin.get("/staff/accounts/" + id("bob"))).contains("account_disabled"));
    }

    @Test
    void only_admins_open_the_account_pages_and_everyone_opens_their_own() {
        Browser bob = new Browser(client).login("bob", Fixtures.PASSWORD);
        assertEquals(403, bob.get("/staff/accounts").getStatus().getCode());
        assertEquals(200, bob.get("/staff/me").getStatus().getCode());
        HttpResponse<String> answer = bob.post("/staff/me/tokens", form("name", "mon script"));
        assertEquals(200, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("rct_"), "the new token is shown once");
        assertFalse(Browser.body(bob.get("/staff/me")).contains("rct_"), "and never again");
    }

    @Test
    void changing_ones_password_ends_the_session_and_the_new_one_signs_in() {
        Browser bob = new Browser(client).login("bob", Fixtures.PASSWORD);
        HttpResponse<String> answer = bob.post("/staff/me/password", form("current", "not-it", "password",
                "une phrase assez longue", "confirmation", "une phrase assez longue"));
        assertEquals(422, answer.getStatus().getCode());
        assertTrue(Browser.body(answer).contains("id=\"current-error\" data-code=\"current_password_wrong\""));
        answer = bob.post("/staff/me/password", form("current", Fixtures.PASSWORD, "password",
                "une phrase assez longue", "confirmation", "une phrase assez longue"));
        assertEquals("/login?done=password_changed", answer.getHeaders().get("Location"));
        assertFalse(bob.get("/staff").getStatus().getCode() == 200, "the session ended with the change");
        new Browser(client).login("bob", "une phrase assez longue");
    }

    private long id(String username) throws SQLException {
        return count("SELECT id FROM staff_account WHERE username = '" + username + "'");
    }

    private String text(String sql) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
