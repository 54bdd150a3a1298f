/** The keys, the cipher for personal data, token hashing: nothing here stores anything but the key fingerprint. */
package org.reviewgateway.gateway.privacy;
