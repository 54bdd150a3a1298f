/** The unsubscribe link: its page and one-click endpoint, and the owner of the opt_out_links table (what a link needs after the purge). */
package org.reviewgateway.gateway.unsubscribe;
