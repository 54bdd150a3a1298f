package org.reviewgateway.gateway.template;

import org.reviewgateway.gateway.web.DomainException;

import java.time.Duration;

/** 429: this merchant sent its test messages for now. */
class TestSendsExhaustedException extends DomainException {

    TestSendsExhaustedException() {
        super(DomainException.Condition.LIMITED, "urn:review-gateway:problem:test-sends-exhausted",
                "At most " + TemplatePreview.TEST_SENDS_PER_WINDOW + " test messages per " + TemplatePreview.TEST_SEND_WINDOW.toMinutes()
                        + " minutes; try again later.");
    }

    @Override
    public Duration retryAfter() {
        return TemplatePreview.TEST_SEND_WINDOW;
    }
}
