package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Messages;
import fr.cuf.rencontres.support.Problem;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A refusal as messages by field ("_" for the form as a whole), for a form rendered again. */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, String> of(DomainException e, Messages messages, Locale locale) {
        Map<String, String> errors = new HashMap<>();
        for (Problem p : e.problems()) {
            errors.merge(p.field() == null ? "_" : p.field(), messages.problem(locale, p), (a, b) -> a + " " + b);
        }
        return errors;
    }
}
