package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonService;
import fr.cuf.rencontres.privacy.Erasure;
import fr.cuf.rencontres.privacy.PersonData;
import fr.cuf.rencontres.web.ShowsTextProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;

import java.util.HashMap;
import java.util.Map;

/**
 * A person's data-protection page (ADMIN): download everything held about them, or erase them with a reason.
 * Linked from the person's page.
 */
@Produces(MediaType.TEXT_HTML)
@Controller("/staff/persons/{id}/privacy")
@Secured("ADMIN")
class PersonPrivacyController {

    private static final String VIEW = "staff/person-privacy";

    private final PersonService persons;
    private final PersonData data;
    private final Erasure erasure;
    private final FormPages forms;

    PersonPrivacyController(PersonService persons, PersonData data, Erasure erasure, FormPages forms) {
        this.persons = persons;
        this.data = data;
        this.erasure = erasure;
        this.forms = forms;
    }

    @Get
    @View(VIEW)
    Map<String, Object> show(@PathVariable long id, @Nullable @QueryValue Integer erased) {
        Map<String, Object> model = model(id, Map.of());
        if (erased != null) {
            model.put("justErased", erased);
        }
        return model;
    }

    @Post("/export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("application/zip")
    HttpResponse<byte[]> export(@PathVariable long id, @Body Map<String, Object> form, Authentication user) {
        PersonData.Export export = data.ofPerson(id, "yes".equals(Parse.text(form.get("needs"))), user.getName());
        return HttpResponse.ok(export.zip()).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .header("Cache-Control", "no-store");
    }

    @ShowsTextProblems
    @Post("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> erase(@PathVariable long id, @Body Map<String, Object> form, Authentication user,
                          HttpRequest<?> request) {
        String reason = Parse.text(form.get("reason"));
        boolean confirmed = "yes".equals(Parse.text(form.get("confirm")));
        return forms.submit(request, () -> erasure.erase(id, reason, confirmed, user.getName()),
                done -> "/staff/persons/" + id + "/privacy?erased=" + done, VIEW,
                () -> model(id, Map.of("reason", reason == null ? "" : reason, "confirm", confirmed)));
    }

    private Map<String, Object> model(long id, Map<String, Object> values) {
        Person person = persons.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        model.put("erased", erasure.erased(id));
        model.put("holds", erasure.holds(id));
        model.put("values", values);
        return model;
    }
}
