package fr.cuf.rencontres.api;

import fr.cuf.rencontres.calendar.AgendaLink;
import fr.cuf.rencontres.calendar.AgendaTokens;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * Staff hand a participant the address of their agenda feed (until the personal page does it):
 * issue a new address, renew (earlier addresses stop working) or revoke them all.
 */
@Controller("/api/v1/registrations/{id}/calendar-token")
@Secured({"ADMIN", "REGISTRATION_DESK"})
class CalendarTokenApiController {

    private final AgendaTokens tokens;

    CalendarTokenApiController(AgendaTokens tokens) {
        this.tokens = tokens;
    }

    @Post
    HttpResponse<AgendaLink> issue(@PathVariable long id, Authentication staff) {
        return HttpResponse.created(tokens.issue(id, staff.getName()));
    }

    @Post("/renew")
    HttpResponse<AgendaLink> renew(@PathVariable long id, Authentication staff) {
        return HttpResponse.created(tokens.renew(id, staff.getName()));
    }

    @Delete
    HttpResponse<?> revoke(@PathVariable long id, Authentication staff) {
        tokens.revoke(id, staff.getName());
        return HttpResponse.noContent();
    }
}
