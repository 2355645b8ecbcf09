package fr.cuf.rencontres.csvio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What staff said the values of a file mean: each unknown value of a column (an organisation type such as
 * « autorité locale étrangère ») with the known value it stands for. Given on the preview as
 * {@code "<value>=<KNOWN>"} entries; kept by {@link ValueMappingRepository} for the next import of the same kind.
 * Values are compared as headers are ({@link HeaderNames#key}).
 */
public final class ValueChoices {

    /** A value with what it means; {@code source} as the file spells it. */
    public record Choice(String source, String target) {
    }

    private final Map<String, Choice> byKey;

    private ValueChoices(Map<String, Choice> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    static final ValueChoices NONE = new ValueChoices(Map.of());

    /** From {@code "<value>=<KNOWN>"} entries; an entry without {@code =} or with an empty side is ignored. */
    public static ValueChoices parse(List<String> entries) {
        Map<String, Choice> map = new LinkedHashMap<>();
        if (entries != null) {
            for (String entry : entries) {
                int eq = entry == null ? -1 : entry.lastIndexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    continue;
                }
                String source = entry.substring(0, eq).strip();
                String key = HeaderNames.key(source);
                if (!key.isEmpty() && source.length() <= 200) {
                    map.put(key, new Choice(source, entry.substring(eq + 1).strip()));
                }
            }
        }
        return new ValueChoices(map);
    }

    static ValueChoices of(Map<String, Choice> byKey) {
        return new ValueChoices(new LinkedHashMap<>(byKey));
    }

    Optional<String> target(String value) {
        Choice choice = byKey.get(HeaderNames.key(value));
        return choice == null ? Optional.empty() : Optional.of(choice.target());
    }

    /** These choices over {@code stored} (the ones given now win). */
    ValueChoices over(ValueChoices stored) {
        Map<String, Choice> all = new LinkedHashMap<>(stored.byKey);
        all.putAll(byKey);
        return new ValueChoices(all);
    }

    Map<String, Choice> byKey() {
        return byKey;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** As entries for a form or a query: {@code "<value>=<KNOWN>"}. */
    public List<String> entries() {
        return byKey.values().stream().map(c -> c.source() + "=" + c.target()).toList();
    }
}
