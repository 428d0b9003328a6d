package com.incidentflow.database;

import jakarta.annotation.Priority;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every entry answers a request that failed because the database is away with 503 and one problem
 * body ({@link DatabaseOutage#problemJson}), with Retry-After: our /api (ahead of the controllers'
 * own advice, which would say 500), the engine's REST API and the webapps' APIs (their JAX-RS
 * exception mappers), and whatever fails before those, in a filter around everything (a login
 * checked against the identity service, the webapps' session check).
 */
@Configuration
public class DatabaseOutageAnswers {

  static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** The JAX-RS mappers for a REST servlet Jersey builds from its init parameters (the webapps' APIs). */
  public static final List<Class<?>> JAXRS_MAPPERS = List.of(EngineProblems.class, RestProblems.class, AnyProblems.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(DatabaseOutage outage) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
          if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
            throw e;
          }
          outage.refusedRequest(e);
          response.reset();
          write(request, response);
        }
      }
    });
    // Outside every other filter, Spring Security's and the webapps' included.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Ahead of @ExceptionHandler(Exception.class) advice: Spring orders resolver beans by their order. */
  @Bean
  HandlerExceptionResolver databaseOutageResolver(DatabaseOutage outage) {
    class Resolver implements HandlerExceptionResolver, Ordered {
      @Override
      public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
          return null;
        }
        outage.refusedRequest(e);
        try {
          write(request, response);
        } catch (IOException notWritten) {
          return null;
        }
        return new ModelAndView();
      }

      @Override
      public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
      }
    }
    return new Resolver();
  }

  static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
    response.setContentType(PROBLEM_JSON);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(DatabaseOutage.problemJson(request.getRequestURI()));
    response.flushBuffer();
  }

  /** The 503 a JAX-RS resource answers when the database is away; empty otherwise. */
  public static java.util.Optional<Response> unavailable(Throwable failure) {
    if (!DatabaseOutage.isCause(failure)) {
      return java.util.Optional.empty();
    }
    DatabaseOutage outage = DatabaseOutage.current();
    if (outage != null) {
      outage.refusedRequest(failure);
    }
    return java.util.Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .type(PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
        .entity(DatabaseOutage.problemJson(null))
        .build());
  }

  /** Ahead of Camunda's mapper for the same type; anything else keeps Camunda's answer. */
  @Priority(1)
  public static final class EngineProblems implements ExceptionMapper<ProcessEngineException> {
    private static final ProcessEngineExceptionHandler CAMUNDA = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return unavailable(e).orElseGet(() -> CAMUNDA.toResponse(e));
    }
  }

  @Priority(1)
  public static final class RestProblems implements ExceptionMapper<RestException> {
    private static final RestExceptionHandler CAMUNDA = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      return unavailable(e).orElseGet(() -> CAMUNDA.toResponse(e));
    }
  }

  /** E.g. Spring's CannotCreateTransactionException around the engine's command. */
  @Priority(1)
  public static final class AnyProblems implements ExceptionMapper<Throwable> {
    private static final ExceptionHandler CAMUNDA = new ExceptionHandler();

    @Override
    public Response toResponse(Throwable e) {
      return unavailable(e).orElseGet(() -> CAMUNDA.toResponse(e));
    }
  }
}
