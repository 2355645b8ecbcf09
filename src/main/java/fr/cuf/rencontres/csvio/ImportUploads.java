package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The staff pages' side of imports: an uploaded file is kept (a few days) so that its preview, its
 * commit and the download of its rejected rows can follow each other across requests.
 */
@Singleton
public class ImportUploads {

    /** Uploads older than this are deleted when a new file arrives. */
    static final Duration KEPT = Duration.ofDays(7);

    private final ImportUploadRepository uploads;
    private final ImportService imports;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;
    private final io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    ImportUploads(ImportUploadRepository uploads, ImportService imports, Messages messages, JsonMapper json, Clock clock,
                  io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx) {
        this.tx = tx;
        this.uploads = uploads;
        this.imports = imports;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the file after checking that it reads as CSV; returns its id. */
    @Transactional
    public String store(String kind, String eventSlug, String fileName, byte[] content, String actor) {
        ImportKind importKind = ImportKind.fromPath(kind)
                .orElseThrow(() -> DomainException.invalid("kind", "unknown_import_kind", kind));
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "empty_csv");
        }
        CsvReader.readRows(content);
        Instant now = clock.instant();
        uploads.deleteCreatedBefore(now.minus(KEPT));
        String id = UUID.randomUUID().toString();
        String slug = importKind == ImportKind.REGISTRATIONS && eventSlug != null && !eventSlug.isBlank() ? eventSlug : null;
        if (importKind == ImportKind.REGISTRATIONS && slug == null) {
            throw DomainException.invalid("event", "event_required");
        }
        uploads.save(new ImportUpload(id, importKind.path(), slug, fileName == null ? "import.csv" : fileName,
                content, actor, now, null, null));
        return id;
    }

    public ImportUpload get(String id) {
        return uploads.findById(id).orElseThrow(() -> DomainException.notFound("import_not_found"));
    }

    /** The preview of a kept file with the given column choices (a stored report once it is committed). */
    public ImportReport preview(String id, List<String> mapping, boolean waitingList, ValueChoices values) {
        ImportUpload upload = get(id);
        if (upload.report() != null) {
            return stored(upload);
        }
        return imports.preview(request(upload, mapping, waitingList, false, values));
    }

    /**
     * Commits a kept file once (its row is locked). The transaction is rolled back by an exception when the
     * import writes nothing, so that the import's own savepoint rollback does not doom it.
     */
    public ImportReport commit(String id, List<String> mapping, boolean validRowsOnly, boolean waitingList,
                               boolean sendMail, ValueChoices values, String actor) {
        try {
            return tx.executeWrite(status -> {
                ImportUpload upload = get(id);
                uploads.lock(id);
                if (uploads.isCommitted(id)) {
                    throw DomainException.conflict("import_already_committed");
                }
                ImportReport report = imports.commit(request(upload, mapping, waitingList, sendMail, values), validRowsOnly,
                        actor);
                if (!report.committed()) {
                    throw new ImportService.Undo(report);
                }
                try {
                    uploads.markCommitted(id, clock.instant(), json.writeValueAsBytes(report));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return report;
            });
        } catch (ImportService.Undo undo) {
            return undo.report;
        }
    }

    /** The report of a committed file. */
    public ImportReport report(String id) {
        ImportUpload upload = get(id);
        if (upload.report() == null) {
            throw DomainException.notFound("import_not_committed");
        }
        return stored(upload);
    }

    /** The rejected rows with their original cells, their line and the reasons, as CSV. */
    public byte[] rejectedCsv(String id, List<String> mapping, boolean waitingList, ValueChoices values, Locale locale,
                              CsvWriter.Dialect dialect) {
        ImportUpload upload = get(id);
        ImportReport report = upload.report() != null ? stored(upload)
                : imports.preview(request(upload, mapping, waitingList, false, values));
        CsvTable table = CsvReader.read(upload.content());
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        for (RowProblem p : report.problems()) {
            reasons.computeIfAbsent(p.line(), k -> new ArrayList<>())
                    .add((p.column() == null ? "" : p.column() + " : ") + message(locale, p));
        }
        List<String> header = new ArrayList<>(table.headers());
        header.add(messages.get(locale, "csvio.rejected.line"));
        header.add(messages.get(locale, "csvio.rejected.reasons"));
        List<List<String>> rows = new ArrayList<>();
        for (CsvTable.Row row : ImportService.rejectedRows(table, report)) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.headers().size(); i++) {
                cells.add(row.cell(i) == null ? "" : row.cell(i));
            }
            cells.add(String.valueOf(row.line()));
            cells.add(String.join(" ; ", reasons.getOrDefault(row.line(), List.of())));
            rows.add(cells);
        }
        return CsvWriter.write(dialect, header, rows);
    }

    /** The report in the reader's language. */
    public ImportResult localise(ImportReport report, Locale locale) {
        return new ImportResult(report.kind(), report.event(), report.encoding(), report.separator(), report.committed(),
                report.columns(), report.counts(), report.problems().stream()
                .map(p -> new ImportResult.Problem(p.line(), p.column(), p.code(), message(locale, p))).toList(),
                report.rows(), report.unknownValues());
    }

    private String message(Locale locale, RowProblem p) {
        return messages.get(locale, "error." + p.code(), p.args().toArray());
    }

    private ImportReport stored(ImportUpload upload) {
        try {
            return json.readValue(upload.report(), ImportReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportRequest request(ImportUpload upload, List<String> mapping, boolean waitingList,
                                         boolean sendMail, ValueChoices values) {
        return new ImportRequest(ImportKind.fromPath(upload.kind()).orElseThrow(), upload.content(), mapping,
                upload.eventSlug(), waitingList, sendMail, values);
    }
}
