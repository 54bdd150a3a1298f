/** The hosted review form and the reviews API; owner of the reviews table. */
package org.reviewgateway.gateway.review;
