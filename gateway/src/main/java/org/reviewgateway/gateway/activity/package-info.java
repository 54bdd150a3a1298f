/** Per-day counts the features report for the console's overview; owns no table. */
package org.reviewgateway.gateway.activity;
