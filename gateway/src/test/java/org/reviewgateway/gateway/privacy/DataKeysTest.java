package org.reviewgateway.gateway.privacy;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Each merchant's personal data is sealed and hashed under a data key of its own, stored only wrapped. */
@MicronautTest(transactional = false)
class DataKeysTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;
    @Inject
    PiiKeys masterKeys;

    private byte[] hashOf(String transactionId) {
        return Db.bytes(dataSource, "SELECT r.email_hash FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?",
                transactionId).get(0);
    }

    @Test
    void theSameAddressAtTwoMerchantsHasUnrelatedHashes() {
        GatewayClient client = new GatewayClient(server, json);
        String email = "same.person." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        GatewayClient.Merchant first = client.newMerchant("First Keyed Shop");
        GatewayClient.Merchant second = client.newMerchant("Second Keyed Shop");
        String a = "K-" + UUID.randomUUID();
        String b = "K-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", first.apiKey(), OrderBody.delegated(a, email).json()).status());
        assertEquals(201, client.postJson("/v1/orders", second.apiKey(), OrderBody.delegated(b, email).json()).status());

        assertFalse(java.util.Arrays.equals(hashOf(a), hashOf(b)), "the same customer cannot be linked across shops");
        assertArrayEquals(cipher.addressHash(UUID.fromString(first.id()), email), hashOf(a));
        byte[] sealedAtFirst = Db.bytes(dataSource, "SELECT r.email_cipher FROM recipients r JOIN orders o ON o.id = r.order_id "
                + "WHERE o.transaction_id = ?", a).get(0);
        assertEquals(email, cipher.decrypt(UUID.fromString(first.id()), sealedAtFirst));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(UUID.fromString(second.id()), sealedAtFirst), "another merchant's key does not open it");
    }

    @Test
    void aDataKeyIsStoredOnlyWrappedUnderTheCurrentMasterKey() {
        GatewayClient.Merchant merchant = new GatewayClient(server, json).newMerchant("Wrapped Key Shop");
        List<byte[]> wrapped = Db.bytes(dataSource, "SELECT wrapped_key FROM data_keys WHERE merchant_id = ?", UUID.fromString(merchant.id()));
        assertEquals(1, wrapped.size());
        assertNotNull(wrapped.get(0));
        assertEquals(60, wrapped.get(0).length, "IV, a 32-byte key, the GCM tag");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM data_keys WHERE merchant_id = ? AND master_key_id = ?",
                UUID.fromString(merchant.id()), masterKeys.keyId()));
    }

    @Test
    void aMerchantOfTheMasterKeySchemeKeepsWorkingAsBefore() {
        GatewayClient client = new GatewayClient(server, json);
        String email = "old.customer." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        GatewayClient.Merchant first = client.newMerchant("Old Shop One");
        GatewayClient.Merchant second = client.newMerchant("Old Shop Two");
        for (GatewayClient.Merchant merchant : List.of(first, second)) {
            Db.update(dataSource, "UPDATE data_keys SET wrapped_key = NULL, master_key_id = NULL WHERE merchant_id = ?", UUID.fromString(merchant.id()));
        }
        String a = "L-" + UUID.randomUUID();
        String b = "L-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", first.apiKey(), OrderBody.delegated(a, email).json()).status());
        assertEquals(201, client.postJson("/v1/orders", second.apiKey(), OrderBody.delegated(b, email).json()).status());

        assertArrayEquals(hashOf(a), hashOf(b), "the master-key scheme: one hash key for every merchant, as before");
        assertEquals(200, client.get("/v1/orders/" + a, first.apiKey()).status(), "its review token opens");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id "
                + "WHERE o.transaction_id = ? AND r.key_id = ?", a, masterKeys.keyId()), "the master key's id, as before");
    }
}
