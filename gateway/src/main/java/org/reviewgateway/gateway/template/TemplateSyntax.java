package org.reviewgateway.gateway.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import org.reviewgateway.gateway.web.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a template before it is stored: only the named placeholders, no sections, partials or
 * unescaped output (they could carry logic or markup past the escaping), the review link present, and
 * the unsubscribe link in the text part.
 */
final class TemplateSyntax {

    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 100_000;
    static final int MAX_HTML = 200_000;
    private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*[{&]");
    private static final Pattern DELIMITER_CHANGE = Pattern.compile("\\{\\{\\s*=");

    private TemplateSyntax() {
    }

    static List<Problem.FieldError> check(TemplateContent content) {
        List<Problem.FieldError> errors = new ArrayList<>();
        size("subject", content.subject(), MAX_SUBJECT).ifPresent(errors::add);
        size("text", content.text(), MAX_TEXT).ifPresent(errors::add);
        if (content.html() != null) {
            size("html", content.html(), MAX_HTML).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        check("subject", content.subject(), List.of()).ifPresent(errors::add);
        if (content.subject().chars().anyMatch(c -> c == '\r' || c == '\n')) {
            errors.add(new Problem.FieldError("subject", "must be a single line (no CR or LF)"));
        }
        check("text", content.text(), List.of(Placeholders.REVIEW_LINK, Placeholders.UNSUBSCRIBE_LINK)).ifPresent(errors::add);
        if (content.html() != null) {
            check("html", content.html(), List.of(Placeholders.REVIEW_LINK)).ifPresent(errors::add);
        }
        return errors;
    }

    private static Optional<Problem.FieldError> size(String field, String source, int maxLength) {
        if (source.isBlank()) {
            return error(field, "must not be blank");
        }
        return source.length() > maxLength ? error(field, "must be at most " + maxLength + " characters") : Optional.empty();
    }

    private static Optional<Problem.FieldError> check(String field, String source, List<String> required) {
        if (UNESCAPED.matcher(source).find()) {
            return error(field, "unescaped output ({{{…}}} or {{&…}}) is not allowed");
        }
        if (DELIMITER_CHANGE.matcher(source).find()) {
            return error(field, "changing the delimiters is not allowed");
        }
        List<String> problems = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        try {
            Mustache.compiler().compile(source).visit(new Mustache.Visitor() {
                @Override
                public void visitText(String text) {
                }

                @Override
                public void visitVariable(String name) {
                    variables.add(name);
                    if (!Placeholders.NAMES.contains(name)) {
                        problems.add("unknown placeholder {{" + name + "}}; allowed: " + String.join(", ", Placeholders.NAMES.stream().sorted().toList()));
                    }
                }

                @Override
                public boolean visitInclude(String name) {
                    problems.add("partials ({{>" + name + "}}) are not allowed");
                    return false;
                }

                @Override
                public boolean visitParent(String name) {
                    problems.add("template inheritance ({{<" + name + "}}) is not allowed");
                    return false;
                }

                @Override
                public boolean visitBlock(String name) {
                    problems.add("blocks ({{$" + name + "}}) are not allowed");
                    return false;
                }

                @Override
                public boolean visitSection(String name) {
                    problems.add("sections ({{#" + name + "}}) are not allowed");
                    return false;
                }

                @Override
                public boolean visitInvertedSection(String name) {
                    problems.add("inverted sections ({{^" + name + "}}) are not allowed");
                    return false;
                }
            });
        } catch (MustacheException e) {
            return error(field, "is not a valid Mustache template: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return error(field, problems.get(0));
        }
        return required.stream().filter(name -> !variables.contains(name)).findFirst()
                .flatMap(missing -> error(field, "must contain {{" + missing + "}}"));
    }

    private static Optional<Problem.FieldError> error(String field, String message) {
        return Optional.of(new Problem.FieldError(field, message));
    }
}
