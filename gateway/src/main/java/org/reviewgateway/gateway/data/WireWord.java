package org.reviewgateway.gateway.data;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;

import java.util.Arrays;
import java.util.Locale;

/**
 * A state stored and shown by its lower-case word ({@code link_issued}), never by its Java name; the
 * columns and the API keep the words they always had.
 */
public interface WireWord {

    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireWord> E of(Class<E> type, String word) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " is called '" + word + "'"));
    }

    /** Maps a column holding the words to the enum; each enum names its own subclass in {@code @MappedProperty}. */
    abstract class Converter<E extends Enum<E> & WireWord> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToPersistedValue(E value, ConversionContext context) {
            return value == null ? null : value.wire();
        }

        @Override
        public E convertToEntityValue(String word, ConversionContext context) {
            return word == null ? null : of(type, word);
        }
    }
}
