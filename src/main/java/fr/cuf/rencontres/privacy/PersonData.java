package fr.cuf.rencontres.privacy;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The access export of one person (GDPR article 15): everything held about them, as {@code data.json} and one CSV
 * per kind of record, in a zip. Dietary and accessibility needs only when asked explicitly. Every export is audited.
 */
@Singleton
public class PersonData {

    private final PrivacyRepository sql;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    PersonData(PrivacyRepository sql, AuditLog audit, JsonMapper json, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A zip ready to download, and its file name. */
    public record Export(String fileName, byte[] zip) {
    }

    /** The person's data, asked by staff. */
    @Transactional
    public Export ofPerson(long personId, boolean withNeeds, String actor) {
        return export(personId, withNeeds, actor);
    }

    /** The data of the person a registration belongs to, asked from their personal page. */
    @Transactional
    public Export ofRegistration(long registrationId, boolean withNeeds) {
        List<Long> person = sql.ids("SELECT person_id FROM registration WHERE id = ?", registrationId);
        if (person.isEmpty()) {
            throw DomainException.notFound("registration_not_found");
        }
        return export(person.get(0), withNeeds, "personal-link");
    }

    private Export export(long personId, boolean withNeeds, String actor) {
        Map<String, List<Map<String, Object>>> sections = collect(personId, withNeeds);
        if (sections.get("person").isEmpty()) {
            throw DomainException.notFound("person_not_found");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", now.toString());
        document.put("controller", "Cités Unies France");
        document.put("withNeeds", withNeeds);
        sections.forEach((name, rows) -> document.put(name, rows.stream().map(PersonData::printable).toList()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "data.json", json.writeValueAsBytes(document));
            for (Map.Entry<String, List<Map<String, Object>>> s : sections.entrySet()) {
                entry(zip, s.getKey() + ".csv", csv(s.getKey(), s.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(actor, "person.data_exported", "person", personId, withNeeds ? "with needs" : "without needs");
        return new Export("donnees-personnelles-" + personId + "-" + LocalDate.ofInstant(now, java.time.ZoneOffset.UTC) + ".zip",
                bytes.toByteArray());
    }

    Map<String, List<Map<String, Object>>> collect(long personId, boolean withNeeds) {
        Map<String, List<Map<String, Object>>> s = new LinkedHashMap<>();
        s.put("person", sql.rows("""
                SELECT p.id, p.first_name, p.last_name, p.function_title, p.email, p.phone, p.elected_official,
                       o.name AS organisation, p.created_at, p.updated_at
                FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?""", personId));
        s.put("registrations", sql.rows("""
                SELECT r.id, e.title AS event, e.starts_at AS event_starts_at, r.participant_type, r.status,
                       r.price_category, r.price_cents, d.email, d.locale, d.interpretation_language,
                       d.consent_version, d.consented_at, d.source, r.created_at, r.updated_at"""
                + (withNeeds ? ", d.dietary_needs, d.accessibility_needs" : "") + """

                FROM registration r JOIN event e ON e.id = r.event_id
                LEFT JOIN registration_detail d ON d.registration_id = r.id
                WHERE r.person_id = ? ORDER BY r.id""", personId));
        s.put("answers", sql.rows("""
                SELECT a.registration_id, q.label_fr AS question, a.answer FROM registration_answer a
                JOIN registration_question q ON q.id = a.question_id JOIN registration r ON r.id = a.registration_id
                WHERE r.person_id = ? ORDER BY a.registration_id, q.position""", personId));
        s.put("sessions", sql.rows("""
                SELECT rs.registration_id, es.title AS session, es.starts_at, rs.status FROM registration_session rs
                JOIN event_session es ON es.id = rs.session_id JOIN registration r ON r.id = rs.registration_id
                WHERE r.person_id = ? ORDER BY rs.registration_id, es.starts_at""", personId));
        s.put("badges", sql.rows("""
                SELECT r.id AS registration_id, r.badge_version AS current_badge_version, b.badge_version AS printed_version,
                       pr.printed_at FROM registration r
                LEFT JOIN badge_print_item b ON b.registration_id = r.id
                LEFT JOIN badge_print_run pr ON pr.id = b.print_run_id
                WHERE r.person_id = ? ORDER BY r.id, pr.printed_at""", personId));
        s.put("scans", sql.rows("""
                SELECT c.registration_id, c.list_key, c.direction, c.outcome, c.scanned_at FROM checkin_scan c
                JOIN registration r ON r.id = c.registration_id WHERE r.person_id = ? ORDER BY c.scanned_at""", personId));
        s.put("invoices", sql.rows("""
                SELECT i.invoice_number, i.issued_on, i.customer_name, l.registration_id, l.description,
                       l.amount_cents, i.status FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                JOIN registration r ON r.id = l.registration_id WHERE r.person_id = ? ORDER BY i.issued_on, l.id""", personId));
        s.put("consents", sql.rows("""
                SELECT d.registration_id, d.consent_version, d.consented_at FROM registration_detail d
                JOIN registration r ON r.id = d.registration_id WHERE r.person_id = ? AND d.consent_version IS NOT NULL
                ORDER BY d.registration_id""", personId));
        return s;
    }

    private static Map<String, Object> printable(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof Instant || v instanceof LocalDate ? v.toString() : v));
        return out;
    }

    private static byte[] csv(String section, List<Map<String, Object>> rows) {
        List<String> header = rows.isEmpty() ? List.of(section) : new ArrayList<>(rows.get(0).keySet());
        List<List<Object>> lines = rows.stream().map(r -> (List<Object>) new ArrayList<Object>(printable(r).values())).toList();
        return CsvWriter.write(CsvWriter.Dialect.EXCEL, header, lines);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
