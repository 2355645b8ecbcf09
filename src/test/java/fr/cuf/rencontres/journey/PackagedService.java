package fr.cuf.rencontres.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The packaged service as a person meets it: the fat jar built by {@code package}, started as its own process
 * (not an in-JVM context) on a free port, in a fresh working directory, so the embedded H2 file database is new
 * and the demo data loads as on a newcomer's machine.
 * <p>
 * {@link #restartAt(String)} stops it and starts it again on the same database with another clock, to rehearse
 * another day on data that was loaded at the first start (the demo data is loaded once and never moves).
 * The service's output goes to {@code target/journeys/<name>/service.log}.
 */
public final class PackagedService implements AutoCloseable {

    // -Djourney.startTimeout=<seconds>: a shared, loaded machine can take longer than two minutes to start the jar
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("journey.startTimeout", 120));

    private final String name;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Process process;
    private String clock;

    private PackagedService(String name, Map<String, String> settings) {
        this.name = name;
        this.settings.putAll(settings);
        this.port = freePort();
        try {
            this.workDir = Files.createTempDirectory("rencontres-" + name + "-");
            Path dir = Journeys.outputDir(name);
            this.log = dir.resolve("service.log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service for the journey or crawl {@code name}, at today's date, with mail sent to {@code mailbox} if given. */
    public static PackagedService start(String name, Mailbox mailbox) {
        return start(name, mailbox, null, Map.of());
    }

    /**
     * @param clock    ISO-8601 instant with offset for {@code RENCONTRES_CLOCK_FIXED}, or null for the real clock
     * @param settings more environment variables of the service (e.g. {@code RENCONTRES_REGISTRATION_RATE_LIMIT_PER_MINUTE})
     */
    public static PackagedService start(String name, Mailbox mailbox, String clock, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        if (mailbox != null) {
            all.put("RENCONTRES_MAIL_ENABLED", "true");
            all.put("RENCONTRES_MAIL_HOST", "127.0.0.1");
            all.put("RENCONTRES_MAIL_PORT", String.valueOf(mailbox.port()));
            all.put("RENCONTRES_MAIL_POLL_INTERVAL", "500ms");
        }
        all.putAll(settings);
        PackagedService service = new PackagedService(name, all);
        service.launch(clock);
        return service;
    }

    /** Stops the service and starts it again on the same database, its clock fixed at {@code clock} (ISO-8601). */
    public void restartAt(String clock) {
        stop();
        launch(clock);
    }

    /**
     * Stops the service until {@link #resume()}: every browser then finds no server, its service workers too
     * (DevTools' offline emulation, {@link Browser#offline}, cuts a page but not the page's service worker).
     */
    public void suspend() {
        stop();
    }

    /** Starts the service again after {@link #suspend()}, on the same database, port and clock. */
    public void resume() {
        launch(clock);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    public int port() {
        return port;
    }

    /** The fixed clock of the running service, if any. */
    public Optional<String> clock() {
        return Optional.ofNullable(clock);
    }

    public String name() {
        return name;
    }

    private void launch(String fixedClock) {
        this.clock = fixedClock;
        Path jar = Journeys.jar();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString()).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        // the test JVM's own database settings (PostgreSQL pass) must not leak into the packaged service
        env.keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("RENCONTRES_")
                || key.equals("MICRONAUT_ENVIRONMENTS"));
        env.put("PORT", String.valueOf(port));
        env.put("RENCONTRES_PUBLIC_URL", baseUrl());
        if (fixedClock != null) {
            env.put("RENCONTRES_CLOCK_FIXED", fixedClock);
        }
        env.putAll(settings);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.writeString(log, "\n=== start " + Instant.now() + " clock=" + fixedClock + " " + settings + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the packaged service stopped during start (exit "
                        + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url("/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("the packaged service was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
