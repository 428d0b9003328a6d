package com.incidentflow.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo setup without an admin password from the environment: a
 * production instance must never come up with a default or empty administrator password.
 */
public class AdminAccountCheck implements EnvironmentPostProcessor {

  static final String MESSAGE =
      "Incident Flow refuses to start: no administrator password is configured. "
          + "Set INCIDENT_FLOW_ADMIN_PASSWORD (and optionally INCIDENT_FLOW_ADMIN_USER), "
          + "or run the demo setup (incident-flow.demo.enabled=true) on your own machine only.";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = environment.getProperty("incident-flow.demo.enabled", Boolean.class, false);
    String password = environment.getProperty("camunda.bpm.admin-user.password");
    if (!demo && (password == null || password.isBlank())) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
