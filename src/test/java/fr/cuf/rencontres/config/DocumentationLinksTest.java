package fr.cuf.rencontres.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the README and of the manuals (src/site/markdown) points at a file that exists and, with
 * a {@code #fragment} into a Markdown file, at one of its headings (GitHub's anchors). Links to web addresses and
 * to the service's own paths ({@code /staff}) are not followed; links inside code are not links. An unclosed code
 * block, which would hide the rest of a page on GitHub, is reported too.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[^\\n]*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void every_relative_link_of_the_readme_and_the_manuals_points_at_a_file_and_heading() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(Path.of("README.md"));
        try (Stream<Path> manuals = Files.list(Path.of("src/site/markdown"))) {
            manuals.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        assertTrue(documents.size() > 5, "manuals found: " + documents);
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            broken.addAll(brokenLinks(document));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void an_unclosed_code_block_is_reported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# Title\n```sh\ncurl x\n## Next\n");
        assertEquals(List.of(dir.resolve("a.md") + ": a code block is not closed"), brokenLinks(dir.resolve("a.md")));
    }

    @Test
    void a_missing_file_and_a_missing_heading_are_reported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Title
                ## Prices, day passes & waiting lists
                [ok](b.md#the-rules) [ok](#prices-day-passes--waiting-lists) [web](https://example.org/x)
                [gone](c.md) [no heading](b.md#nothing) `[in code](d.md)`
                """);
        Files.writeString(dir.resolve("b.md"), "# The rules\n");
        assertEquals(List.of(dir.resolve("a.md") + ": c.md (no such file)",
                dir.resolve("a.md") + ": b.md#nothing (no such heading)"), brokenLinks(dir.resolve("a.md")));
    }

    static List<String> brokenLinks(Path document) throws IOException {
        long fences = read(document).lines().filter(line -> line.startsWith("```")).count();
        if (fences % 2 != 0) { // an unclosed code block swallows the headings and links after it
            return List.of(document + ": a code block is not closed");
        }
        String text = INLINE_CODE.matcher(FENCE.matcher(read(document)).replaceAll("")).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("[a-z]+:.*") || target.startsWith("/")) {
                continue; // a web address, or a path of the running service
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(file).normalize();
            if (!Files.exists(resolved)) {
                broken.add(document + ": " + target + " (no such file)");
            } else if (hash >= 0 && resolved.toString().endsWith(".md")
                    && !anchors(resolved).contains(target.substring(hash + 1))) {
                broken.add(document + ": " + target + " (no such heading)");
            }
        }
        return broken;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen. */
    static Set<String> anchors(Path document) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(FENCE.matcher(read(document)).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String unique = slug;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = slug + "-" + n;
            }
        }
        return anchors;
    }

    private static String read(Path document) throws IOException {
        return Files.readString(document, StandardCharsets.UTF_8);
    }
}
