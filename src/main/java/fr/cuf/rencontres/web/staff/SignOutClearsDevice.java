package fr.cuf.rencontres.web.staff;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Signing out leaves nothing of the scanning page on the device: the roster kept for offline work, the queued
 * scans' names, the service worker and its caches. The page clears them itself when its sign-out button is used;
 * this header does it for a sign-out from any other page (browsers that know it, in a secure context).
 */
@ServerFilter(value = "/logout", methods = HttpMethod.POST)
class SignOutClearsDevice {

    @ResponseFilter
    void clear(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Clear-Site-Data", "\"cache\", \"storage\"");
    }
}
