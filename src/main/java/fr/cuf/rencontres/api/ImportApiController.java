package fr.cuf.rencontres.api;

import fr.cuf.rencontres.csvio.ImportKind;
import fr.cuf.rencontres.csvio.ImportReport;
import fr.cuf.rencontres.csvio.ImportRequest;
import fr.cuf.rencontres.csvio.ImportResult;
import fr.cuf.rencontres.csvio.ImportService;
import fr.cuf.rencontres.csvio.ImportUploads;
import fr.cuf.rencontres.csvio.ValueChoices;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;

import java.security.Principal;
import java.util.List;

/**
 * CSV imports on the API: {@code POST /api/v1/imports/{kind}} with a {@code text/csv} body. A dry run
 * (the default) validates and answers the report; {@code dryRun=false} commits, or answers 422 with the
 * same report and writes nothing when a row has a problem (unless {@code validOnly=true}). {@code value=<as
 * written>=<KNOWN>} (repeatable) says what an unknown organisation type means, as on the preview page.
 */
@Controller("/api/v1/imports")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class ImportApiController {

    private final ImportService imports;
    private final ImportUploads reports;
    private final HttpLocaleResolver locales;

    ImportApiController(ImportService imports, ImportUploads reports, HttpLocaleResolver locales) {
        this.imports = imports;
        this.reports = reports;
        this.locales = locales;
    }

    @Post("/{kind}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<ImportResult> importFile(@PathVariable String kind, @Body byte[] body,
                                          @QueryValue(defaultValue = "true") boolean dryRun,
                                          @QueryValue(defaultValue = "false") boolean validOnly,
                                          @QueryValue(defaultValue = "false") boolean waitingList,
                                          @QueryValue(defaultValue = "true") boolean sendMail,
                                          @Nullable @QueryValue String event,
                                          @Nullable @QueryValue List<String> map,
                                          @Nullable @QueryValue List<String> value,
                                          Principal user, HttpRequest<?> request) {
        ImportKind importKind = ImportKind.fromPath(kind)
                .orElseThrow(() -> DomainException.notFound("unknown_import_kind"));
        ImportRequest file = new ImportRequest(importKind, body == null ? new byte[0] : body, map, event,
                waitingList, sendMail, ValueChoices.parse(value));
        ImportReport report = dryRun ? imports.preview(file) : imports.commit(file, validOnly, user.getName());
        ImportResult result = reports.localise(report, locales.resolveOrDefault(request));
        return HttpResponse.status(!dryRun && !report.committed() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(result);
    }
}
