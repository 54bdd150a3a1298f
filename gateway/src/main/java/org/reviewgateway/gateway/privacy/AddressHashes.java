package org.reviewgateway.gateway.privacy;

/**
 * An address's keyed hashes at one merchant: under its key now, and under the master-key scheme it was moved from
 * (the same as {@code current} for a merchant that never was on it). Look-ups match either, so an opt-out recorded
 * before the move is still honoured.
 */
public record AddressHashes(byte[] current, byte[] legacy) {

    public static AddressHashes only(byte[] hash) {
        return new AddressHashes(hash, hash);
    }

    /** A stored recipient's hashes: its own, and the one it had before its merchant moved, if it did. */
    public static AddressHashes of(byte[] current, byte[] beforeTheMove) {
        return new AddressHashes(current, beforeTheMove == null ? current : beforeTheMove);
    }
}
