package org.reviewgateway.gateway.template;

import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.web.Problem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pure rules of templates: what a template may contain, and the locale lookup order. */
class TemplateRulesTest {

    private static List<String> fieldsWithErrors(String subject, String text, String html) {
        return TemplateSyntax.check(new TemplateContent(subject, text, html)).stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aTemplateWithBothLinksAndOnlyKnownPlaceholdersPasses() {
        assertEquals(List.of(), fieldsWithErrors("Hi {{shopName}}", "{{customerName}} {{reviewLink}} {{unsubscribeLink}} {{transactionId}}",
                "<a href=\"{{reviewLink}}\">x</a>"));
    }

    @Test
    void eachFieldIsJudgedOnItsOwn() {
        assertEquals(List.of("text"), fieldsWithErrors("s", "{{reviewLink}}", null), "no unsubscribe link");
        assertEquals(List.of("text"), fieldsWithErrors("s", "{{unsubscribeLink}}", null), "no review link");
        assertEquals(List.of("html"), fieldsWithErrors("s", "{{reviewLink}} {{unsubscribeLink}}", "<p>none</p>"));
        assertEquals(List.of("subject"), fieldsWithErrors("{{#shopName}}x{{/shopName}}", "{{reviewLink}} {{unsubscribeLink}}", null));
        assertEquals(List.of("subject"), fieldsWithErrors("a\nb", "{{reviewLink}} {{unsubscribeLink}}", null));
        assertEquals(List.of("text"), fieldsWithErrors("s", "{{{reviewLink}}} {{unsubscribeLink}}", null));
        assertEquals(List.of("text"), fieldsWithErrors("s", "{{=<% %>=}} <%reviewLink%> <%unsubscribeLink%>", null));
    }

    @Test
    void aLocalesLanguageIsItsFirstSubtag() {
        assertEquals("pt", Locales.language("pt-BR"));
        assertEquals("de", Locales.language("de"));
    }
}
