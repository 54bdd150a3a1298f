package org.reviewgateway.gateway.mail;

import java.util.Collection;

/**
 * The narrow port to a mail transport. A connection may stay open for several messages;
 * the dispatcher opens one per batch.
 */
public interface MailSender {

    Connection openConnection();

    /**
     * The personal data behind these deliveries has ended: a transport that keeps copies of what it sent
     * deletes theirs now. Nothing to do for one that keeps none (SMTP).
     */
    default void forget(Collection<Long> deliveryIds) {
    }

    interface Connection extends AutoCloseable {

        void send(OutgoingMail mail) throws MailFailure;

        @Override
        void close();
    }
}
