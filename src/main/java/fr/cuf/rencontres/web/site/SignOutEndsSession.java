package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.staff.SessionTokens;
import fr.cuf.rencontres.staff.StaffSessions;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Signing out ends the session on the server, for every instance: the old cookie, if kept or copied, no longer
 * signs anyone in. (The module's logout only clears the cookie in this browser.)
 */
@ServerFilter(value = "/logout", methods = HttpMethod.POST)
class SignOutEndsSession {

    private final SessionTokens tokens;
    private final StaffSessions sessions;

    SignOutEndsSession(SessionTokens tokens, StaffSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void end(HttpRequest<?> request) {
        tokens.sessionId(request).ifPresent(sessions::end);
    }
}
