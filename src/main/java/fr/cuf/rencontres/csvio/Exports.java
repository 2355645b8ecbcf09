package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.member.Membership;
import fr.cuf.rencontres.member.MembershipRepository;
import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.OrganisationRepository;
import fr.cuf.rencontres.registration.RegistrationStatus;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The staff's CSV exports: the registrations of an event (filtered, chosen columns, session choices),
 * badges to print, organisations with their membership years. Headers use the names the imports
 * recognise, so an export imports back. One query per list, never one per row.
 */
@Singleton
public class Exports {

    /** Columns of the registration export, in order; their headers are {@code csvio.column.<key>}. */
    public static final List<String> REGISTRATION_COLUMNS = List.of("first_name", "last_name", "function", "email",
            "phone", "organisation", "country", "siren", "elected", "participant_type", "status", "price_category",
            "price", "registered_at", "sessions");

    private static final String REGISTRATIONS = """
            SELECT r.id, r.status, r.participant_type, r.price_category, r.price_cents, r.created_at,
                   p.first_name, p.last_name, p.function_title, p.email, p.phone, p.elected_official,
                   o.name AS organisation_name, o.country AS organisation_country, o.siren AS organisation_siren,
                   pc.label_fr AS category_fr, pc.label_en AS category_en
              FROM registration r
              JOIN person p ON p.id = r.person_id
              LEFT JOIN organisation o ON o.id = COALESCE(r.organisation_id, p.organisation_id)
              LEFT JOIN price_category pc ON pc.event_id = r.event_id AND pc.code = r.price_category
             WHERE r.event_id = ?
               AND (CAST(? AS VARCHAR(30)) IS NULL OR r.status = CAST(? AS VARCHAR(30)))
               AND (CAST(? AS VARCHAR(30)) IS NULL OR r.participant_type = CAST(? AS VARCHAR(30)))
               AND (CAST(? AS BIGINT) IS NULL OR r.organisation_id = CAST(? AS BIGINT))
               AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM registration_session rs
                     WHERE rs.registration_id = r.id AND rs.session_id = CAST(? AS BIGINT)))
             ORDER BY p.last_name, p.first_name, r.id""";

    private static final String SESSION_CHOICES = """
            SELECT rs.registration_id, s.title
              FROM registration_session rs
              JOIN event_session s ON s.id = rs.session_id
              JOIN registration r ON r.id = rs.registration_id
             WHERE r.event_id = ? AND rs.status <> 'CANCELLED'
             ORDER BY rs.registration_id, s.starts_at NULLS LAST, s.id""";

    private final JdbcOperations jdbc;
    private final EventRepository events;
    private final OrganisationRepository organisations;
    private final MembershipRepository memberships;
    private final Messages messages;

    Exports(JdbcOperations jdbc, EventRepository events, OrganisationRepository organisations,
            MembershipRepository memberships, Messages messages) {
        this.jdbc = jdbc;
        this.events = events;
        this.organisations = organisations;
        this.memberships = memberships;
        this.messages = messages;
    }

    /** The organisations with registrations for the event, for the export's filter. */
    @Transactional(readOnly = true)
    public List<Organisation> organisationsRegistered(long eventId) {
        List<Long> ids = jdbc.prepareStatement(
                "SELECT DISTINCT organisation_id FROM registration WHERE event_id = ? AND organisation_id IS NOT NULL",
                statement -> {
                    statement.setLong(1, eventId);
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                });
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Organisation> found = new ArrayList<>(organisations.findByIdIn(ids));
        found.sort(Comparator.comparing((Organisation o) -> HeaderNames.words(o.name())));
        return found;
    }

