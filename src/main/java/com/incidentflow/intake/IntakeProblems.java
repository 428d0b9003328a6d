package com.incidentflow.intake;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.incidentflow.change.ChangeController;
import com.incidentflow.intake.InvalidRequestException.FieldProblem;
import com.incidentflow.process.step.FormCatalog;
import com.incidentflow.process.step.FormField;
import com.incidentflow.process.step.StepValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the intake API as application/problem+json (RFC 9457) with the fields at fault
 * in "errors" — never a stack trace. Spring's own MVC errors (415, 405, …) come as problems too.
 */
@RestControllerAdvice(basePackageClasses = {IncidentController.class, ChangeController.class})
public class IntakeProblems extends ResponseEntityExceptionHandler {

  /** The start form (processes/incident-reported.form): its labels name the fields in engine errors. */
  static final String START_FORM = "incident-reported";
  static final String ERRORS = "errors";

  private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);

  private final FormCatalog forms;

  public IntakeProblems(FormCatalog forms) {
    this.forms = forms;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return invalid(e.problems());
  }

  /** The engine refused the start form's values: name each field by its key, keep the form's wording. */
  @ExceptionHandler(StepValidationException.class)
  ProblemDetail refusedByForm(StepValidationException e) {
    List<FormField> fields = forms.find(START_FORM).map(f -> f.fields()).orElse(List.of());
    List<FieldProblem> problems = new ArrayList<>();
    for (String problem : e.problems()) {
      String field =
          fields.stream().filter(f -> problem.startsWith("'" + f.label() + "'")).map(FormField::key).findFirst().orElse("");
      problems.add(new FieldProblem(field, problem));
    }
    return invalid(problems);
  }

  @ExceptionHandler(IncidentNotFoundException.class)
  ProblemDetail notFound(IncidentNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Incident not found");
    return problem;
  }

  /** Once authorizations are enabled, the engine refuses what the user's groups may not do. */
  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    log.info("Refused: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your groups may not do this");
    problem.setTitle("Forbidden");
    return problem;
  }

  /** Anything unforeseen: logged here with its trace, answered without one. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Intake request failed", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed; nothing was reported");
    problem.setTitle("Internal error");
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    e.getBindingResult().getGlobalErrors().forEach(g -> problems.add(new FieldProblem("", g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalid(problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge.getMessage()));
      }
    }
    FieldProblem problem;
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      problem = new FieldProblem(StrictJson.path(mapping), mappingMessage(mapping));
    } else if (e.getCause() instanceof JsonProcessingException parsing) {
      problem = new FieldProblem("", "the body is not valid JSON: " + parsing.getOriginalMessage());
    } else {
      problem = new FieldProblem("", "a JSON body is required");
    }
    return ResponseEntity.badRequest().body(invalid(List.of(problem)));
  }

  private static String mappingMessage(JsonMappingException mapping) {
    if (mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
      return StrictJson.expected(mismatch.getTargetType());
    }
    return "cannot be read";
  }

  static ProblemDetail invalid(List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, String.join("; ", problems.stream().map(FieldProblem::toString).toList()));
    problem.setTitle("Invalid request");
    problem.setProperty(ERRORS, problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return problem;
  }

  static ProblemDetail tooLarge(long limit) {
    return tooLarge("The request body is larger than " + limit + " bytes");
  }

  static ProblemDetail tooLarge(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
    problem.setTitle("Request body too large");
    return problem;
  }
}
