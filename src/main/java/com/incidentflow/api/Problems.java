package com.incidentflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one refusal body of the app (RFC 9457 application/problem+json): type, title, status, detail,
 * instance, and {@code errors}, a list of (field, message) pairs. A refusal that is no one field's
 * names the empty field, so a client reads every refusal the same way.
 */
public final class Problems {

  public static final String ERRORS = "errors";

  private static final ObjectMapper ENGINE_API_JSON = new ObjectMapper();

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty(ERRORS, pairs(errors.isEmpty() ? List.of(FieldProblem.whole(detail)) : errors));
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
    return of(status, title, detail, List.of());
  }

  /** 400 naming each field at fault. */
  public static ProblemDetail invalid(List<FieldProblem> errors) {
    return of(HttpStatus.BAD_REQUEST, "Invalid request", detail(errors), errors);
  }

  public static ProblemDetail tooLarge(long limit) {
    return of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", "The request body is larger than " + limit + " bytes");
  }

  /** The detail of several field problems: each as "field: message", joined. */
  public static String detail(List<FieldProblem> errors) {
    return errors.isEmpty() ? "invalid request" : String.join("; ", errors.stream().map(FieldProblem::toString).toList());
  }

  /**
   * Gives a problem built elsewhere (Spring MVC's own, a ResponseStatusException's) the errors
   * member it lacks: the detail as the request's problem.
   */
  public static ProblemDetail complete(ProblemDetail problem) {
    Map<String, Object> properties = problem.getProperties();
    if (properties == null || !properties.containsKey(ERRORS)) {
      String detail = problem.getDetail() != null ? problem.getDetail() : problem.getTitle();
      problem.setProperty(ERRORS, pairs(List.of(FieldProblem.whole(detail))));
    }
    return problem;
  }

  /**
   * The same body as a plain map, for writers outside Spring MVC (the JAX-RS engine API).
   *
   * @param instance the request's path, or null
   */
  public static Map<String, Object> asMap(ProblemDetail problem, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (instance != null) {
      body.put("instance", instance);
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  /**
   * The body as the engine's APIs answer it (JAX-RS, the webapps): the same members, plus
   * "message", which the webapps show for a refusal, as Camunda's own body has it.
   *
   * @param instance the request's path, or null
   */
  public static String engineApiJson(ProblemDetail problem, String instance) {
    Map<String, Object> body = asMap(problem, instance);
    body.put("message", problem.getDetail());
    try {
      return ENGINE_API_JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets the request's path as the instance, when it is a valid URI. */
  public static ProblemDetail at(ProblemDetail problem, String path) {
    try {
      problem.setInstance(URI.create(path));
    } catch (IllegalArgumentException notAUri) {
      // The problem stands without it.
    }
    return problem;
  }

  private static List<Map<String, String>> pairs(List<FieldProblem> errors) {
    return errors.stream().map(p -> {
      Map<String, String> pair = new LinkedHashMap<>();
      pair.put("field", p.field());
      pair.put("message", p.message());
      return pair;
    }).toList();
  }
}
