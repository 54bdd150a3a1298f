package org.reviewgateway.gateway.merchant;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reviewgateway.retention.MerchantEraser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Deletes what offboarded merchants left (unreadable since their data keys went), a batch per transaction, every
 * few seconds until nothing is left; every replica may sweep, each row goes once.
 */
@Singleton
class OffboardingSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingSweep.class);

    private final MerchantEraser eraser;
    private final TransactionOperations<Connection> transactions;

    OffboardingSweep(MerchantEraser eraser, TransactionOperations<Connection> transactions) {
        this.eraser = eraser;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void sweep() {
        try {
            List<UUID> merchants = transactions.executeRead(status -> offboarding());
            for (UUID merchant : merchants) {
                boolean gone = false;
                while (!gone) {
                    gone = transactions.executeWrite(status -> eraseBatch(merchant));
                }
                LOG.info("Offboarded merchant {}: every row deleted", merchant);
            }
        } catch (RuntimeException e) {
            LOG.warn("Offboarding sweep failed ({}); next run in 5 s", e.getClass().getName());
        }
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
