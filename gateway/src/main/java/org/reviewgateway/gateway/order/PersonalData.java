package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.WireWord;

/** Whether an order's recipient row exists: never had one (a link order or a refused one), holds one, or had one. */
public enum PersonalData implements WireWord {
    NONE, HELD, PURGED;

    @Singleton
    public static final class Column extends WireWord.Converter<PersonalData> {
        public Column() {
            super(PersonalData.class);
        }
    }
}
