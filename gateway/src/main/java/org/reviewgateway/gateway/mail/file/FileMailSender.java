package org.reviewgateway.gateway.mail.file;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.reviewgateway.config.GatewayConfiguration;
import org.reviewgateway.config.MailConfiguration;
import org.reviewgateway.gateway.mail.MailFailure;
import org.reviewgateway.gateway.mail.MailSender;
import org.reviewgateway.gateway.mail.DkimSigning;
import org.reviewgateway.gateway.mail.MimeMessages;
import org.reviewgateway.gateway.mail.OutgoingMail;
import org.reviewgateway.gateway.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each message as {@code <data dir>/mail/<message id>.eml}: the default, so the gateway works
 * with no mail server. The file name follows the Message-ID, so a retried message replaces itself.
 * The files hold the address, so they live no longer than the personal data: an order's files go when
 * it is erased, cancelled or its data deleted, and a sweep every minute removes those of purged orders
 * and test messages older than {@link #TEST_MESSAGE_LIFETIME}.
 */
@Singleton
@Requires(property = "mail.transport", value = MailConfiguration.FILE, defaultValue = MailConfiguration.FILE)
public class FileMailSender implements MailSender {

    static final Duration TEST_MESSAGE_LIFETIME = Duration.ofHours(1);
    private static final Pattern DELIVERY_FILE = Pattern.compile("delivery-(\\d+)\\..*\\.eml");
    private static final int LOOKUP_CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FileMailSender.class);

    private final Path directory;
    private final Outbox deliveries;
    private final Clock clock;
    private final DkimSigning dkim;
    private final Session session = Session.getInstance(new Properties());

    FileMailSender(GatewayConfiguration configuration, Outbox deliveries, Clock clock, DkimSigning dkim) {
        this.directory = Path.of(configuration.dataDir()).resolve("mail");
        this.dkim = dkim;
        this.deliveries = deliveries;
        this.clock = clock;
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

    @Override
    public void forget(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty() || !Files.isDirectory(directory)) {
            return;
        }
        Set<Long> ids = new HashSet<>(deliveryIds);
        for (Map.Entry<Path, Long> file : deliveryFiles().entrySet()) {
            if (ids.contains(file.getValue())) {
                delete(file.getKey());
            }
        }
    }

    /** Deletes the copies whose personal data has ended meanwhile (the purge, in this process or the job) and old test messages. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    public void sweep() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Map<Path, Long> files = deliveryFiles();
        List<Long> ids = new ArrayList<>(new HashSet<>(files.values()));
        Set<Long> holding = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            holding.addAll(deliveries.holdingPersonalData(ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))));
        }
        files.forEach((file, id) -> {
            if (!holding.contains(id)) {
                delete(file);
            }
        });
        try (DirectoryStream<Path> tests = Files.newDirectoryStream(directory, "test-*.eml")) {
            for (Path test : tests) {
                if (Files.getLastModifiedTime(test).toInstant().isBefore(clock.instant().minus(TEST_MESSAGE_LIFETIME))) {
                    delete(test);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not sweep old test messages ({})", e.getClass().getSimpleName());
        }
    }

    private Map<Path, Long> deliveryFiles() {
        Map<Path, Long> files = new HashMap<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(directory, "delivery-*.eml")) {
            for (Path file : all) {
                Matcher name = DELIVERY_FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    files.put(file, Long.valueOf(name.group(1)));
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the mail directory ({})", e.getClass().getSimpleName());
        }
        return files;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete a mail file ({}); the sweep tries again", e.getClass().getSimpleName());
        }
    }

    private void write(OutgoingMail mail) throws MailFailure {
        String name = mail.messageId().replaceAll("[^A-Za-z0-9.@_-]", "") + ".eml";
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                dkim.sign(MimeMessages.build(session, mail)).writeTo(out);
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailFailure(MailFailure.Kind.TRANSIENT, 0, "could not write the mail file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
