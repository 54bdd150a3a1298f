/** The unsubscribe link's page and one-click endpoint (RFC 8058): it suppresses the address and stops what is planned. */
package org.reviewgateway.gateway.unsubscribe;
