package fr.cuf.rencontres.web.site;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import fr.cuf.rencontres.calendar.FeedLinks;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code {{#calendarFeed "/groups/" group.slug "/meetings.ics" kind="group"}}…{{/calendarFeed}}}: the block
 * sees {@code webcal}, {@code https}, {@code google}, {@code download} of that feed and the {@code intro} text of its {@code kind}. Hash
 * values other than {@code kind} become query parameters when set (the home page's filters);
 * an English page links to the English feed.
 */
@Singleton
class CalendarLinksHelper implements BeanCreatedEventListener<Handlebars> {

    private final FeedLinks links;

    CalendarLinksHelper(FeedLinks links) {
        this.links = links;
    }

    @Override
    public Handlebars onCreated(BeanCreatedEvent<Handlebars> event) {
        Handlebars handlebars = event.getBean();
        handlebars.registerHelper("calendarFeed", (Helper<Object>) (first, options) -> {
            StringBuilder path = new StringBuilder(String.valueOf(first));
            for (Object part : options.params) {
                path.append(part);
            }
            StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
            options.hash.forEach((name, value) -> {
                if (!"kind".equals(name) && value != null && !String.valueOf(value).isBlank()) {
                    query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
                }
            });
            if ("en".equals(options.get("lang"))) {
                query.add("lang=en");
            }
            Map<String, Object> model = new HashMap<>(links.of(path + query.toString()));
            model.put("intro", "calendar.links.intro." + options.hash.getOrDefault("kind", "programme"));
            return options.fn(model);
        });
        return handlebars;
    }
}
