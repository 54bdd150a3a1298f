/** Owner of the suppressions table (opt-outs, bounces, erasures, as keyed hashes only) and of the address lock slots that serialise every decision about one address. */
package org.reviewgateway.gateway.suppression;
