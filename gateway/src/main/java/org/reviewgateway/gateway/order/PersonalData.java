package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.WireWord;

/**
 * Whether an order's recipient row exists: never had one (a link order or a refused one), holds one, or had one. The
 * column keeps what the order was given ({@code held}); "purged" is read off the missing recipient row, so that ending the
 * data deletes one row and writes none (orders purged by earlier releases keep a stored {@code purged}).
 */
public enum PersonalData implements WireWord {
    NONE, HELD, PURGED;

    /** The SQL for the order {@code o}'s state as the API shows it, in one spelling for the export and the views. */
    static final String OF_ORDER_O = "CASE WHEN o.personal_data = 'held' AND NOT EXISTS "
            + "(SELECT 1 FROM recipients held WHERE held.order_id = o.id) THEN 'purged' ELSE o.personal_data END";

    /** What the order's stored word means now, given whether its recipient row is still there. */
    PersonalData given(boolean recipientExists) {
        return this == HELD && !recipientExists ? PURGED : this;
    }

    @Singleton
    public static final class Column extends WireWord.Converter<PersonalData> {
        public Column() {
            super(PersonalData.class);
        }
    }
}
