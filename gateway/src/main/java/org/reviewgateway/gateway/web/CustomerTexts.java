package org.reviewgateway.gateway.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What customers read, in the eleven languages the gateway speaks: {@code /i18n/<language>.properties}. Pages and
 * built-in templates are skeletons with {@code [[key]]} markers, filled here once per language; the texts keep their
 * own {@code {{placeholders}}} for rendering time.
 */
@Singleton
public class CustomerTexts {

    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da", "cs");
    public static final String ENGLISH = "en";
    private static final Pattern MARKER = Pattern.compile("\\[\\[([A-Za-z.]+)]]");

    private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();

    public CustomerTexts() {
        LANGUAGES.forEach(language -> texts.put(language, load(language)));
    }

    /** The language the gateway speaks for this locale ({@code de-AT} → {@code de}); English for any other. */
    public static String languageOf(@Nullable String locale) {
        if (locale == null) {
            return ENGLISH;
        }
        int dash = locale.indexOf('-');
        String language = (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : ENGLISH;
    }

    public boolean speaks(String language) {
        return texts.containsKey(language);
    }

    /** A text; English where a language lacks the key (a test keeps every language complete). */
    public String text(String language, String key) {
        String text = texts.getOrDefault(language, Map.of()).get(key);
        if (text == null) {
            text = texts.get(ENGLISH).get(key);
        }
        if (text == null) {
            throw new IllegalArgumentException("no customer text " + key);
        }
        return text;
    }

    public Map<String, String> all(String language) {
        return texts.getOrDefault(language, Map.of());
    }

    /** A skeleton with every {@code [[key]]} replaced, {@code [[lang]]} by the language; {@code html} escapes the texts. */
    public String fill(String skeleton, String language, boolean html) {
        Matcher marker = MARKER.matcher(skeleton);
        StringBuilder filled = new StringBuilder();
        while (marker.find()) {
            String key = marker.group(1);
            String text = "lang".equals(key) ? language : text(language, key);
            marker.appendReplacement(filled, Matcher.quoteReplacement(html ? escape(text) : text));
        }
        marker.appendTail(filled);
        return filled.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> load(String language) {
        try (InputStream in = CustomerTexts.class.getResourceAsStream("/i18n/" + language + ".properties")) {
            if (in == null) {
                return Map.of();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key).strip()));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
