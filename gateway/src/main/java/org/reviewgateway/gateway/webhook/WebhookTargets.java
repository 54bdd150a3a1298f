package org.reviewgateway.gateway.webhook;

import jakarta.inject.Singleton;
import org.reviewgateway.config.WebhooksConfiguration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may go (SSRF): https only, no user info, and a host that neither is nor resolves to a loopback,
 * private, link-local, unique-local or otherwise non-public address — unless WEBHOOKS_ALLOW_PRIVATE_NETWORKS is true
 * (then plain http too). Checked when the endpoint is created and again before every delivery, since what a name
 * resolves to may change (DNS rebinding). The check and the HTTP client's own look-up share the JVM's address cache
 * (positive answers kept 30 s), so the address checked is the address connected to.
 */
@Singleton
class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;

    private final boolean allowPrivateNetworks;

    WebhookTargets(WebhooksConfiguration configuration) {
        this.allowPrivateNetworks = configuration.allowPrivateNetworks();
    }

    /** Why this URL may not be a webhook endpoint, in words fit for a problem's field error; empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (scheme.equals("http") && !allowPrivateNetworks) {
            return Optional.of("must use https (plain http only with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        return addressRefusal(uri.getHost());
    }

    /** The same check on a stored URL's host, at delivery time: its addresses may have changed since. */
    Optional<String> addressRefusal(String host) {
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("must not point to a loopback, private, link-local or unique-local address "
                        + "(allowed only with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
            }
        }
        return Optional.empty();
    }

    /** Whether an address is on the public internet: not loopback, private, link-local, unique-local, shared or reserved. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // unique-local fc00::/7
            }
            if (isZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 10, 12))) {
                return isPublicIpv4(new byte[]{b[12], b[13], b[14], b[15]}); // IPv4-mapped or -compatible
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicIpv4(new byte[]{b[2], b[3], b[4], b[5]}); // 6to4 carries an IPv4 address
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicIpv4(new byte[]{b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::/96
            }
            return (b[0] & 0xe0) == 0x20; // global unicast 2000::/3 only
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || first == 100 && second >= 64 && second <= 127     // shared address space (carrier NAT)
                || first == 169 && second == 254
                || first == 172 && second >= 16 && second <= 31
                || first == 192 && second == 168
                || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                || first == 198 && (second == 18 || second == 19));  // benchmarking
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
