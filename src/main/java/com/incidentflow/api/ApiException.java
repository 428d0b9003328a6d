package com.incidentflow.api;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A refusal a feature decides on (no such incident, a closed incident, a field at fault): carries
 * its status and problem body, so {@link ApiProblems} writes every one alike. Thrown before
 * anything is changed.
 */
public class ApiException extends RuntimeException implements ErrorResponse {

  private final ProblemDetail body;

  public ApiException(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
    super(detail);
    this.body = Problems.of(status, title, detail, errors);
  }

  public ApiException(HttpStatusCode status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return HttpStatusCode.valueOf(body.getStatus());
  }

  @Override
  public ProblemDetail getBody() {
    return body;
  }
}
