package fr.cuf.rencontres.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every text exists in French and in English: a key missing in one bundle would show as a raw key. */
class MessagesBundlesTest {

    @Test
    void every_french_text_has_an_english_twin_and_back() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/i18n").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            var french = files.filter(p -> p.getFileName().toString().endsWith("_fr.properties")).toList();
            assertFalse(french.isEmpty());
            for (Path fr : french) {
                Path en = fr.resolveSibling(fr.getFileName().toString().replace("_fr.", "_en."));
                assertEquals(keys(fr), keys(en), "keys of " + fr.getFileName() + " and " + en.getFileName());
            }
        }
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
