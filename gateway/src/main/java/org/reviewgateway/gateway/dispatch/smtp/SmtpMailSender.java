package org.reviewgateway.gateway.dispatch.smtp;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.config.SmtpConfiguration;
import org.reviewgateway.gateway.dispatch.MailFailure;
import org.reviewgateway.gateway.dispatch.MailSender;
import org.reviewgateway.gateway.dispatch.MimeMessages;
import org.reviewgateway.gateway.dispatch.OutgoingMail;

import java.util.Properties;

/** Sends over SMTP with Jakarta Mail (Angus), one connection kept open per session. */
@Singleton
@Requires(property = "mail.transport", value = MailConfiguration.SMTP)
public class SmtpMailSender implements MailSender {

    private final SmtpConfiguration smtp;
    private final Session session;

    SmtpMailSender(SmtpConfiguration smtp, MailConfiguration mail) {
        this.smtp = smtp;
        Properties props = new Properties();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.from", mail.from());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        props.put("mail.smtp.auth", String.valueOf(smtp.authenticates()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        this.session = Session.getInstance(props);
    }

    @Override
    public MailSender.Connection openConnection() {
        return new SmtpConnection();
    }

    private final class SmtpConnection implements MailSender.Connection {

        private Transport transport;

        @Override
        public void send(OutgoingMail mail) throws MailFailure {
            try {
                Transport connected = connected();
                var message = MimeMessages.build(session, mail);
                connected.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                MailFailure failure = classify(e);
                if (failure.smtpCode() == 0) {
                    close();
                }
                throw failure;
            }
        }

        private Transport connected() throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                close();
                transport = session.getTransport("smtp");
                transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            }
            return transport;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is gone either way
                }
                transport = null;
            }
        }
    }

    /** Finds the SMTP reply behind a failure; without one it was the connection: transient. */
    static MailFailure classify(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException rcpt) {
                return MailFailure.ofReply(rcpt.getReturnCode(), rcpt.getMessage(), MailFailure.Stage.RECIPIENT);
            }
            if (next instanceof SMTPSenderFailedException sender) {
                return MailFailure.ofReply(sender.getReturnCode(), sender.getMessage(), MailFailure.Stage.SENDER);
            }
            if (next instanceof SMTPSendFailedException data) {
                return MailFailure.ofReply(data.getReturnCode(), data.getMessage(), MailFailure.Stage.DATA);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new MailFailure(MailFailure.Kind.TRANSIENT, 0, "mail server unreachable or connection lost (" + root.getClass().getSimpleName() + ")");
    }
}
