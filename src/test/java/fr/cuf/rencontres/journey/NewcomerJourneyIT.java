package fr.cuf.rencontres.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path of someone who has never used the service, on the packaged jar with the demo data at today's date:
 * home → the next Rencontres → its programme → Register → confirmation → the confirmation mail → the personal link
 * in it → the personal page shows the registration. Screenshots in target/journeys/newcomer/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewcomerJourneyIT {

    private Mailbox mailbox;
    private PackagedService service;

    @BeforeAll
    void start() {
        Journeys.assumeBrowser();
        mailbox = new Mailbox();
        service = PackagedService.start("newcomer", mailbox);
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void a_newcomer_finds_the_next_rencontres_registers_and_reaches_her_personal_page_from_the_mail() {
        try (Browser browser = new Browser("newcomer", service)) {
            browser.open("/");
            browser.screenshot("home");
            String home = browser.text();
            assertTrue(home.contains("Rencontres de l'action internationale"), "the home page shows the next Rencontres:\n" + home);
            assertTrue(home.indexOf("Rencontres de l'action internationale") < home.indexOf("Groupe-pays"),
                    "the next Rencontres comes before the group meetings");

            browser.clickAndWait("Rencontres de l'action internationale");
            browser.screenshot("edition");
            assertTrue(browser.path().startsWith("/events/rencontres-aict-"), browser.path());
            String edition = browser.text();
            assertTrue(edition.contains("Ouverture officielle"), "the edition page shows its programme:\n" + edition);

            browser.clickAndWait("S'inscrire");
            browser.screenshot("form");
            assertTrue(browser.path().endsWith("/register"), browser.path());

            browser.type("Prénom", "Inès").type("Nom", "Garnier").type("Adresse e-mail", "ines.garnier@example.org");
            browser.choose("Vous venez en tant que", "Technicien·ne");
            browser.choose("Organisation", "Ville de Dijon");
            browser.check("J'accepte");
            browser.screenshot("form-filled");
            browser.clickAndWait("Confirmer l'inscription");
            browser.screenshot("confirmation");
            String confirmation = browser.text();
            assertTrue(confirmation.contains("Inès") || confirmation.contains("inscription"), confirmation);
            String personalLink = browser.find("a.personal-link").getAttribute("href");
            assertTrue(personalLink.startsWith(service.baseUrl() + "/me/"),
                    "the confirmation page shows the absolute personal link: " + personalLink);

            Mailbox.Mail mail = mailbox.awaitMail("ines.garnier@example.org");
            assertTrue(mail.subject().contains("Rencontres") || mail.subject().contains("inscription"), mail.subject());
            String linkInMail = mail.link("/me/");
            assertEquals(personalLink, linkInMail, "the mail and the confirmation page give the same personal link");

            browser.open(linkInMail);
            browser.screenshot("personal-page");
            String personal = browser.text();
            assertTrue(personal.contains("Garnier"), personal);
            assertTrue(personal.contains("Rencontres de l'action internationale"), personal);
        }
    }
}
