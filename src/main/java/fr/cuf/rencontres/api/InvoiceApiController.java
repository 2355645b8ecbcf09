package fr.cuf.rencontres.api;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.invoice.InvoiceExports;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;

/** An event's invoices and payments as CSV for the accountants ({@code format=excel|comma}), or .xlsx ({@code format=xlsx}); staff only. */
@Controller("/api/v1/events/{slug}")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class InvoiceApiController {

    private final InvoiceExports exports;
    private final HttpLocaleResolver locales;

    InvoiceApiController(InvoiceExports exports, HttpLocaleResolver locales) {
        this.exports = exports;
        this.locales = locales;
    }

    @Get("/invoices.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> invoices(@PathVariable String slug, @Nullable @QueryValue String format, HttpRequest<?> request) {
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("factures-" + slug, dialect, exports.invoices(slug, dialect,
                locales.resolveOrDefault(request)));
    }

    @Get("/payments.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> payments(@PathVariable String slug, @Nullable @QueryValue String format, HttpRequest<?> request) {
        CsvWriter.Dialect dialect = CsvWriter.Dialect.of(format);
        return file("paiements-" + slug, dialect, exports.payments(slug, dialect,
                locales.resolveOrDefault(request)));
    }

    private static HttpResponse<byte[]> file(String base, CsvWriter.Dialect dialect, byte[] body) {
        return HttpResponse.ok(body).contentType(dialect.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + dialect.fileName(base) + "\"");
    }
}
