package fr.cuf.rencontres.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Headless Debian Chromium driven by Selenium through the system chromedriver (nothing downloaded), acting as a
 * person on the packaged service: open a page, type into the field of a label, click what reads a text, pick from
 * a list, go offline. Each {@link #screenshot(String)} lands, numbered, in {@code target/journeys/<journey>/}.
 * <p>
 * Fields and buttons are found by what a person reads (label text, button text), so a journey breaks when the page
 * stops making sense to a person, not when a CSS class is renamed.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final PackagedService service;
    private final Path dir;
    private int step;
    private String axe;

    public Browser(String journey, PackagedService service) {
        this(journey, service, 1280, 900);
    }

    public Browser(String journey, PackagedService service, int width, int height) {
        Journeys.assumeBrowser();
        this.service = service;
        this.dir = Journeys.outputDir(journey);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(Journeys.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Journeys.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height, "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "download.default_directory", dir.resolve("downloads").toAbsolutePath().toString()));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.driver = new ChromeDriver(driverService, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        viewport(width, height);
    }

    /** Opens a path of the service ({@code /events/x}) or an absolute address (a link from a mail). */
    public Browser open(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : service.url(pathOrUrl));
        return this;
    }

    /** Saves a full-page screenshot as {@code NN-name.png} and returns its path. */
    public Path screenshot(String name) {
        step++;
        Path file = dir.resolve(String.format("%02d-%s.png", step, name.replaceAll("[^a-zA-Z0-9_-]+", "-")));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The visible text of the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    /** Path and query of the current page. */
    public String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Types into the field whose label reads {@code label} (after clearing it). */
    public Browser type(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Picks the option reading {@code option} in the list whose label reads {@code label}. */
    public Browser choose(String label, String option) {
        new Select(field(label)).selectByVisibleText(option);
        return this;
    }

    /** Ticks (or unticks) the checkbox or radio button whose label reads {@code label}. */
    public Browser check(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) {
            click(box);
        }
        return this;
    }

    /** Clicks the button, link or submit input that reads {@code text} (the first visible one). */
    public Browser click(String text) {
        click(clickable(text));
        return this;
    }

    /** Clicks and waits for the next page to load. */
    public Browser clickAndWait(String text) {
        WebElement target = clickable(text);
        click(target);
        new WebDriverWait(driver, WAIT).until(d -> isStale(target));
        waitForLoad();
        return this;
    }

    /** The field (input, select, textarea) that the label reading {@code label} names. */
    public WebElement field(String label) {
        List<WebElement> labels = driver.findElements(By.xpath("//label[contains(normalize-space(.), " + literal(label) + ")]"));
        for (WebElement l : labels) {
            String id = l.getAttribute("for");
            if (id != null && !id.isBlank()) {
                List<WebElement> byId = driver.findElements(By.id(id));
                if (!byId.isEmpty()) {
                    return byId.get(0);
                }
            }
            List<WebElement> nested = l.findElements(By.xpath(".//input|.//select|.//textarea"));
            if (!nested.isEmpty()) {
                return nested.get(0);
            }
        }
        List<WebElement> aria = driver.findElements(By.xpath("//*[@aria-label=" + literal(label) + "]"));
        if (!aria.isEmpty()) {
            return aria.get(0);
        }
        throw new NoSuchElementException("no field labelled '" + label + "' on " + path());
    }

    /** A CSS lookup, for what a person finds by place rather than by words (the n-th colleague block). */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the page's text contains {@code text}. */
    public Browser waitForText(String text) {
        try {
            // a page being replaced (a form just sent) makes the old body stale: read the new one
            new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> text().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + text + "' did not appear on " + path() + "; the page reads:\n" + text());
        }
        return this;
    }

    public <T> T waitFor(Supplier<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    T value = condition.get();
                    return value instanceof Boolean b && !b ? null : value;
                });
    }

    /** Signs in through the sign-in page as a demo account (password {@code demo-rencontres}). */
    public Browser signIn(String username) {
        return signIn(username, fr.cuf.rencontres.demo.DemoDataLoader.DEMO_PASSWORD);
    }

    /** Signs in through the sign-in page with this password. */
    public Browser signIn(String username, String password) {
        open("/login");
        type("Identifiant", username);
        field("Mot de passe").sendKeys(password);
        field("Mot de passe").submit();
        waitForLoad();
        return this;
    }

    /**
     * Sets the viewport as DevTools' device toolbar does (e.g. 390 x 844 for a phone, touch and mobile layout): a
     * desktop window cannot be narrower than about 500 px, so resizing the window would not show a phone's width.
     */
    public Browser viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(Math.max(width, 800), Math.max(height, 600)));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 768));
        return this;
    }

    /** How wide the page's content is, in CSS pixels; wider than the viewport means a side scroll on a phone. */
    public long contentWidth() {
        return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")).longValue();
    }

    public long viewportWidth() {
        return ((Number) js("return window.innerWidth")).longValue();
    }

    /** Cuts (or restores) the network, as DevTools' "Offline" does. */
    public Browser offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Downloads an address with the browser's cookies (a badge PDF, a CSV, a feed), as the browser's own download
     * would, and returns its bytes; fails on any status but 200.
     */
    public byte[] download(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : service.url(pathOrUrl);
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** axe-core's serious and critical violations on the current page, one line each (empty when none). */
    public List<String> accessibilityProblems() {
        if (axe == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        js(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({"
                        + "id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                        + ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"))
                .toList();
    }

    /**
     * What the page's console reported as errors since the last call: a script that failed, a resource refused by
     * the Content-Security-Policy, a 404 asset. A person sees nothing of it but a button that does nothing.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The Selenium driver, for what the methods above do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private WebElement clickable(String text) {
        String t = literal(text);
        String xpath = "//button[contains(normalize-space(.), " + t + ")] | //a[contains(normalize-space(.), " + t + ")]"
                + " | //input[(@type='submit' or @type='button') and contains(@value, " + t + ")]"
                + " | //*[@role='button' and contains(normalize-space(.), " + t + ")]";
        return driver.findElements(By.xpath(xpath)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new NoSuchElementException("nothing to click reading '" + text + "' on " + path()
                        + "; the page reads:\n" + text()));
    }

    private void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void waitForLoad() {
        new WebDriverWait(driver, WAIT).until(d -> "complete".equals(js("return document.readyState")));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // while the old document is torn down, Chrome may answer this instead of "stale element"
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** An XPath string literal for any text, quotes included. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
