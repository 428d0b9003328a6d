package com.incidentflow.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

  public static final String METRICS_PATH = "/api/metrics";

  @Bean
  public IncidentMetricsService incidentMetricsService(JdbcTemplate jdbc, ProcessEngine engine) {
    return new IncidentMetricsService(jdbc, engine.getRepositoryService());
  }

  /**
   * Basic auth against Camunda's identity service for the metrics endpoint only, so it is protected
   * on its own. The security work puts the same filter on all of /api/*; once that is merged this
   * registration is redundant (running both is harmless: each sets and clears the same authentication).
   */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> metricsAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("incidentMetricsAuthentication");
    registration.addUrlPatterns(METRICS_PATH, METRICS_PATH + "/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
