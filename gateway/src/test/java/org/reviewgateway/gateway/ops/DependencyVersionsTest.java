package org.reviewgateway.gateway.ops;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security overrides of the root pom reach the classpath (an imported BOM would silently lose to the parent's). */
class DependencyVersionsTest {

    @Test
    void nettyIsAtLeastTheOverride() {
        io.netty.util.Version.identify().forEach((artifact, version) ->
                assertTrue(atLeast(version.artifactVersion(), 4, 2, 18), artifact + " " + version.artifactVersion()));
    }

    @Test
    void jacksonIsAtLeastTheOverride() {
        Version core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
        assertTrue(core.compareTo(new Version(2, 21, 8, null, null, null)) >= 0, core::toString);
        assertTrue(databind.compareTo(new Version(2, 21, 8, null, null, null)) >= 0, databind::toString);
    }

    @Test
    void bouncyCastleIsAtLeastTheOverride() {
        String version = new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr();
        assertTrue(atLeast(version + ".0", 1, 79, 0), "bcprov " + version);
    }

    private static boolean atLeast(String version, int major, int minor, int patch) {
        String[] parts = version.split("[.-]");
        int[] wanted = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            int actual = Integer.parseInt(parts[i]);
            if (actual != wanted[i]) {
                return actual > wanted[i];
            }
        }
        return true;
    }
}
