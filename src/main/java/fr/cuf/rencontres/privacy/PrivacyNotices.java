package fr.cuf.rencontres.privacy;

import fr.cuf.rencontres.registration.RegistrationSettings;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy notice and its versions. Until an administrator publishes one, the notice is the built-in text of the
 * bundle under the version of the setting {@code rencontres.registration.privacy-version}. Publishing adds a version;
 * none is ever changed, so every consent record points to the text the person read.
 */
@Singleton
public class PrivacyNotices {

    static final int MAX_TEXT = 20000;
    private static final Duration CACHE = Duration.ofSeconds(30);

    private final PrivacyRepository sql;
    private final AuditLog audit;
    private final Clock clock;
    private final Messages messages;
    private final RegistrationSettings settings;
    private volatile Cached cached;

    private record Cached(PrivacyNotice notice, Instant until) {
    }

    PrivacyNotices(PrivacyRepository sql, AuditLog audit, Clock clock, Messages messages, RegistrationSettings settings) {
        this.sql = sql;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
        this.settings = settings;
    }

    /** The notice in force (read at most every 30 s: registrations ask for its version every time). */
    @Transactional
    public PrivacyNotice current() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.until())) {
            return c.notice();
        }
        PrivacyNotice notice = latest().orElseGet(this::builtIn);
        cached = new Cached(notice, now.plus(CACHE));
        return notice;
    }

    public String currentVersion() {
        return current().version();
    }

    /** One version, the built-in one included. */
    @Transactional
    public Optional<PrivacyNotice> version(String version) {
        if (version.equals(builtIn().version())) {
            return Optional.of(latestRows(version).stream().findFirst().orElseGet(this::builtIn));
        }
        return latestRows(version).stream().findFirst();
    }

    /** Every version, newest first, the built-in one last when no row replaced it. */
    @Transactional
    public List<PrivacyNotice> history() {
        List<PrivacyNotice> all = new ArrayList<>(sql.rows(
                "SELECT version, text_fr, text_en, published_at, published_by FROM privacy_notice ORDER BY id DESC")
                .stream().map(PrivacyNotices::notice).toList());
        if (all.stream().noneMatch(n -> n.version().equals(builtIn().version()))) {
            all.add(builtIn());
        }
        return all;
    }

    /** Publishes a new version; refused when a field is empty or too long, or the version name is taken. */
    @Transactional
    public PrivacyNotice publish(String version, String textFr, String textEn, String actor) {
        String v = version == null ? "" : version.strip();
        List<Problem> problems = new ArrayList<>();
        if (v.isEmpty()) {
            problems.add(Problem.field("version", "required"));
        } else if (v.length() > 40) {
            problems.add(Problem.field("version", "too_long", 40));
        } else if (version(v).isPresent()) {
            problems.add(Problem.field("version", "privacy_version_taken", v));
        }
        check(problems, "textFr", textFr);
        check(problems, "textEn", textEn);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        String previous = current().version();
        Instant now = clock.instant();
        sql.update("INSERT INTO privacy_notice (version, text_fr, text_en, published_at, published_by) VALUES (?, ?, ?, ?, ?)",
                v, textFr.strip(), textEn.strip(), now, actor);
        audit.recordChange(actor, "privacy_notice.published", "privacy_notice", null, v, previous, v);
        cached = null;
        return current();
    }

    private static void check(List<Problem> problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.add(Problem.field(field, "required"));
        } else if (text.length() > MAX_TEXT) {
            problems.add(Problem.field(field, "too_long", MAX_TEXT));
        }
    }

    private Optional<PrivacyNotice> latest() {
        return sql.rows("SELECT version, text_fr, text_en, published_at, published_by FROM privacy_notice "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY").stream().map(PrivacyNotices::notice).findFirst();
    }

    private List<PrivacyNotice> latestRows(String version) {
        return sql.rows("SELECT version, text_fr, text_en, published_at, published_by FROM privacy_notice WHERE version = ?",
                version).stream().map(PrivacyNotices::notice).toList();
    }

    private PrivacyNotice builtIn() {
        return new PrivacyNotice(settings.getPrivacyVersion(), messages.get(Locale.FRENCH, "privacy.builtIn"),
                messages.get(Locale.ENGLISH, "privacy.builtIn"), null, null);
    }

    private static PrivacyNotice notice(Map<String, Object> r) {
        return new PrivacyNotice((String) r.get("version"), (String) r.get("text_fr"), (String) r.get("text_en"),
                (Instant) r.get("published_at"), (String) r.get("published_by"));
    }
}
