package org.reviewgateway.gateway.mail.smtp;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.config.SmtpConfiguration;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.mail.MailSender;
import org.reviewgateway.gateway.mail.DkimSigning;
import org.reviewgateway.gateway.mail.MimeMessages;
import org.reviewgateway.gateway.mail.OutgoingMail;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends over SMTP with Jakarta Mail (Angus), one connection kept open per batch. Each step is bounded by
 * MAIL_SMTP_TIMEOUT; one message as a whole by {@link #SEND_BOUND_FACTOR} times that (a server that
 * trickles its replies never trips a per-step timeout): past it the connection is cut and the message
 * counts as a temporary failure, tried again with the backoff, not at once.
 */
@Singleton
@Requires(property = "mail.transport", value = MailConfiguration.SMTP)
public class SmtpMailSender implements MailSender {

    static final int SEND_BOUND_FACTOR = 3;

    private final SmtpConfiguration smtp;
    private final DkimSigning dkim;
    private final Session session;
    private final TrackedSockets sockets = new TrackedSockets();
    private final Duration sendBound;
    /**
     * Bounds whole messages, and (given to Angus as its write-timeout executor) each write: without it Angus starts a
     * scheduler thread for every connection. A cancelled bound leaves the queue at once, not when it would have fired.
     */
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "smtp-send-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    SmtpMailSender(SmtpConfiguration smtp, MailConfiguration mail, DkimSigning dkim) {
        this.smtp = smtp;
        this.dkim = dkim;
        Properties props = new Properties();
        String timeout = String.valueOf(smtp.timeout().toMillis());
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        props.put("mail.smtp.from", mail.from());
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        watchdog.setRemoveOnCancelPolicy(true);
        props.put("mail.smtp.executor.writetimeout", watchdog);
        props.put("mail.smtp.auth", String.valueOf(smtp.authenticates()));
        props.put("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        props.put("mail.smtp.socketFactory", sockets);
        props.put("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(props);
        this.sendBound = smtp.timeout().multipliedBy(SEND_BOUND_FACTOR);
    }

    @PreDestroy
    void stop() {
        watchdog.shutdownNow();
    }

    @Override
    public MailSender.Connection openConnection() {
        return new SmtpConnection();
    }

    private final class SmtpConnection implements MailSender.Connection {

        private Transport transport;
        private volatile Socket socket;

        @Override
        public void send(OutgoingMail mail) throws MailFailure {
            AtomicBoolean cut = new AtomicBoolean();
            Thread sending = Thread.currentThread();
            ScheduledFuture<?> deadline = watchdog.schedule(() -> cutOff(sending, cut), sendBound.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Transport connected = connected();
                adoptNewSocket(sending);
                var message = dkim.sign(MimeMessages.build(session, mail));
                connected.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                MailFailure failure = classify(e);
                if (failure.smtpCode() == 0) {
                    close();
                    if (cut.get()) {
                        throw MailFailure.tooSlow("the mail server took longer than " + sendBound + " for one message");
                    }
                }
                throw failure;
            } finally {
                deadline.cancel(false);
                adoptNewSocket(sending);
            }
        }

        private void adoptNewSocket(Thread sending) {
            Socket created = sockets.take(sending);
            if (created != null) {
                socket = created;
            }
        }

        /** Closes the socket under a send that outlasted its bound (connecting included); the blocked read fails at once. */
        private void cutOff(Thread sending, AtomicBoolean cut) {
            cut.set(true);
            Socket connecting = sockets.pendingFor(sending);
            Socket socket = connecting != null ? connecting : this.socket;
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closed either way
                }
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
                socket = null;
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
