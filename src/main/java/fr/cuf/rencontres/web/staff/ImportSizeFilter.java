package fr.cuf.rencontres.web.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.URI;

/**
 * A file over the request limit ({@code micronaut.server.max-request-size}, 20 MB) is refused by the framework
 * before any route runs, with its own English page. On the upload of the import page, that answer becomes a
 * redirect to the form, which then says in the reader's language how large a file may be, beside the file field.
 */
@ServerFilter("/staff/imports")
class ImportSizeFilter {

    static final String REFUSED = "/staff/imports?refused=file_too_large";

    @ResponseFilter
    @Nullable
    HttpResponse<?> tooLarge(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() || request.getMethod() != HttpMethod.POST) {
            return null;
        }
        return HttpResponse.seeOther(URI.create(REFUSED));
    }
}
