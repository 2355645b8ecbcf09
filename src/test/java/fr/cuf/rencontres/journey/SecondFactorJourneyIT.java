package fr.cuf.rencontres.journey;

import fr.cuf.rencontres.support.TotpCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-factor sign-in (issue 18 item 4): the programme demo account turns it on from "Mon compte" (the journey reads
 * the key shown beside the QR code and computes the codes as an authenticator app would), signs out, signs in with
 * its password, is asked for the code, types a wrong one (the message stands beside the field), then the right one.
 * On the demo database the demo admin still signs in with its password alone (required-for-admin: auto).
 * Screenshots in target/journeys/second-factor/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorJourneyIT {

    private PackagedService service;
    private long lastStep = Long.MIN_VALUE;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        service = PackagedService.start("second-factor", null);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** The app's code now, or of the next step when this step's code was already used (a code passes once). */
    private String code(String secret) {
        long step = Math.max(Instant.now().getEpochSecond() / 30, lastStep + 1);
        lastStep = step;
        return TotpCodes.at(secret, Instant.ofEpochSecond(step * 30));
    }

    @Test
    void a_staff_member_turns_on_the_second_factor_and_signs_in_with_a_code() {
        try (Browser programme = new Browser("second-factor", service); Browser admin = new Browser("second-factor", service)) {
            programme.signIn("programme");
            programme.clickAndWait("Démo programme"); // the name in the menu leads to "Mon compte"
            assertTrue(programme.text().contains("Double authentification"), programme.text());
            programme.clickAndWait("Activer la double authentification");
            programme.clickAndWait("Commencer l'activation");
            assertNotNull(programme.find("[data-qr] svg"));
            String secret = programme.find("[data-secret]").getText();
            programme.screenshot("enrol-qr-code");

            programme.type("Code à 6 chiffres", "123");
            programme.clickAndWait("Activer");
            assertEquals("second_factor_invalid", programme.find("#code-error").getAttribute("data-code"));
            programme.type("Code à 6 chiffres", code(secret));
            programme.clickAndWait("Activer");
            programme.screenshot("recovery-codes");
            assertEquals(10, programme.findAll("[data-recovery-codes] li").size());
            programme.clickAndWait("J'ai noté mes codes de secours");
            assertEquals("active", programme.find("[data-factor-state]").getAttribute("data-factor-state"));

            programme.clickAndWait("Se déconnecter");
            programme.signIn("programme");
            assertEquals("/login/code", programme.path());
            assertNull(programme.cookie("rencontres_session"), "the password alone gives no session");
            programme.screenshot("code-step");
            programme.type("Code à 6 chiffres ou code de secours", "000000");
            programme.clickAndWait("Vérifier");
            programme.screenshot("code-refused");
            assertEquals("second_factor_invalid", programme.find("#code-error").getAttribute("data-code"));
            assertTrue(programme.text().contains("Code incorrect"), programme.text());
            programme.type("Code à 6 chiffres ou code de secours", code(secret));
            programme.clickAndWait("Vérifier");
            assertEquals("/staff", programme.path(), programme.text());
            programme.screenshot("signed-in");
            assertEquals(List.of(), programme.accessibilityProblems());

            admin.signIn("admin");
            assertEquals("/staff", admin.path(), "the demo admin needs no factor on the demo database");
        }
    }
}
