package com.incidentflow.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.incidentflow.localization.TeamTime;
import com.incidentflow.metrics.IncidentMetricsController;
import com.incidentflow.metrics.IncidentMetricsService;
import com.incidentflow.metrics.MetricsProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one problem body as the MVC layer writes it, without an engine: a web slice of one controller
 * and the advice. Security is the filter chains' business and tested over real HTTP elsewhere.
 */
@WebMvcTest(controllers = IncidentMetricsController.class)
@AutoConfigureMockMvc(addFilters = false)
class ApiProblemsWebTest {

  @Autowired MockMvc mvc;
  @MockitoBean IncidentMetricsService metrics;

  @TestConfiguration
  static class Team {
    @Bean
    TeamTime teamTime() {
      return new TeamTime(ZoneId.of("Asia/Tokyo"), Locale.ENGLISH);
    }

    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2031-03-01T00:00:00Z"), ZoneId.of("Asia/Tokyo"));
    }

    @Bean
    MetricsProperties metricsProperties() {
      return new MetricsProperties(90, 30, Duration.ofMinutes(1));
    }

    @Bean
    Bodies bodies() {
      return new Bodies();
    }
  }

  /** Takes JSON bodies the two ways the API's controllers do: with and without a declared media type. */
  @RestController
  static class Bodies {
    @PostMapping(path = "/api/test/declared", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> declared(@RequestBody Map<String, Object> body) {
      return body;
    }

    @PostMapping("/api/test/undeclared")
    Map<String, Object> undeclared(@RequestBody Map<String, Object> body) {
      return body;
    }
  }

  static ResultActions isProblem(ResultActions answer, int status, String instance) throws Exception {
    return answer
        .andExpect(status().is(status))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.instance").value(instance))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value(""))
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
  }

  @Test
  void shouldAnswerAPathNoControllerMapsWithTheProblemBody() throws Exception {
    isProblem(mvc.perform(get("/api/no-such-thing")), 404, "/api/no-such-thing")
        .andExpect(jsonPath("$.title").value("Not Found"));
  }

  @Test
  void shouldAnswerAMethodThePathDoesNotTakeWithTheProblemBodyAndTheAllowedMethods() throws Exception {
    isProblem(mvc.perform(post("/api/metrics")), 405, "/api/metrics")
        .andExpect(header().string("Allow", "GET"))
        .andExpect(jsonPath("$.errors[0].message").value("Method 'POST' is not supported."));
  }

  @Test
  void shouldAnswerAMediaTypeThePathDoesNotTakeWithTheProblemBody() throws Exception {
    isProblem(mvc.perform(post("/api/test/declared").contentType(MediaType.TEXT_PLAIN).content("hello")), 415, "/api/test/declared");
    isProblem(mvc.perform(post("/api/test/undeclared").contentType(MediaType.TEXT_PLAIN).content("hello")), 415, "/api/test/undeclared");
  }

  @Test
  void shouldAnswerAnUnreadableBodyWithTheProblemBody() throws Exception {
    isProblem(mvc.perform(post("/api/test/undeclared").contentType(MediaType.APPLICATION_JSON).content("{\"title\": ")), 400,
        "/api/test/undeclared")
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("the body is not valid JSON")));
    isProblem(mvc.perform(post("/api/test/declared").contentType(MediaType.APPLICATION_JSON)), 400, "/api/test/declared")
        .andExpect(jsonPath("$.errors[0].message").value("a JSON body is required"));
  }

  @Test
  void shouldLeaveAPathOutsideTheApiToSpringBoot() throws Exception {
    mvc.perform(get("/no-such-page"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(""));
  }

  @Test
  void shouldNameTheDayThatEndsThePeriodBeforeItStarts() throws Exception {
    mvc.perform(get("/api/metrics").param("from", "2031-02-01").param("to", "2031-01-01"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(jsonPath("$.errors[0].message").value("must not be before from (2031-02-01), not 2031-01-01"));
    verify(metrics, never()).report(any());
  }

  @Test
  void shouldNameAParameterOfTheWrongType() throws Exception {
    mvc.perform(get("/api/metrics").param("to", "tomorrow"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("to"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a date such as 2026-11-25, not 'tomorrow'"));
  }

  @Test
  void shouldAnswerTheUnforeseenWithoutATrace() throws Exception {
    when(metrics.report(any())).thenThrow(new IllegalStateException("connection reset by db-7"));

    mvc.perform(get("/api/metrics"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.detail").value("The request could not be processed; nothing was changed"))
        .andExpect(jsonPath("$.errors[0].message").value("The request could not be processed; nothing was changed"));
  }
}
