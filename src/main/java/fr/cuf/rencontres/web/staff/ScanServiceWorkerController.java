package fr.cuf.rencontres.web.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The scanning page's service worker (src/main/resources/public/scan-sw.js) at /staff/scan-sw.js. */
@Controller("/staff")
class ScanServiceWorkerController {

    private static final String SERVICE_WORKER = "public/scan-sw.js";

    /**
     * The service worker, served here rather than under /assets so that its scope can cover the page
     * (a worker controls only paths under its own). Anonymous: the browser checks it for updates with or
     * without a session, and it holds nothing private.
     */
    @Get(value = "/scan-sw.js", produces = "text/javascript")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> serviceWorker() throws IOException {
        try (InputStream in = ScanServiceWorkerController.class.getClassLoader().getResourceAsStream(SERVICE_WORKER)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache");
        }
    }

}
