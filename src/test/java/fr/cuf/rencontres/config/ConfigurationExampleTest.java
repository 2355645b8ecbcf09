package fr.cuf.rencontres.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * config/application-example.yml shows every {@code rencontres.*} setting the code reads, and nothing else under
 * {@code rencontres}. The settings of the code are the configuration metadata Micronaut writes at compile time
 * (every {@code @ConfigurationProperties} bean), plus what it cannot see: the {@code rencontres} tree of
 * application.yml and the {@code ${rencontres.…}} placeholders and {@code @Requires(property)} names of the
 * sources ({@code @Value}, {@code @Scheduled}). A setting added without its example line fails here.
 */
class ConfigurationExampleTest {

    private static final Path EXAMPLE = Path.of("config/application-example.yml");
    /** A setting shown commented out because it is unset by default: "# name: value" on a line of its own. */
    private static final Pattern COMMENTED_SETTING = Pattern.compile("^(\\s*)# ([a-z][a-z0-9-]*:(?: .*)?)$");
    private static final Pattern IN_SOURCES =
            Pattern.compile("(?:\\$\\{|property\\s*=\\s*\")(rencontres\\.[a-z0-9.-]*[a-z0-9])");

    @Test
    void the_example_shows_every_setting_of_the_code_and_no_other() throws IOException {
        Set<String> example = settings(flatten("", exampleWithUnsetSettings()));
        Set<String> code = new TreeSet<>(metadata());
        code.addAll(settings(flatten("", yaml(Files.readString(Path.of("src/main/resources/application.yml"))))));
        code.addAll(placeholdersInSources());

        Set<String> missing = new TreeSet<>(code);
        missing.removeAll(example);
        Set<String> unknown = new TreeSet<>(example);
        unknown.removeAll(code);
        // missing: a setting of the code without its example line; unknown: a typo, or a setting the code dropped
        assertEquals(Map.of("missing", Set.of(), "unknown", Set.of()), Map.of("missing", missing, "unknown", unknown),
                "rencontres.* settings of the code against " + EXAMPLE + " (add a line, commented out when unset)");
    }

    @Test
    void the_metadata_the_comparison_relies_on_is_generated() throws IOException {
        // an empty metadata file would make the comparison above rest on application.yml alone
        assertTrue(metadata().contains("rencontres.security.secret"), "configuration metadata: " + metadata());
    }

    @Test
    void every_setting_line_of_the_example_carries_a_comment() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean leaf = line.matches("\\s*#? ?[a-z][a-z0-9.-]*: \\S.*") && !line.trim().startsWith("- ");
            if (leaf) {
                assertTrue(line.contains(" # ") || lines.get(i - 1).trim().startsWith("#"),
                        EXAMPLE + " line " + (i + 1) + " has no comment: " + line);
            }
        }
    }

    /** The example with its commented-out settings uncommented, so that they count. */
    private static Map<String, Object> exampleWithUnsetSettings() throws IOException {
        String text = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8).stream().map(line -> {
            Matcher m = COMMENTED_SETTING.matcher(line);
            return m.matches() ? m.group(1) + m.group(2) : line;
        }).collect(Collectors.joining("\n"));
        return yaml(text);
    }

    /** The names under "properties" of the metadata (its "groups" name the configuration classes, not settings). */
    private static Set<String> metadata() throws IOException {
        try (InputStream in = ConfigurationExampleTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            if (in == null) {
                throw new AssertionError("target/classes/META-INF/spring-configuration-metadata.json is not on the classpath");
            }
            Set<String> names = new TreeSet<>();
            try (JsonParser json = new JsonFactory().createParser(in)) {
                String array = null;
                for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                    if (token == JsonToken.START_ARRAY && json.getParsingContext().getParent().getParent().inRoot()) {
                        array = json.currentName();
                    } else if (token == JsonToken.FIELD_NAME && "properties".equals(array) && "name".equals(json.currentName())
                            && json.getParsingContext().getParent().getParent().getParent().inRoot()) {
                        String name = json.nextTextValue();
                        if (name.startsWith("rencontres.")) {
                            names.add(name);
                        }
                    }
                }
            }
            return names;
        }
    }

    private static Set<String> placeholdersInSources() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IN_SOURCES.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> yaml(String text) {
        Map<String, Object> map = new Yaml().load(text);
        return map == null ? Map.of() : map;
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        Map<String, Object> flat = new java.util.TreeMap<>();
        tree.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = (Map<String, Object>) child;
                flat.putAll(flatten(name + ".", sub));
            } else {
                flat.put(name, value);
            }
        });
        return flat;
    }

    private static Set<String> settings(Map<String, Object> flat) {
        return flat.keySet().stream().filter(name -> name.startsWith("rencontres."))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
