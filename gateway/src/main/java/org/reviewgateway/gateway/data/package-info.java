/** Small database helpers every feature may use: unique-violation detection, enum words in columns, and the
 * few statements each database spells its own way. */
package org.reviewgateway.gateway.data;
