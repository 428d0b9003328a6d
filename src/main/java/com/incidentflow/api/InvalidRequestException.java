package com.incidentflow.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request refused before anything is changed; answered 400 naming the fields. */
public class InvalidRequestException extends ApiException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(HttpStatus.BAD_REQUEST, "Invalid request", Problems.detail(problems), problems);
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
