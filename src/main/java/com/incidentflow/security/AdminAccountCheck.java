package com.incidentflow.security;

import com.incidentflow.process.engine.UserDirectory.PasswordPolicy;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo setup without a strong admin password from the environment:
 * a production instance must never come up with a default, empty or guessable administrator
 * password. The password is held to the same policy the engine enforces on every other password.
 * Nor does production ever open the demo's database (./data), which holds the demo team.
 */
public class AdminAccountCheck implements EnvironmentPostProcessor {

  static final String MESSAGE =
      "Incident Flow refuses to start: no administrator password is configured. "
          + "Set INCIDENT_FLOW_ADMIN_PASSWORD (and optionally INCIDENT_FLOW_ADMIN_USER), "
          + "or run the demo setup (incident-flow.demo.enabled=true) on your own machine only.";

  static final String DEMO_DATABASE =
      "Incident Flow refuses to start: outside the demo setup it needs its own database, never the demo's (./data). "
          + "Set INCIDENT_FLOW_DB_URL (with the postgres profile, or any JDBC URL of yours).";

  /** Where the demo setup keeps its H2 database (application.yaml). */
  static final String DEMO_DATABASE_LOCATION = "./data/incident-flow";

  static final String WEAK =
      "Incident Flow refuses to start: the administrator password (INCIDENT_FLOW_ADMIN_PASSWORD) is too weak. It needs ";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = environment.getProperty("incident-flow.demo.enabled", Boolean.class, false);
    if (demo) {
      return;
    }
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(MESSAGE);
    }
    List<String> unmet = PasswordPolicy.unmet(
        password,
        environment.getProperty("camunda.bpm.admin-user.id", "admin"),
        environment.getProperty("camunda.bpm.admin-user.first-name"),
        environment.getProperty("camunda.bpm.admin-user.last-name"),
        environment.getProperty("camunda.bpm.admin-user.email"));
    if (!unmet.isEmpty()) {
      throw new IllegalStateException(WEAK + String.join(", ", unmet) + ".");
    }
    String database = environment.getProperty("spring.datasource.url");
    if (database == null || database.isBlank() || database.contains(DEMO_DATABASE_LOCATION)) {
      throw new IllegalStateException(DEMO_DATABASE);
    }
  }
}
