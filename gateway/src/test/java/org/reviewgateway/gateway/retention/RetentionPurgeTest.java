package org.reviewgateway.gateway.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.dispatch.Dispatcher;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.retention.PersonalDataPurger;
import org.reviewgateway.retention.PurgeReport;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-retention")
class RetentionPurgeTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    PersonalDataPurger purger;
    @Inject
    Dispatcher dispatcher;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    String key;
    String tag;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Retention Shop").apiKey();
        tag = UUID.randomUUID().toString().substring(0, 8);
        purger.purge(clock.instant(), false, "test-setup");
    }

    private String order(Instant sendAt) {
        String id = "P-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, "kept." + tag + "@example.org", "Kim", null, sendAt)).status());
        return id;
    }

    private String personalData(String id) {
        return (String) client.get("/v1/orders/" + id, key).json().get("personalData");
    }

    @Test
    void personalDataIsKeptUntilItsRetentionHasPassedAndGoneRightAfter() {
        client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}");
        Instant due = clock.instant().plus(Duration.ofDays(2));
        String id = order(due);
        assertEquals(201, client.postJson("/v1/orders", key, OrderBody.self("S-" + tag).json()).status());

        String link = (String) client.get("/v1/orders/" + id, key).json().get("reviewLink");
        assertEquals(200, client.postJson(link.substring(server.getURL().toString().length()), null, "{\"rating\":4,\"comment\":\"fine\"}").status());
        purger.purge(due.plus(Duration.ofDays(1)).minusSeconds(1), false, "test");
        assertEquals("held", personalData(id), "kept for the retention period after the due time");

        PurgeReport report = purger.purge(due.plus(Duration.ofDays(1)).plusSeconds(1), false, "test");

        assertTrue(report.rowsPurged() >= 1, report::summary);
        assertEquals("purged", personalData(id));
        assertEquals("reviewed", Orders.status(client, key, id), "the order itself stays");
        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"), "the review cancelled the invitation");
        assertEquals(4, ((Number) ((java.util.Map<?, ?>) client.get("/v1/orders/" + id, key).json().get("review")).get("rating")).intValue(),
                "the review survives the purge");
        assertTrue(client.get("/v1/reviews", key).body().contains("\"comment\":\"fine\""));
        assertEquals("none", personalData("S-" + tag), "self delivery never held any");
    }

    @Test
    void purgeTimeMovesToRetentionAfterTheLastMessageWasSent() {
        client.patchJson("/v1/settings", key, "{\"retention\":\"P2D\"}");
        String id = order(clock.instant().plus(Duration.ofDays(5)));
        Instant sentAt = clock.instant().plus(Duration.ofDays(5));
        clock.set(sentAt);
        dispatcher.dispatchDue();
        assertEquals("sent", Orders.status(client, key, id));

        purger.purge(sentAt.plus(Duration.ofDays(2)).minusSeconds(5), false, "test");
        assertEquals("held", personalData(id));
        purger.purge(sentAt.plus(Duration.ofDays(2)).plusSeconds(5), false, "test");
        assertEquals("purged", personalData(id));
        assertEquals("sent", Orders.firstDelivery(client, key, id).get("status"), "the delivery outcome stays");
    }

    @Test
    void dryRunChangesNothingAndCountsWhatARealRunThenPurges() {
        for (int i = 0; i < 3; i++) {
            order(clock.instant());
        }
        Instant cutoff = clock.instant().plus(Duration.ofDays(400));
        long runsBefore = Db.count(dataSource, "SELECT COUNT(*) FROM purge_runs");

        PurgeReport dry = purger.purge(cutoff, true, "test");
        long held = Db.count(dataSource, "SELECT COUNT(*) FROM recipients");
        PurgeReport real = purger.purge(cutoff, false, "test");

        assertTrue(dry.dryRun());
        assertTrue(dry.rowsPurged() >= 3);
        assertEquals(held, dry.rowsPurged(), "the dry run counted and deleted nothing");
        assertEquals(dry.rowsPurged(), real.rowsPurged());
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM recipients"));
        assertEquals(runsBefore + 1, Db.count(dataSource, "SELECT COUNT(*) FROM purge_runs"), "one audit row, none for the dry run");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM purge_runs WHERE rows_purged = ? AND batches = ? AND cutoff > ? AND triggered_by = 'test'",
                real.rowsPurged(), real.batches(), java.sql.Timestamp.from(cutoff.minusSeconds(1))));
        assertEquals(0, purger.purge(cutoff, false, "test").rowsPurged(), "running it again is harmless");
    }

    @Test
    void purgeLeavesNoCiphertextHashOrAddressOfThePurgedOrder() {
        String id = order(clock.instant());
        List<byte[]> traces = Db.bytes(dataSource,
                "SELECT r.email_cipher, r.name_cipher, r.email_hash, r.customer_digest, r.unsubscribe_token_hash FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", id);
        assertEquals(5, traces.size());

        purger.purge(clock.instant().plus(Duration.ofDays(400)), false, "test");

        List<String> found = Db.scanAllColumns(dataSource, traces, List.of("kept." + tag + "@example.org", "Kim"));
        assertEquals(List.of("public.opt_out_links.token_hash", "public.opt_out_links.email_hash"), found,
                "only what the unsubscribe link needs outlives the purge: its token's hash and the keyed address hash");
        assertEquals("purged", personalData(id));

        purger.purge(clock.instant().plus(Duration.ofDays(2 * 365 + 1)), false, "test");
        assertEquals(List.of(), Db.scanAllColumns(dataSource, traces, List.of()), "once no inbox can hold the link, it goes too");
    }

    @Test
    void anOrderWhoseInvitationNeverWentOutEndsCancelledWhenItsDataIsPurged() {
        client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}");
        Instant due = clock.instant().plus(Duration.ofDays(3));
        String id = order(due);

        purger.purge(due.plus(Duration.ofDays(2)), false, "test");

        assertEquals("purged", personalData(id));
        assertEquals("cancelled", Orders.status(client, key, id), "not scheduled with nobody left to invite");
        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"));
    }

    @Test
    void theDispatchersDataGoneGuardEndsTheOrderCancelledToo() {
        String id = order(clock.instant());
        // a recipient row gone without the eraser (as a database older than it may hold)
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var ps = c.prepareStatement("DELETE FROM recipients WHERE order_id = (SELECT id FROM orders WHERE transaction_id = ?)")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        dispatcher.dispatchDue();

        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"));
        assertEquals("cancelled", Orders.status(client, key, id));
    }

    @Test
    void twoPurgesAtOnceDoNoHarm() {
        for (int i = 0; i < 5; i++) {
            order(clock.instant());
        }
        Instant cutoff = clock.instant().plus(Duration.ofDays(400));
        CompletableFuture<PurgeReport> a = CompletableFuture.supplyAsync(() -> purger.purge(cutoff, false, "a"));
        CompletableFuture<PurgeReport> b = CompletableFuture.supplyAsync(() -> purger.purge(cutoff, false, "b"));
        long purged = a.join().rowsPurged() + b.join().rowsPurged();

        assertTrue(purged >= 5, "purged " + purged);
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM recipients"));
        assertFalse(a.join().leaseHeldElsewhere() && b.join().leaseHeldElsewhere());
    }
}
