package fr.cuf.rencontres.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The language switch goes back to a page of this site, never elsewhere, and never answers 500 for a strange back. */
class LanguageSwitchTest {

    @ParameterizedTest
    @ValueSource(strings = {"/\\evil.example", "//evil.example", "/\tevil", "/x\r\nSet-Cookie: a=b", "https://evil.example",
            "evil.example", "/%zz", "/ espace", ""})
    void a_back_address_that_could_leave_the_site_goes_home(String back) {
        assertEquals("/", LanguageController.sameSitePath(back).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/events/rencontres-aict-2027?x=1&y=%C3%A9", "/groups/maroc#meetings"})
    void a_page_of_this_site_is_kept(String back) {
        assertEquals(back, LanguageController.sameSitePath(back).toString());
    }
}
