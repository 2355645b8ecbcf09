package fr.cuf.rencontres.api;

import fr.cuf.rencontres.csvio.CsvWriter;
import fr.cuf.rencontres.invoice.InvoiceExports;
import fr.cuf.rencontres.support.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** An event's invoices and payments as CSV for the accountants ({@code format=excel|comma}); staff only. */
@Controller("/api/v1/events/{slug}")
@Secured({"ADMIN", "REGISTRATION_DESK"})
@ExecuteOn(TaskExecutors.BLOCKING)
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
        return csv("factures-" + slug + ".csv", exports.invoices(slug, CsvWriter.Dialect.of(format),
                Messages.supported(locales.resolveOrDefault(request))));
    }

    @Get("/payments.csv")
    @Produces("text/csv")
    HttpResponse<byte[]> payments(@PathVariable String slug, @Nullable @QueryValue String format, HttpRequest<?> request) {
        return csv("paiements-" + slug + ".csv", exports.payments(slug, CsvWriter.Dialect.of(format),
                Messages.supported(locales.resolveOrDefault(request))));
    }

    private static HttpResponse<byte[]> csv(String name, byte[] body) {
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
