package com.incidentflow.metrics;

import com.incidentflow.process.engine.EngineDoorConfiguration.EngineStarted;
import com.incidentflow.process.engine.ProcessModel;
import java.time.Clock;
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

  /** The report's figure threads, for the API, the gauges and the Cockpit plugin alike; shut down with the context. */
  @Bean(destroyMethod = "close")
  public MetricsFigures metricsFigures() {
    return MetricsFigures.pool(MetricsFigures.THREADS);
  }

  @Bean
  public IncidentMetricsService incidentMetricsService(JdbcTemplate jdbc, ProcessModel model, Clock clock, MetricsFigures figures) {
    return new IncidentMetricsService(jdbc, model, clock, figures);
  }

  @Bean
  StepHistogram stepHistogram(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new StepHistogram(jdbc, transactions);
  }

  @Bean
  ClientCounts clientCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new ClientCounts(jdbc, transactions);
  }

  @Bean
  TrendCounts trendCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new TrendCounts(jdbc, transactions);
  }

  @Bean
  TimeToCounts timeToCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new TimeToCounts(jdbc, transactions);
  }

  @Bean
  public MetricsDerivation metricsDerivation(JdbcTemplate jdbc, PlatformTransactionManager transactions, StepHistogram histogram,
      ClientCounts clientCounts, TrendCounts trend, TimeToCounts timeTo) {
    return new MetricsDerivation(jdbc, new TransactionTemplate(transactions), histogram, clientCounts, trend, timeTo);
  }

  @Bean
  public MetricsRecord metricsRecord(JdbcTemplate jdbc, MetricsDerivation derivation, StepHistogram histogram, ClientCounts clientCounts,
      TrendCounts trend, TimeToCounts timeTo) {
    return new MetricsRecord(jdbc, derivation, histogram, clientCounts, trend, timeTo);
  }

  @Bean
  public MetricsHistoryEvents metricsHistoryEvents(
      MetricsRecord record, MetricsDerivation derivation, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    return new MetricsHistoryEvents(record, derivation, jdbc, transactions);
  }

  @Bean
  public MetricsHousekeeping metricsHousekeeping(
      MetricsDerivation derivation, StepHistogram histogram, TimeToCounts timeTo, MetricsHistoryEvents events, JdbcTemplate jdbc,
      PlatformTransactionManager transactions, EngineStarted engine) {
    return new MetricsHousekeeping(derivation, histogram, timeTo, events, jdbc, new TransactionTemplate(transactions), engine);
  }
}
