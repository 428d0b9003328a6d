package com.incidentflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.incidentflow.process.step.StepValidationException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the API, whichever controller gives it, as one application/problem+json body
 * (RFC 9457) with the fields at fault in {@code errors} — never a stack trace. Spring MVC's own
 * refusals (415, 405, a bad query parameter, …) come in the same shape. The webapps' mailbox page
 * is a plain @Controller and keeps Spring Boot's error page.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** A feature's own refusal: it carries its status and body. */
  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> refused(ApiException e) {
    return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
  }

  /** The engine refused a form's values (the start form through the API): each field by its key. */
  @ExceptionHandler(StepValidationException.class)
  ProblemDetail refusedByForm(StepValidationException e) {
    return Problems.invalid(e.problems());
  }

  /** Once authorizations are enabled, the engine refuses what the user's groups may not do. */
  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    log.info("Refused: {}", e.getMessage());
    return Problems.of(HttpStatus.FORBIDDEN, "Forbidden", "Your groups may not do this");
  }

  /** Anything unforeseen: logged here with its trace, answered without one. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("API request failed", e);
    return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be processed; nothing was changed");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors().forEach(g -> problems.add(FieldProblem.whole(g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(Problems.invalid(problems));
  }

  /** A query or path parameter of the wrong type (?from=yesterday): named by its parameter. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "" : e.getPropertyName();
    Class<?> type = e.getRequiredType();
    String message = type != null && java.time.temporal.Temporal.class.isAssignableFrom(type)
        ? "must be a date such as 2026-11-25" + (type == java.time.LocalDate.class ? "" : "T09:30:00+09:00")
        : JsonFields.expected(type);
    return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(name, message + ", not '" + e.getValue() + "'"))));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", tooLarge.getMessage()));
      }
    }
    FieldProblem problem;
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      problem = new FieldProblem(JsonFields.path(mapping), mapping instanceof MismatchedInputException mismatch
          ? JsonFields.expected(mismatch.getTargetType()) : "cannot be read");
    } else if (e.getCause() instanceof JsonProcessingException parsing) {
      problem = FieldProblem.whole("the body is not valid JSON: " + parsing.getOriginalMessage());
    } else {
      problem = FieldProblem.whole("a JSON body is required");
    }
    return ResponseEntity.badRequest().body(Problems.invalid(List.of(problem)));
  }

  /** Spring MVC's own problems (405, 406, 415, a ResponseStatusException's 503) get the errors member too. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      Problems.complete(problem);
    }
    return super.createResponseEntity(body, headers, status, request);
  }
}
