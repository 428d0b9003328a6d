package com.incidentflow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The refusals under {@code /api} that reach no controller, in the same problem body as the rest
 * ({@link ApiProblems}): a path no controller maps (404), a method or media type the mapped path does
 * not take (405, 415, 406). Spring MVC decides those before it picks a controller, so the
 * controllers' advice does not see them and Spring Boot's error body would answer. Requests that
 * reached a controller are left to the advice; nothing outside {@code /api} is touched.
 */
@Component
public class ApiPathProblems implements WebMvcConfigurer {

  static final String API = "/api";

  private final ApiProblems problems;
  private final ObjectMapper json = new ObjectMapper();

  public ApiPathProblems(ApiProblems problems) {
    this.problems = problems;
  }

  /** First among Spring MVC's resolvers, so it answers before the default one sends Boot's error. */
  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(0, this::resolve);
  }

  private ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
    if (!underApi(request) || reachedController(handler) || response.isCommitted()) {
      return null;
    }
    ResponseEntity<Object> answer;
    try {
      answer = problems.handleException(e, new ServletWebRequest(request, response));
    } catch (Exception notSpringMvcs) {
      return null; // not one of Spring MVC's own refusals: left as it is
    }
    if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
      return null;
    }
    try {
      write(request, response, answer, problem);
    } catch (IOException notWritten) {
      return null;
    }
    return new ModelAndView();
  }

  static boolean underApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(API) || path.startsWith(API + "/");
  }

  private static boolean reachedController(Object handler) {
    return handler instanceof HandlerMethod method && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
  }

  private void write(HttpServletRequest request, HttpServletResponse response, ResponseEntity<Object> answer, ProblemDetail problem)
      throws IOException {
    response.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    // As the advice answers: no charset parameter, UTF-8 bytes (JSON's encoding).
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String instance = problem.getInstance() != null ? problem.getInstance().toString() : request.getRequestURI();
    json.writeValue(response.getOutputStream(), Problems.asMap(Problems.complete(problem), instance));
    response.flushBuffer();
  }
}
