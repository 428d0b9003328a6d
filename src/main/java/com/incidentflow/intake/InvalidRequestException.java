package com.incidentflow.intake;

import java.util.List;

/** A request the intake API refuses before anything is changed; answered 400 naming the fields. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One thing wrong with one field; field is a JSON path such as {@code alerts[0].startsAt}. */
  public record FieldProblem(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }
}
