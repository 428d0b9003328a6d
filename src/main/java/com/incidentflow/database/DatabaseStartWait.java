package com.incidentflow.database;

import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Waits for a database that is not up yet (started together with the app, or restarting) before
 * anything uses the data source — Flyway asks it which database it is while it is being built — up to
 * {@code incident-flow.database.start-wait} (default 2 minutes), one log line per attempt saying why.
 * Then the start goes on and fails on the first use, in one line (DatabaseFailureAnalyzer).
 */
@Component
public class DatabaseStartWait implements BeanPostProcessor {

  static final Duration RETRY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(DatabaseStartWait.class);

  private final Duration startWait;

  /** Bound from the environment: a bean post-processor is built before the settings' own bean. */
  public DatabaseStartWait(Environment environment) {
    this.startWait = DatabaseSettings.in(environment).startWait();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource) {
      awaitReachable(dataSource);
    }
    return bean;
  }

  void awaitReachable(DataSource dataSource) {
    long deadline = System.nanoTime() + startWait.toNanos();
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        return;
      } catch (Exception e) {
        // Hikari reports a first connection that failed as a RuntimeException around the SQLException.
        if (System.nanoTime() + RETRY.toNanos() > deadline) {
          return;
        }
        log.warn("Database not reachable, trying again in {} s: {}", RETRY.toSeconds(), DatabaseFailureAnalyzer.reason(e));
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
