package fr.cuf.rencontres.invoice;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invoices and credit notes a registration is on, for the registrant's personal page and the API: an
 * invoice once issued (whatever became of it), and every credit note that cancelled its line.
 */
@Singleton
public class RegistrantInvoices {

    /** An invoice or a credit note of the registration: its number, its id, whether it is a credit note. */
    public record Document(long id, String number, boolean creditNote, InvoiceStatus status) {
    }

    private static final String DOCUMENTS = """
            SELECT i.id, i.invoice_number, FALSE AS credit, i.status FROM invoice i
             WHERE EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id AND l.registration_id = ?)
            UNION ALL
            SELECT c.id, c.credit_note_number, TRUE AS credit, NULL FROM credit_note c
             WHERE EXISTS (SELECT 1 FROM credit_note_line cl JOIN invoice_line l ON l.id = cl.invoice_line_id
                            WHERE cl.credit_note_id = c.id AND l.registration_id = ?)
             ORDER BY 3, 2""";

    private final JdbcOperations jdbc;

    RegistrantInvoices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Invoices first, then credit notes, each in number order. */
    @Transactional
    public List<Document> of(long registrationId) {
        return jdbc.prepareStatement(DOCUMENTS, (PreparedStatement s) -> {
            s.setLong(1, registrationId);
            s.setLong(2, registrationId);
            List<Document> documents = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String status = rs.getString(4);
                    documents.add(new Document(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            status == null ? null : InvoiceStatus.valueOf(status)));
                }
            }
            return documents;
        });
    }

    /** The number of the invoice the registration is on now (its line not cancelled by a credit note), else none. */
    @Transactional
    public Optional<String> currentInvoiceNumber(long registrationId) {
        return jdbc.prepareStatement("""
                SELECT i.invoice_number FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
                 WHERE l.registration_id = ?
                   AND NOT EXISTS (SELECT 1 FROM credit_note_line c WHERE c.invoice_line_id = l.id)""",
                (PreparedStatement s) -> {
                    s.setLong(1, registrationId);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                });
    }

    /** The document of the registration with this number, if it is one of its own. */
    public Optional<Document> find(long registrationId, String number, boolean creditNote) {
        return of(registrationId).stream().filter(d -> d.creditNote() == creditNote && d.number().equals(number))
                .findFirst();
    }
}
