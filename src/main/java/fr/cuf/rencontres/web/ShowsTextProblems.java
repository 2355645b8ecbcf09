package fr.cuf.rencontres.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form route whose controller shows the refusals of {@link TextInputFilter} ({@code control_character}) beside
 * their fields, with what was typed kept: the staff forms, through web.staff.FormPages. The filter lets such a
 * form through with its problems on the request; any other route keeps the filter's error answer, so a route
 * that would not look at them never writes a refused text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ShowsTextProblems {
}
