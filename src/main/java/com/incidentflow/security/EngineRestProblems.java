package com.incidentflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.incidentflow.database.DatabaseOutageAnswers;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API refuses in the same application/problem+json body as the filter chains
 * ({@link SecurityProblems}): an authorization the engine denies, and a refusal of the process data
 * guard, are a 403 with a detail — not Camunda's own JSON shape, which differs from every other 403.
 * Registered ahead of Camunda's own mappers for the same exceptions.
 */
@Configuration
public class EngineRestProblems {

  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  ResourceConfigCustomizer engineRestProblemBodies() {
    return config -> config.register(new AuthorizationProblems()).register(new ForbiddenRestProblems())
        // The database away: 503 (README, "Upgrading": when the database is not there).
        .register(new DatabaseOutageAnswers.EngineProblems()).register(new DatabaseOutageAnswers.AnyProblems());
  }

  static Response forbidden(String detail) {
    ObjectNode body = new ObjectMapper().createObjectNode();
    body.put("type", "about:blank");
    body.put("title", "Forbidden");
    body.put("status", 403);
    body.put("detail", detail);
    // An extension member: the webapps show a refusal's "message", as Camunda's own body has it.
    body.put("message", detail);
    return Response.status(Response.Status.FORBIDDEN).type(PROBLEM_JSON).entity(body.toString()).build();
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
  static final class ForbiddenRestProblems implements ExceptionMapper<RestException> {
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
      return CAMUNDA.toResponse(e); // everything else keeps Camunda's own body
    }
  }
}
