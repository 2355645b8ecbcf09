package fr.cuf.rencontres.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the harness finds the packaged jar and the system browser, and where it writes what a person looks at. */
public final class Journeys {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Journeys() {
    }

    /** The fat jar of {@code package} (failsafe passes its path; a run from an IDE finds it under target/). */
    static Path jar() {
        String configured = System.getProperty("journey.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("rencontres-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no packaged jar under target/: run ./mvnw package (or verify) first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code target/journeys/<name>/}, created. */
    public static Path outputDir(String name) {
        Path dir = Path.of(System.getProperty("journey.output", "target/journeys")).resolve(name);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test, loudly, when Debian's chromium or its driver is missing (.ci/run installs them). */
    public static void assumeBrowser() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            System.err.println("\n*** JOURNEY SKIPPED: " + missing
                    + " is missing. Install it with: apt-get install -y chromium chromium-driver ***\n");
        }
        assumeTrue(missing == null, "SKIPPED: " + missing + " is missing (apt-get install -y chromium chromium-driver)");
    }
}
