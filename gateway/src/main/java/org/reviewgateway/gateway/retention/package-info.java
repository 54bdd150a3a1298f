/** What the gateway shows of the retention purge (its metrics); the purge itself is the retention-job module. */
package org.reviewgateway.gateway.retention;