    /** Organisations with their membership years ("2025, 2026"), sorted by name. */
    @Transactional(readOnly = true)
    public byte[] organisations(CsvWriter.Dialect dialect, Locale locale) {
        Map<Long, TreeSet<Integer>> years = new HashMap<>();
        for (Membership m : memberships.findAll()) {
            years.computeIfAbsent(m.organisationId(), k -> new TreeSet<>()).add(m.membershipYear());
        }
        List<Organisation> all = new ArrayList<>();
        organisations.findAll().forEach(all::add);
        all.sort(Comparator.comparing((Organisation o) -> HeaderNames.words(o.name())).thenComparing(Organisation::id));
        List<List<Object>> rows = new ArrayList<>();
        for (Organisation o : all) {
            rows.add(List.of(o.name(), messages.get(locale, "enum.OrganisationKind." + o.kind().name()), o.country(),
                    nz(o.siren()), nz(o.inseeCode()), nz(o.addressLine()), nz(o.postalCode()), nz(o.city()),
                    years.getOrDefault(o.id(), new TreeSet<>()).stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return CsvWriter.write(dialect, headers(locale, List.of("name", "kind", "country", "siren", "insee_code",
                "address", "postal_code", "city", "membership_years")), rows);
    }

    /** The registrations of an event with the filter's columns (all by default). */
    @Transactional(readOnly = true)
    public byte[] registrations(String eventSlug, ExportFilter filter, CsvWriter.Dialect dialect, Locale locale) {
        Event event = event(eventSlug);
        List<String> columns = filter.columns().isEmpty() ? REGISTRATION_COLUMNS
                : REGISTRATION_COLUMNS.stream().filter(filter.columns()::contains).toList();
        if (columns.isEmpty()) {
            throw DomainException.invalid("columns", "no_columns");
        }
        Map<Long, List<String>> sessions = columns.contains("sessions") ? sessionChoices(event.id()) : Map.of();
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> line : lines(event.id(), filter, locale)) {
            List<Object> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(column.equals("sessions")
                        ? String.join(" | ", sessions.getOrDefault(Long.valueOf((String) line.get("id")), List.of()))
                        : line.get(column));
            }
            rows.add(row);
        }
        return CsvWriter.write(dialect, headers(locale, columns), rows);
    }

    /** Confirmed registrations, for badge printing: name, function, organisation, country, type. */
    @Transactional(readOnly = true)
    public byte[] badges(String eventSlug, CsvWriter.Dialect dialect, Locale locale) {
        Event event = event(eventSlug);
        List<String> columns = List.of("first_name", "last_name", "function", "organisation", "country", "participant_type");
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> line : lines(event.id(),
                new ExportFilter(RegistrationStatus.CONFIRMED, null, null, null, List.of()), locale)) {
            rows.add(columns.stream().map(line::get).toList());
        }
        return CsvWriter.write(dialect, headers(locale, columns), rows);
    }

    private List<Map<String, Object>> lines(long eventId, ExportFilter filter, Locale locale) {
        String status = filter.status() == null ? null : filter.status().name();
        String type = filter.participantType() == null ? null : filter.participantType().name();
        return jdbc.prepareStatement(REGISTRATIONS, statement -> {
            statement.setLong(1, eventId);
            setText(statement, 2, status);
            setText(statement, 3, status);
            setText(statement, 4, type);
            setText(statement, 5, type);
            setId(statement, 6, filter.organisationId());
            setId(statement, 7, filter.organisationId());
            setId(statement, 8, filter.sessionId());
            setId(statement, 9, filter.sessionId());
            List<Map<String, Object>> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(line(rs, locale));
                }
            }
            return lines;
        });
    }

    private Map<String, Object> line(ResultSet rs, Locale locale) throws SQLException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", String.valueOf(rs.getLong("id")));
        line.put("first_name", rs.getString("first_name"));
        line.put("last_name", rs.getString("last_name"));
        line.put("function", nz(rs.getString("function_title")));
        line.put("email", nz(rs.getString("email")));
        line.put("phone", nz(rs.getString("phone")));
        line.put("organisation", nz(rs.getString("organisation_name")));
        line.put("country", nz(rs.getString("organisation_country")));
        line.put("siren", nz(rs.getString("organisation_siren")));
        line.put("elected", messages.get(locale, rs.getBoolean("elected_official") ? "csvio.yes" : "csvio.no"));
        line.put("participant_type", messages.get(locale, "csvio.participantType." + rs.getString("participant_type")));
        line.put("status", messages.get(locale, "csvio.status." + rs.getString("status")));
        String label = rs.getString(Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "category_en" : "category_fr");
        line.put("price_category", label != null ? label : nz(rs.getString("price_category")));
        line.put("price", java.math.BigDecimal.valueOf(rs.getInt("price_cents"), 2));
        line.put("registered_at", Times.paris(rs.getTimestamp("created_at").toInstant()).toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        return line;
    }

    private Map<Long, List<String>> sessionChoices(long eventId) {
        return jdbc.prepareStatement(SESSION_CHOICES, statement -> {
            statement.setLong(1, eventId);
            Map<Long, List<String>> choices = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    choices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return choices;
        });
    }

    private List<String> headers(Locale locale, List<String> columns) {
        return columns.stream().map(c -> messages.get(locale, "csvio.column." + c)).toList();
    }

    private Event event(String slug) {
        return events.findBySlug(slug == null ? "" : slug).orElseThrow(() -> DomainException.notFound("event_not_found"));
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void setId(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
