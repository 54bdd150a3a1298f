/** Small database helpers every feature may use: unique-violation detection and enum words in columns. */
package org.reviewgateway.gateway.data;
