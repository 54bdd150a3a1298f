package org.reviewgateway.gateway.review;

import jakarta.inject.Singleton;

import java.util.Optional;

/** The review of an order, for other features (the order view): they never use the repository. */
@Singleton
public class ReviewLookup {

    private final ReviewRepository reviews;

    ReviewLookup(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    public Optional<Review> of(long orderId) {
        return reviews.findByOrderId(orderId);
    }
}
