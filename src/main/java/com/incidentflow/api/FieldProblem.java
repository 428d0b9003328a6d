package com.incidentflow.api;

/**
 * One thing wrong with one field: {@code field} is a JSON path such as {@code alerts[0].startsAt}, a
 * form field's key such as {@code title}, or empty when the problem is the request's as a whole.
 */
public record FieldProblem(String field, String message) {

  public FieldProblem {
    field = field == null ? "" : field;
  }

  /** A problem that is not one field's. */
  public static FieldProblem whole(String message) {
    return new FieldProblem("", message);
  }

  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
