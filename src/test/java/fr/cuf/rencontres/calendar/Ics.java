package fr.cuf.rencontres.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads feeds back with two parsers: ical4j, and Debian's python3-icalendar (independent of ical4j). */
final class Ics {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean pythonAvailable;

    private Ics() {
    }

    static Calendar parse(byte[] bytes) {
        try {
            return new CalendarBuilder().build(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("ical4j cannot parse the feed:\n" + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    static List<VEvent> events(byte[] bytes) {
        return parse(bytes).getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    static VEvent event(byte[] bytes, String uid) {
        return events(bytes).stream().filter(e -> e.getUid().orElseThrow().getValue().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError(uid + " not in the feed:\n" + text(bytes)));
    }

    static String prop(VEvent event, String name) {
        return event.getProperty(name).map(p -> p.getValue()).orElse(null);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Whether /usr/bin/python3 can import icalendar; says so loudly when it cannot. */
    static synchronized boolean pythonAvailable() {
        if (pythonAvailable == null) {
            boolean ok;
            try {
                Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import icalendar").redirectErrorStream(true).start();
                ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                ok = false;
            }
            if (!ok) {
                System.err.println("""

                        ******************************************************************
                        python3-icalendar checks SKIPPED: /usr/bin/python3 cannot import icalendar
                        Install it with: apt-get install -y python3-icalendar
                        ******************************************************************
                        """);
            }
            pythonAvailable = ok;
        }
        return pythonAvailable;
    }

    /** The JSON summary printed by src/test/resources/calendar/parse_ics.py. */
    static String python(byte[] bytes) throws IOException, InterruptedException, URISyntaxException {
        Path file = Files.createTempFile("feed", ".ics");
        try {
            Files.write(file, bytes);
            Path script = Path.of(Ics.class.getResource("/calendar/parse_ics.py").toURI());
            Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), file.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("python3-icalendar refused the feed: " + new String(err, StandardCharsets.UTF_8)
                        + "\n" + text(bytes));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
