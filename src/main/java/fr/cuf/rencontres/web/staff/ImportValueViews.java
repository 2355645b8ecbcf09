package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.csvio.UnknownValue;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.support.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The unknown values of an import preview as the page shows them: one select of the known values per value. */
final class ImportValueViews {

    private ImportValueViews() {
    }

    static List<Map<String, Object>> of(List<UnknownValue> values, Messages messages, Locale locale) {
        List<Map<String, Object>> views = new ArrayList<>();
        int index = 0;
        for (UnknownValue v : values) {
            String selected = v.chosen() != null ? v.chosen() : v.suggestion();
            List<Map<String, Object>> options = new ArrayList<>();
            for (OrganisationKind kind : OrganisationKind.values()) {
                options.add(Map.of("value", v.value() + "=" + kind.name(),
                        "label", messages.get(locale, "enum.OrganisationKind." + kind.name()),
                        "selected", kind.name().equals(selected)));
            }
            Map<String, Object> view = new HashMap<>();
            view.put("index", index++);
            view.put("column", v.column());
            view.put("value", v.value());
            view.put("rows", v.rows());
            view.put("chosen", v.chosen() != null);
            view.put("suggested", v.chosen() == null && v.suggestion() != null);
            view.put("options", options);
            views.add(view);
        }
        return views;
    }
}
