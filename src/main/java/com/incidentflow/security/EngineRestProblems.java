package com.incidentflow.security;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.api.Problems;
import com.incidentflow.database.DatabaseOutageAnswers;
import com.incidentflow.process.step.StepValidationException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The engine's REST API refuses in the app's one problem body ({@link Problems}: RFC 9457 with
 * {@code errors}), as the filter chains ({@link SecurityProblems}) and the API do: an authorization
 * the engine denies and a refusal of the process data guard (403), a step's values the forms refuse
 * (400, each field by its key), and a password the policy refuses (400 — the engine itself throws a
 * plain exception that Camunda's mapper answers 500). Registered ahead of Camunda's own mappers for
 * the same exceptions; everything else keeps Camunda's own body.
 */
@Configuration
public class EngineRestProblems {

  static final String PROBLEM_JSON = "application/problem+json";
  /** The engine's message when a stored password breaks the policy (SaveUserCmd); it has no type of its own. */
  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";


  @Bean
  ResourceConfigCustomizer engineRestProblemBodies() {
    return config -> config.register(new AuthorizationProblems()).register(new RestProblems()).register(new EngineProblems())
        // The database away: 503 (README, "Upgrading": when the database is not there).
        .register(new DatabaseOutageAnswers.AnyProblems());
  }

  static Response forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
  }

  static Response problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    return Response.status(status.value()).type(PROBLEM_JSON)
        .entity(Problems.engineApiJson(Problems.of(status, title, detail, errors), null)).build();
  }

  /** A step's values refused by the forms, wherever the engine or Camunda's REST layer wrapped it. */
  static StepValidationException stepRefusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StepValidationException refused) {
        return refused;
      }
    }
    return null;
  }

  static Response invalidStep(String detail, StepValidationException refused) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, refused.problems());
  }

  static Response weakPassword() {
    String detail = "The password does not meet the password policy: " + String.join(", ", PasswordRules.all());
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of(new FieldProblem("password", detail)));
  }

  @Priority(1)
  static final class AuthorizationProblems implements ExceptionMapper<AuthorizationException> {
    @Override
    public Response toResponse(AuthorizationException refused) {
      return forbidden(refused.getMessage());
    }
  }

  /** The guard answers some refusals through Camunda's RestException to set the status itself. */
  @Priority(1)
  static final class RestProblems implements ExceptionMapper<RestException> {
    private static final RestExceptionHandler CAMUNDA = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      Optional<Response> unavailable = DatabaseOutageAnswers.unavailable(e);
      if (unavailable.isPresent()) {
        return unavailable.get();
      }
      if (e.getStatus() == Response.Status.FORBIDDEN) {
        return forbidden(e.getMessage());
      }
      StepValidationException refused = stepRefusal(e);
      if (refused != null) {
        return invalidStep(e.getMessage(), refused);
      }
      return CAMUNDA.toResponse(e);
    }
  }

  @Priority(1)
  static final class EngineProblems implements ExceptionMapper<ProcessEngineException> {
    private static final ProcessEngineExceptionHandler CAMUNDA = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      Optional<Response> unavailable = DatabaseOutageAnswers.unavailable(e);
      if (unavailable.isPresent()) {
        return unavailable.get();
      }
      if (PASSWORD_POLICY_MESSAGE.equals(e.getMessage())) {
        return weakPassword();
      }
      StepValidationException refused = stepRefusal(e);
      if (refused != null) {
        return invalidStep(e.getMessage(), refused);
      }
      return CAMUNDA.toResponse(e);
    }
  }
}
