package org.reviewgateway.gateway.privacy;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable URL-safe tokens (review links, API key secrets) and their stored hashes. */
@Singleton
public class SecretTokens {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();

    /** A token of the given entropy, base64url without padding. */
    public String newToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return URL_SAFE.encodeToString(raw);
    }

    /** Random bytes, for keys handed out once (a webhook's signing secret). */
    public byte[] newBytes(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return raw;
    }

    /** Random bytes as lower-case hex: for identifiers that must survive any parser. */
    public String newHex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    public static byte[] hash(String token) {
        return PiiKeys.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of a presented token with a stored hash. */
    public static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
