package org.reviewgateway.gateway.mail;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.reviewgateway.config.DkimConfiguration;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Signs every outgoing message with DKIM (rsa-sha256, relaxed/relaxed, d= MAIL_DKIM_DOMAIN) when configured. The key
 * is read once at start-up; a missing, unreadable or short key stops start-up naming MAIL_DKIM_KEY. A signer is made
 * per message: the library's signer keeps a {@link java.security.Signature}, which senders on several threads must
 * not share.
 */
@Context
public class DkimSigning {

    static final int MIN_KEY_BITS = 2048;
    /** What the contract asks to sign beyond the library's defaults (which hold the rest of the list). */
    static final List<String> SIGNED_HEADERS = List.of("From", "To", "Subject", "Date", "Message-ID", "Reply-To", "MIME-Version",
            "Content-Type", "List-Unsubscribe", "List-Unsubscribe-Post");

    private final DkimConfiguration configuration;
    private final RSAPrivateKey key;

    DkimSigning(DkimConfiguration configuration) {
        this.configuration = configuration;
        this.key = configuration.enabled() ? readKey(Path.of(configuration.key().trim())) : null;
    }

    public boolean enabled() {
        return key != null;
    }

    /** The message to send: signed when DKIM is configured, else the message itself. */
    public MimeMessage sign(MimeMessage message) throws MessagingException {
        if (key == null) {
            return message;
        }
        DkimSigner signer = new DkimSigner(configuration.domain().trim(), configuration.selector().trim(), key);
        signer.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        signer.setLengthParam(false);
        signer.setCheckDomainKey(false);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        return new DkimMessage(message, signer);
    }

    private static RSAPrivateKey readKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("MAIL_DKIM_KEY cannot be read: " + file);
        }
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new ConfigurationException("MAIL_DKIM_KEY must be a PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----; "
                    + "convert with: openssl pkcs8 -topk8 -nocrypt -in old.pem -out dkim.pem): " + file);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
            RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key.getModulus().bitLength() < MIN_KEY_BITS) {
                throw new ConfigurationException("MAIL_DKIM_KEY must be an RSA key of at least " + MIN_KEY_BITS + " bits, got "
                        + key.getModulus().bitLength() + ": " + file);
            }
            return key;
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new ConfigurationException("MAIL_DKIM_KEY is no RSA private key: " + file);
        }
    }
}
