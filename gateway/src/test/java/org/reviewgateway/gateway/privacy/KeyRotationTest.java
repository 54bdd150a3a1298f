package org.reviewgateway.gateway.privacy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.ops.ConfigurationValidationTest;
import org.reviewgateway.retention.DataKeyRewrap;
import org.reviewgateway.retention.DataKeyWrapping;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new master key in GATEWAY_PII_KEY with the old one in GATEWAY_PII_PREVIOUS_KEYS: every data key wrapped by the
 * old one still opens, new ones are wrapped by the new one. On the embedded default only (a database of its own).
 */
@DisabledIf("org.reviewgateway.gateway.support.PostgresSession#active")
class KeyRotationTest {

    @TempDir
    Path dataDir;

    @Test
    void dataKeysWrappedByThePreviousMasterKeyStillOpenAndAfterTheRewrapTheOldKeyIsNotNeeded() throws Exception {
        UUID merchantId;
        byte[] sealed;
        try (ApplicationContext before = start(Map.of("gateway.pii-key", key(1)))) {
            merchantId = before.getBean(MerchantAccounts.class).create("Rotating Shop").merchant().id();
            sealed = before.getBean(PiiCipher.class).encrypt(merchantId, "sealed before the rotation");
        }
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(2)), "GATEWAY_PII_PREVIOUS_KEYS");

        try (ApplicationContext after = start(Map.of("gateway.pii-key", key(2), "gateway.pii-previous-keys", key(3) + "," + key(1)))) {
            assertEquals("sealed before the rotation", after.getBean(PiiCipher.class).decrypt(merchantId, sealed));
            UUID newMerchant = after.getBean(MerchantAccounts.class).create("Shop After Rotation").merchant().id();
            PiiCipher cipher = after.getBean(PiiCipher.class);
            assertEquals("new", cipher.decrypt(newMerchant, cipher.encrypt(newMerchant, "new")));
            assertEquals(DataKeyWrapping.masterKeyId(Base64.getDecoder().decode(key(2))), after.getBean(PiiKeys.class).keyId(),
                    "new data keys are wrapped by GATEWAY_PII_KEY");

            DataKeyRewrap.Report report = after.getBean(DataKeyRewrap.class).rewrap();
            assertEquals(1, report.rewrapped(), report::summary);
            assertEquals(1, report.alreadyCurrent(), report::summary);
            assertFalse(report.previousKeysStillNeeded(), report::summary);
        }
        try (ApplicationContext rewrapped = start(Map.of("gateway.pii-key", key(2)))) {
            assertEquals("sealed before the rotation", rewrapped.getBean(PiiCipher.class).decrypt(merchantId, sealed),
                    "after the rewrap the previous key is no longer needed");
        }
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(1)), "GATEWAY_PII_KEY");
    }

    @Test
    void aMerchantOfTheMasterKeySchemeKeepsThePreviousKeyNeeded() throws Exception {
        try (ApplicationContext before = start(Map.of("gateway.pii-key", key(1)))) {
            UUID merchantId = before.getBean(MerchantAccounts.class).create("Old Scheme Shop").merchant().id();
            try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(before.getBean(javax.sql.DataSource.class)).getConnection();
                 var ps = c.prepareStatement("UPDATE data_keys SET wrapped_key = NULL, master_key_id = NULL WHERE merchant_id = ?")) {
                ps.setObject(1, merchantId);
                ps.executeUpdate();
            }
        }
        try (ApplicationContext after = start(Map.of("gateway.pii-key", key(2), "gateway.pii-previous-keys", key(1)))) {
            DataKeyRewrap.Report report = after.getBean(DataKeyRewrap.class).rewrap();
            assertTrue(report.previousKeysStillNeeded(), report::summary);
            assertTrue(report.summary().contains("keep GATEWAY_PII_PREVIOUS_KEYS"), report::summary);
        }
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir, Map.of("gateway.pii-key", key(2)), "GATEWAY_PII_PREVIOUS_KEYS");
    }

    @Test
    void aTruncatedPreviousKeyStopsStartUpNamingItsVariable() {
        start(Map.of("gateway.pii-key", key(1))).close();
        ConfigurationValidationTest.assertStartUpFailsMentioning(dataDir,
                Map.of("gateway.pii-key", key(1), "gateway.pii-previous-keys", key(2).substring(0, 20)), "GATEWAY_PII_PREVIOUS_KEYS");
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    private ApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(Map.of("gateway.data-dir", dataDir.toString(), "micronaut.server.port", -1));
        all.putAll(properties);
        return ApplicationContext.run(all, Environment.TEST);
    }
}
