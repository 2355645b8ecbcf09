package fr.cuf.rencontres.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The OpenAPI document is a static resource, which Micronaut would serve as {@code text/plain}: tools that
 * read the content type (Swagger UI, code generators, browsers offering a download) expect {@code application/yaml}.
 */
@ServerFilter("/openapi/**")
class OpenApiContentType {

    static final MediaType YAML = MediaType.of("application/yaml");

    @ResponseFilter
    void yaml(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (response.code() == 200 && (path.endsWith(".yml") || path.endsWith(".yaml"))) {
            response.contentType(YAML);
        }
    }
}
