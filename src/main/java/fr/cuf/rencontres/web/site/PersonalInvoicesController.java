package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.invoice.InvoicePdf;
import fr.cuf.rencontres.invoice.RegistrantInvoices;
import fr.cuf.rencontres.registration.RegistrationView;
import fr.cuf.rencontres.registration.RegistrationViews;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The registrant's own invoice and credit notes as PDF, from the personal page: the same bytes staff
 * download, and only the documents the registration is on (any other number answers 404).
 */
@Controller("/me/{secret}")
@Secured(SecurityRule.IS_ANONYMOUS)
class PersonalInvoicesController {

    private final RegistrationViews views;
    private final RegistrantInvoices invoices;
    private final InvoicePdf pdf;

    PersonalInvoicesController(RegistrationViews views, RegistrantInvoices invoices, InvoicePdf pdf) {
        this.views = views;
        this.invoices = invoices;
        this.pdf = pdf;
    }

    @Get("/invoices/{number}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> invoice(@PathVariable String secret, @PathVariable String number) {
        RegistrantInvoices.Document doc = document(secret, number, false);
        return file(pdf.invoice(doc.id()), doc.number());
    }

    @Get("/credit-notes/{number}.pdf")
    @Produces("application/pdf")
    HttpResponse<byte[]> creditNote(@PathVariable String secret, @PathVariable String number) {
        RegistrantInvoices.Document doc = document(secret, number, true);
        return file(pdf.creditNote(doc.id()), doc.number());
    }

    private RegistrantInvoices.Document document(String secret, String number, boolean creditNote) {
        RegistrationView self = views.bySecret(secret);
        return invoices.find(self.registration().id(), number, creditNote)
                .orElseThrow(() -> DomainException.notFound("invoice_not_found"));
    }

    private static HttpResponse<byte[]> file(byte[] bytes, String number) {
        return HttpResponse.ok(bytes).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf\"")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer");
    }
}
