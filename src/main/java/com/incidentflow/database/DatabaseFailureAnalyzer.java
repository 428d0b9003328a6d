package com.incidentflow.database;

import java.sql.SQLException;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that fails because the database cannot be reached or refuses the login says so in one
 * line — which database, as whom, and the driver's reason — instead of a chain of bean errors
 * (registered in META-INF/spring.factories).
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

  private final Environment environment;

  public DatabaseFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    // Bound from the environment: the start failed, the data source's beans may not exist.
    DataSourceProperties dataSource = DatabaseSettings.dataSourceIn(environment);
    String url = dataSource.getUrl() != null ? dataSource.getUrl() : "(spring.datasource.url not set)";
    String user = dataSource.getUsername() != null ? dataSource.getUsername() : "";
    return new FailureAnalysis(
        "Cannot use the database " + url + " as user '" + user + "': " + reason(cause),
        "Check INCIDENT_FLOW_DB_URL, INCIDENT_FLOW_DB_USER and INCIDENT_FLOW_DB_PASSWORD (spring.datasource.*)"
            + " and that the database is up and reachable from this host.",
        cause);
  }

  /** The innermost message: the driver's own words (refused connection, wrong password, unknown database). */
  static String reason(Throwable failure) {
    Throwable innermost = failure;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage() != null ? innermost.getMessage() : innermost.getClass().getSimpleName();
    return failure == innermost || failure.getMessage() == null || failure.getMessage().contains(message)
        ? oneLine(failure.getMessage() != null ? failure.getMessage() : message)
        : oneLine(failure.getMessage() + " (" + message + ")");
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
