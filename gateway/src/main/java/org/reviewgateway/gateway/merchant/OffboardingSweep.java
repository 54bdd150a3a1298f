package org.reviewgateway.gateway.merchant;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.privacy.DataKeys;
import org.reviewgateway.retention.MerchantEraser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Deletes what offboarded merchants left (unreadable since their data keys went), a batch per transaction, every
 * few seconds until nothing is left, and makes this replica forget their unwrapped keys. Every replica may sweep
 * (each row goes once; replicas may wait on each other's batch); a merchant whose batch fails does not hold up the rest.
 */
@Singleton
class OffboardingSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingSweep.class);

    private final MerchantEraser eraser;
    private final DataKeys dataKeys;
    private final TransactionOperations<Connection> transactions;

    OffboardingSweep(MerchantEraser eraser, DataKeys dataKeys, TransactionOperations<Connection> transactions) {
        this.eraser = eraser;
        this.dataKeys = dataKeys;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void sweep() {
        List<UUID> merchants;
        try {
            merchants = transactions.executeRead(status -> offboarding());
        } catch (RuntimeException e) {
            LOG.warn("Offboarding sweep could not list the merchants ({}); next run in 5 s", e.getClass().getName());
            return;
        }
        for (UUID merchant : merchants) {
            dataKeys.forget(merchant);
            try {
                eraseNow(merchant);
            } catch (RuntimeException e) {
                LOG.warn("Offboarding merchant {} failed ({}); it is tried again in 5 s, the others go on", merchant, e.getClass().getName());
            }
        }
    }

    /** Every row of an offboarded merchant, a batch per transaction. */
    void eraseNow(UUID merchant) {
        boolean gone = false;
        while (!gone) {
            gone = transactions.executeWrite(status -> eraseBatch(merchant));
        }
        LOG.info("Offboarded merchant {}: every row deleted", merchant);
    }

    private List<UUID> offboarding() {
        try {
            return eraser.offboarding(transactions.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not list offboarded merchants", e);
        }
    }

    private boolean eraseBatch(UUID merchant) {
        try {
            return eraser.eraseBatch(transactions.getConnection(), merchant);
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete an offboarded merchant's rows", e);
        }
    }
}
