package org.reviewgateway.gateway.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reviewgateway.config.WebhooksConfiguration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of merchant webhooks: the Standard Webhooks signature and which targets are allowed. */
class WebhookRulesTest {

    private static WebhookTargets targets(boolean allowPrivate) {
        return new WebhookTargets(new WebhooksConfiguration(false, allowPrivate, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofDays(3), Duration.ofMinutes(2)));
    }

    @Test
    void signatureMatchesTheStandardWebhooksTestVector() {
        // the specification's reference libraries' vector (libraries/java WebhookTest.verifyWebhookSignWorks)
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void signatureChangesWithEveryPart() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String base = WebhookSignature.sign(secret, "msg_1", 1614265330, "{}");
        assertFalse(base.equals(WebhookSignature.sign(secret, "msg_2", 1614265330, "{}")));
        assertFalse(base.equals(WebhookSignature.sign(secret, "msg_1", 1614265331, "{}")));
        assertFalse(base.equals(WebhookSignature.sign(secret, "msg_1", 1614265330, "{ }")));
        assertFalse(base.equals(WebhookSignature.sign("whsec_AAAA9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1614265330, "{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "0.0.0.0", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2002:0a00:0001::1",
            "64:ff9b::c0a8:0101", "ff02::1"})
    void nonPublicAddressesAreRefused(String address) throws UnknownHostException {
        assertFalse(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertTrue(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook", "https://[::1]:8443/hook",
            "https://[fd00::1]/hook", "https://169.254.169.254/latest/meta-data", "http://93.184.216.34/hook",
            "https://user:pw@93.184.216.34/hook", "https://user@93.184.216.34/hook", "ftp://93.184.216.34/hook", "/relative/hook",
            "https:///no-host", "not a url", "https://0x7f000001/hook"})
    void privateOrMalformedTargetsAreRefused(String url) {
        assertTrue(targets(false).refusal(url).isPresent(), url);
    }

    @Test
    void aPublicHttpsTargetIsAllowed() {
        assertEquals(java.util.Optional.empty(), targets(false).refusal("https://93.184.216.34:8443/hooks/reviews?shop=1"));
    }

    @Test
    void privateNetworksAndPlainHttpOnlyWhenAllowed() {
        assertEquals(java.util.Optional.empty(), targets(true).refusal("http://127.0.0.1:9000/hook"));
        assertEquals(java.util.Optional.empty(), targets(true).refusal("https://10.1.2.3/hook"));
        assertTrue(targets(true).refusal("https://user:pw@127.0.0.1/hook").isPresent(), "user info never");
        assertTrue(targets(true).refusal("ftp://127.0.0.1/hook").isPresent());
    }
}
