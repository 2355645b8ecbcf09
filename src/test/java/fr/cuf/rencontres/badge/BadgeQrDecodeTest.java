package fr.cuf.rencontres.badge;

import fr.cuf.rencontres.registration.ParticipantType;
import fr.cuf.rencontres.registration.Registration;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders badges to PNG with poppler's pdftoppm and decodes their QR codes with zbarimg, two tools
 * independent of ours; each decoded code must verify. Skipped, visibly, when the tools are absent
 * (apt-get install -y poppler-utils zbar-tools). The PDFs and PNGs stay in target/badge-samples.
 */
@DatabaseTest
@io.micronaut.context.annotation.Property(name = "rencontres.clock.fixed", value = "2026-07-08T09:30:00+02:00")
class BadgeQrDecodeTest {

    static final Path SAMPLES = Path.of("target", "badge-samples");

    @Inject DataSource dataSource;
    @Inject BadgeFixtures fixtures;
    @Inject BadgeService badges;
    @Inject BadgeTokens tokens;
    @Inject fr.cuf.rencontres.checkin.CheckinService checkins;

    BadgeFixtures.Conference conference;
    List<Registration> registrations = new ArrayList<>();

    @BeforeEach
    void data() {
        Assumptions.assumeTrue(onPath("pdftoppm") && onPath("zbarimg"),
                "SKIPPED: pdftoppm or zbarimg missing (apt-get install -y poppler-utils zbar-tools)");
        TestDatabase.clean(dataSource);
        conference = fixtures.conference();
        registrations.add(fixtures.register(conference.event(), "Aïssatou", "N'Diaye", "Adjointe au maire de Saint-Louis",
                conference.foreign(), ParticipantType.ELECTED_OFFICIAL));
        registrations.add(fixtures.register(conference.event(), "Jean-Baptiste", "de La Rochefoucauld-Montbel",
                BadgeServiceTest.LONG_FUNCTION, conference.dijon(), ParticipantType.OFFICER));
        registrations.add(fixtures.register(conference.event(), "Zoé", "Ørsted-Łukasiewicz", "Journaliste",
                null, ParticipantType.PRESS));
        registrations.add(fixtures.register(conference.event(), "Élise", "Bonneau", "Chargée de mission Afrique",
                conference.dijon(), ParticipantType.STAFF));
    }

    @Test
    void every_qr_code_of_an_a6_batch_decodes_to_a_valid_code() throws Exception {
        assertDecodes(BadgeLayout.A6, 150);
    }

    @Test
    void qr_codes_of_small_labels_decode_too() throws Exception {
        assertDecodes(BadgeLayout.A4_LABELS_90X54, 200);
    }

    private void assertDecodes(BadgeLayout layout, int dpi) throws Exception {
        BadgeService.Batch batch = badges.printBatch(conference.event().id(),
                new BadgeSelection(null, false, layout), "test");
        Files.createDirectories(SAMPLES);
        Path pdf = SAMPLES.resolve(layout.name() + ".pdf");
        Files.write(pdf, batch.pdf());
        run("pdftoppm", "-r", String.valueOf(dpi), "-png", pdf.toString(), SAMPLES.resolve(layout.name()).toString());
        Set<String> decoded = new TreeSet<>();
        try (var pngs = Files.list(SAMPLES)) {
            for (Path png : pngs.filter(p -> p.getFileName().toString().startsWith(layout.name() + "-")
                    && p.toString().endsWith(".png")).toList()) {
                String out = run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png.toString());
                decoded.addAll(Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            }
        }
        Set<Long> ids = new TreeSet<>();
        for (String code : decoded) {
            BadgeToken token = tokens.verify(code).orElseThrow(() -> new AssertionError("does not verify: " + code));
            assertEquals(conference.event().id(), token.eventId());
            ids.add(token.registrationId());
            // and the decoded code checks in at the door
            var result = checkins.scan(new fr.cuf.rencontres.checkin.ScanRequest(code, null, "entrance:2026-07-08",
                    "entry", "zbar-" + layout + "-" + token.registrationId(), null, null), "test");
            assertEquals(fr.cuf.rencontres.checkin.Outcome.OK, result.outcome(), code);
            assertEquals(token.registrationId(), result.registrationId());
        }
        assertEquals(new TreeSet<>(registrations.stream().map(Registration::id).toList()), ids,
                "one decodable code per badge");
    }

    static boolean onPath(String tool) {
        return Arrays.stream(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(process.exitValue() == 0 || command[0].equals("zbarimg"), String.join(" ", command) + ": " + out);
        return out;
    }
}
