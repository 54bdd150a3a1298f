package org.reviewgateway.gateway.dispatch;

/**
 * The narrow port to a mail transport. A connection may stay open for several messages;
 * the dispatcher opens one per batch.
 */
public interface MailSender {

    Connection openConnection();

    interface Connection extends AutoCloseable {

        void send(OutgoingMail mail) throws MailFailure;

        @Override
        void close();
    }
}
