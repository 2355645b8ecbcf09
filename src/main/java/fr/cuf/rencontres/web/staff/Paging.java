package fr.cuf.rencontres.web.staff;

import java.util.HashMap;
import java.util.Map;

/** Page numbers of a list (1-based), with the links' state for the template. */
record Paging(int page, int size, long total) {

    static Paging of(Integer requested, int size, long total) {
        int last = (int) Math.max(1, (total + size - 1) / size);
        int page = requested == null ? 1 : Math.min(Math.max(1, requested), last);
        return new Paging(page, size, total);
    }

    int offset() {
        return (page - 1) * size;
    }

    int last() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("page", page);
        m.put("last", last());
        m.put("total", total);
        if (page > 1) {
            m.put("previous", page - 1);
        }
        if (page < last()) {
            m.put("next", page + 1);
        }
        return m;
    }
}
