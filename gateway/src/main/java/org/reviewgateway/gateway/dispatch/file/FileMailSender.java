package org.reviewgateway.gateway.dispatch.file;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.reviewgateway.config.GatewayConfiguration;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.gateway.dispatch.MailFailure;
import org.reviewgateway.gateway.dispatch.MailSender;
import org.reviewgateway.gateway.dispatch.MimeMessages;
import org.reviewgateway.gateway.dispatch.OutgoingMail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each message as {@code <data dir>/mail/<message id>.eml}: the default, so the gateway works
 * with no mail server. The file name follows the Message-ID, so a retried message replaces itself.
 */
@Singleton
@Requires(property = "mail.transport", value = MailConfiguration.FILE, defaultValue = MailConfiguration.FILE)
public class FileMailSender implements MailSender {

    private final Path directory;
    private final Session session = Session.getInstance(new Properties());

    FileMailSender(GatewayConfiguration configuration) {
        this.directory = Path.of(configuration.dataDir()).resolve("mail");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public MailSender.Connection openConnection() {
        return new MailSender.Connection() {
            @Override
            public void send(OutgoingMail mail) throws MailFailure {
                write(mail);
            }

            @Override
            public void close() {
            }
        };
    }

    private void write(OutgoingMail mail) throws MailFailure {
        String name = mail.messageId().replaceAll("[^A-Za-z0-9.@_-]", "") + ".eml";
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                MimeMessages.build(session, mail).writeTo(out);
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailFailure(MailFailure.Kind.TRANSIENT, 0, "could not write the mail file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
