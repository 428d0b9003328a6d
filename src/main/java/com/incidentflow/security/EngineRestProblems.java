package com.incidentflow.security;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.api.Problems;
import com.incidentflow.database.DatabaseOutage;
import com.incidentflow.database.DatabaseOutageAnswers;
import com.incidentflow.process.engine.UserDirectory.PasswordPolicy;
import com.incidentflow.process.step.StepValidationException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The JAX-RS exception mappers of the engine's REST API and of the webapps' APIs, one per exception
 * type, registered ahead of Camunda's own mappers for the same types; whatever they do not answer
 * keeps Camunda's own body.
 *
 * <p>Both APIs answer a request that failed because the database is away with 503 and the outage's
 * problem body ({@link DatabaseOutage#problemJson}), with Retry-After. The engine's REST API also
 * refuses in the app's one problem body ({@link Problems}: RFC 9457 with {@code errors}), as the
 * filter chains ({@link SecurityProblems}) and the API do: an authorization the engine denies and a
 * refusal of the process data guard (403), a step's values the forms refuse (400, each field by its
 * key), and a password the policy refuses (400 — the engine itself throws a plain exception that
 * Camunda's mapper answers 500). The webapps' APIs keep Camunda's answers to those.
 */
@Configuration
public class EngineRestProblems {

  static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
  /** The engine's message when a stored password breaks the policy (SaveUserCmd); it has no type of its own. */
  static final String PASSWORD_POLICY_MESSAGE = "Password does not match policy";

  /** The mappers for a REST servlet Jersey builds from its init parameters (the webapps' APIs): the database away only. */
  public static final List<Class<?>> WEBAPP_MAPPERS = List.of(EngineProblems.class, RestProblems.class, AnyProblems.class);

  @Bean
  ResourceConfigCustomizer engineRestProblemBodies() {
    return config -> config.register(new AuthorizationProblems())
        .register(new RestProblems(true))
        .register(new EngineProblems(true))
        // The database away: 503 (README, "Upgrading": when the database is not there).
        .register(new AnyProblems());
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
    String detail = "The password does not meet the password policy: " + String.join(", ", PasswordPolicy.all());
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of(new FieldProblem("password", detail)));
  }

  /** The engine REST API only. */
  @Priority(1)
  static final class AuthorizationProblems implements ExceptionMapper<AuthorizationException> {
    @Override
    public Response toResponse(AuthorizationException refused) {
      return forbidden(refused.getMessage());
    }
  }

  /** The guard answers some refusals through Camunda's RestException to set the status itself. */
  @Priority(1)
  public static final class RestProblems implements ExceptionMapper<RestException> {
    private static final RestExceptionHandler CAMUNDA = new RestExceptionHandler();

    /** The engine REST API: also the app's own refusals in the app's body. */
    private final boolean engineRest;

    /** The webapps' APIs (Jersey builds this one): the database away only. */
    public RestProblems() {
      this(false);
    }

    RestProblems(boolean engineRest) {
      this.engineRest = engineRest;
    }

    @Override
    public Response toResponse(RestException e) {
      Optional<Response> unavailable = DatabaseOutageAnswers.unavailable(e);
      if (unavailable.isPresent()) {
        return unavailable.get();
      }
      if (engineRest) {
        if (e.getStatus() == Response.Status.FORBIDDEN) {
          return forbidden(e.getMessage());
        }
        StepValidationException refused = stepRefusal(e);
        if (refused != null) {
          return invalidStep(e.getMessage(), refused);
        }
      }
      return CAMUNDA.toResponse(e);
    }
  }

  @Priority(1)
  public static final class EngineProblems implements ExceptionMapper<ProcessEngineException> {
    private static final ProcessEngineExceptionHandler CAMUNDA = new ProcessEngineExceptionHandler();

    /** The engine REST API: also the app's own refusals in the app's body. */
    private final boolean engineRest;

    /** The webapps' APIs (Jersey builds this one): the database away only. */
    public EngineProblems() {
      this(false);
    }

    EngineProblems(boolean engineRest) {
      this.engineRest = engineRest;
    }

    @Override
    public Response toResponse(ProcessEngineException e) {
      Optional<Response> unavailable = DatabaseOutageAnswers.unavailable(e);
      if (unavailable.isPresent()) {
        return unavailable.get();
      }
      if (engineRest) {
        if (PASSWORD_POLICY_MESSAGE.equals(e.getMessage())) {
          return weakPassword();
        }
        StepValidationException refused = stepRefusal(e);
        if (refused != null) {
          return invalidStep(e.getMessage(), refused);
        }
      }
      return CAMUNDA.toResponse(e);
    }
  }

  /** E.g. Spring's CannotCreateTransactionException around the engine's command. */
  @Priority(1)
  public static final class AnyProblems implements ExceptionMapper<Throwable> {
    private static final ExceptionHandler CAMUNDA = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable e) {
      return DatabaseOutageAnswers.unavailable(e).orElseGet(() -> CAMUNDA.toResponse(e));
    }
  }
}
