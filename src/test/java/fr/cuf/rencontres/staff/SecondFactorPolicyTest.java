package fr.cuf.rencontres.staff;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondFactorPolicyTest {

    static final String H2_FILE = "jdbc:h2:file:./data/rencontres;MODE=PostgreSQL";
    static final String POSTGRES = "jdbc:postgresql://db/rencontres";

    private static SecondFactorPolicy policy(String setting, String url, long demoEntries) {
        return new SecondFactorPolicy(setting, new DemoDatabase(url, () -> demoEntries));
    }

    @Test
    void auto_requires_it_for_admins_except_on_the_embedded_demo_database() {
        assertFalse(policy("auto", H2_FILE, 42).requiredForAdmin(), "mn:run and demo walks sign in with the password");
        assertTrue(policy("auto", H2_FILE, 0).requiredForAdmin(), "an embedded database without the demo data");
        assertTrue(policy("auto", POSTGRES, 42).requiredForAdmin(), "demo data loaded into PostgreSQL (load: always)");
    }

    @Test
    void true_and_false_force_it() {
        assertTrue(policy("true", H2_FILE, 42).requiredForAdmin());
        assertFalse(policy("FALSE", POSTGRES, 0).requiredForAdmin());
        assertThrows(IllegalArgumentException.class, () -> policy("yes", POSTGRES, 0));
    }

    @Test
    void only_admins_are_bound_by_it() {
        SecondFactorPolicy required = policy("true", POSTGRES, 0);
        assertTrue(required.requiredFor(List.of("STAFF", "ADMIN", "PROGRAMME")));
        assertFalse(required.requiredFor(List.of("STAFF", "REGISTRATION_DESK", "SCANNER")));
        assertEquals(false, policy("false", POSTGRES, 0).requiredFor(List.of("STAFF", "ADMIN")));
    }
}
