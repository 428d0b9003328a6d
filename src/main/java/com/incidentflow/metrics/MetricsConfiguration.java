package com.incidentflow.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
}
