package org.reviewgateway.gateway.support;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {
    }

    public static Map<String, Object> assertProblem(GatewayClient.Reply reply, int status) {
        assertEquals(status, reply.status(), () -> "unexpected answer: " + reply);
        assertTrue(reply.contentType().startsWith("application/problem+json"), () -> "content type " + reply.contentType());
        Map<String, Object> problem = reply.json();
        assertEquals(status, ((Number) problem.get("status")).intValue());
        assertNotNull(problem.get("type"));
        assertNotNull(problem.get("title"));
        assertNotNull(problem.get("detail"));
        return problem;
    }

    /** A 422 that names the field. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> assertFieldError(GatewayClient.Reply reply, String field) {
        Map<String, Object> problem = assertProblem(reply, 422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertNotNull(errors, "errors missing");
        assertTrue(errors.stream().anyMatch(e -> field.equals(e.get("field"))), () -> "no error for " + field + ": " + reply.body());
        return problem;
    }
}
