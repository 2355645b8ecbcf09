package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.csvio.CsvFiles;
import fr.cuf.rencontres.staff.Role;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.Fixtures;
import fr.cuf.rencontres.support.TestTokens;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.sql.DataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import pages in a real browser (Debian chromium, headless): the file goes up with a progress bar (the page's
 * script posts the form itself), the preview comes back, and the commit lands on the report with the rows written.
 * Skipped, visibly, without chromium and chromedriver.
 */
@DatabaseTest
class ImportPageBrowserTest {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Inject EmbeddedServer server;
    @Inject DataSource dataSource;
    @Inject Fixtures fixtures;
    @Inject TestTokens apiTokens;

    ChromeDriver driver;

    @BeforeEach
    void data() {
        Assumptions.assumeTrue(new File(CHROMEDRIVER).canExecute() && new File("/usr/bin/chromium").canExecute(),
                "SKIPPED: chromium or chromedriver missing (apt-get install -y chromium chromium-driver)");
        TestDatabase.clean(dataSource);
        fixtures.staff("desk", Role.REGISTRATION_DESK);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void a_file_goes_up_with_its_progress_then_the_preview_and_the_commit_write_the_rows() throws Exception {
        Path file = Files.createTempFile("organisations", ".csv");
        Files.write(file, CsvFiles.organisations(300, 1), StandardCharsets.UTF_8);
        open();
        driver.get(server.getURL() + "/staff/imports");
        assertTrue(driver.findElement(By.id("upload-progress")).getAttribute("hidden") != null,
                "the progress bar waits for a file");
        driver.findElement(By.id("file")).sendKeys(file.toString());
        driver.executeScript("window.sameWindow = true");
        driver.findElement(By.cssSelector("form[data-progress] button[type=submit]")).click();

        waitFor(d -> d.getCurrentUrl().matches(".*/staff/imports/[^/]+$")
                && d.findElement(By.tagName("h1")).getText().startsWith("Aperçu de l'import"));
        assertEquals(Boolean.TRUE, driver.executeScript("return window.sameWindow === true"),
                "the page's script sent the file (with its progress), not a plain form navigation");
        assertEquals(0, organisations(), "the preview writes nothing");

        driver.findElement(By.cssSelector("form[data-progress] button[type=submit]")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/report")
                && d.findElement(By.tagName("h1")).getText().startsWith("Rapport d'import"));
        assertEquals(300, organisations());
        Files.deleteIfExists(file);
    }

    private long organisations() throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM organisation")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1280,1000", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer "
                + apiTokens.of("desk"))));
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            String source = driver.getPageSource();
            throw new AssertionError("timed out at " + driver.getCurrentUrl() + "\n"
                    + source.substring(0, Math.min(3000, source.length())), e);
        }
    }
}
