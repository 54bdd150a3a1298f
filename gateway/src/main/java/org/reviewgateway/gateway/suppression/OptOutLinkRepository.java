package org.reviewgateway.gateway.suppression;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OptOutLinkRepository extends GenericRepository<OptOutLink, byte[]> {

    @Query("SELECT * FROM opt_out_links WHERE token_hash = :tokenHash AND expires_at > :now")
    Optional<OptOutLink> findLive(byte[] tokenHash, Instant now);
}
