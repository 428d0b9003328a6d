package com.incidentflow.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(MetricsProperties.class)
public class MetricsConfiguration {

  public static final String METRICS_PATH = "/api/metrics";

  @Bean
  public IncidentMetricsService incidentMetricsService(JdbcTemplate jdbc, ProcessEngine engine) {
    return new IncidentMetricsService(jdbc, engine.getRepositoryService());
  }

  @Bean
  public IncidentFacts incidentFacts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new IncidentFacts(jdbc, new TransactionTemplate(transactions));
  }

  @Bean
  public IncidentFactsRecorder incidentFactsRecorder(IncidentFacts facts, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new IncidentFactsRecorder(facts, jdbc, transactions);
  }

  @Bean
  public IncidentFactsMaintenance incidentFactsMaintenance(IncidentFacts facts, IncidentFactsRecorder recorder, ProcessEngine engine) {
    return new IncidentFactsMaintenance(facts, recorder, engine);
  }
}
