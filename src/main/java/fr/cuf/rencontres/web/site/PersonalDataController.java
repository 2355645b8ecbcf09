package fr.cuf.rencontres.web.site;

import fr.cuf.rencontres.privacy.PersonData;
import fr.cuf.rencontres.registration.RegistrationViews;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/**
 * "Télécharger mes données" on the personal page: a zip of everything held about the person (JSON and CSV). A POST,
 * not a link: each export is audited, and the needs are added only when the box is ticked.
 */
@Controller("/me/{secret}/data")
@Secured(SecurityRule.IS_ANONYMOUS)
class PersonalDataController {

    private final RegistrationViews views;
    private final PersonData data;

    PersonalDataController(RegistrationViews views, PersonData data) {
        this.views = views;
        this.data = data;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<byte[]> download(@PathVariable String secret, @Body Map<String, Object> form) {
        long registrationId = views.bySecret(secret).registration().id();
        PersonData.Export export = data.ofRegistration(registrationId, "yes".equals(RegistrationForm.one(form, "needs")));
        return HttpResponse.ok(export.zip()).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "no-store");
    }
}
