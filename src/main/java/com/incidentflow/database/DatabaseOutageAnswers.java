package com.incidentflow.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * exception mappers, security.EngineRestProblems), and whatever fails before those, in a filter around everything (a login
 * checked against the identity service, the webapps' session check).
 */
@Configuration
public class DatabaseOutageAnswers {

  static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

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

  /** The 503 a JAX-RS resource answers when the database is away; empty otherwise (security.EngineRestProblems). */
  public static Optional<Response> unavailable(Throwable failure) {
    if (!DatabaseOutage.isCause(failure)) {
      return Optional.empty();
    }
    DatabaseOutage outage = DatabaseOutage.current();
    if (outage != null) {
      outage.refusedRequest(failure);
    }
    return Optional.of(Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .type(PROBLEM_JSON)
        .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
        .entity(DatabaseOutage.problemJson(null))
        .build());
  }
}
