/**
 * Owner of the suppressions table (opt-outs, bounces, erasures, as keyed hashes only), of the opt_out_links table
 * (what an unsubscribe link needs after the purge) and of the address lock slots that serialise every decision
 * about one address.
 */
package org.reviewgateway.gateway.suppression;
