package org.reviewgateway.gateway.web;


import java.util.List;

/** 422: the request is well-formed JSON but breaks the contract; names every offending field. */
public class InvalidInputException extends DomainException {

    public static final String TYPE = "urn:review-gateway:problem:validation";

    public InvalidInputException(List<Problem.FieldError> errors) {
        super(Condition.INVALID, TYPE, describe(errors), List.copyOf(errors));
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    private static String describe(List<Problem.FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
    }
}
