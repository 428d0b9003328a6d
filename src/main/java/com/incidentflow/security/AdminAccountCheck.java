package com.incidentflow.security;

import com.incidentflow.database.DatabaseSettings;
import com.incidentflow.process.engine.EngineDoorConfiguration.AdminAccount;
import com.incidentflow.process.engine.UserDirectory.PasswordPolicy;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
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

  static final String DEMO_SWITCH = "incident-flow.demo.enabled";

  /** The starter's administrator id when none is set. */
  static final String DEFAULT_ADMIN_ID = "admin";

  /** Where the demo setup keeps its H2 database (application.yaml). */
  static final String DEMO_DATABASE_LOCATION = "./data/incident-flow";

  static final String WEAK =
      "Incident Flow refuses to start: the administrator password (INCIDENT_FLOW_ADMIN_PASSWORD) is too weak. It needs ";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    // Bound as the context will bind them, before any bean exists. The demo switch has no settings
    // record: besides this check only @ConditionalOnProperty reads it (DemoUsers).
    if (Binder.get(environment).bind(DEMO_SWITCH, Boolean.class).orElse(false)) {
      return;
    }
    AdminAccount admin = AdminAccount.in(environment);
    String password = admin.password();
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(MESSAGE);
    }
    List<String> unmet = PasswordPolicy.unmet(
        password, admin.id() != null ? admin.id() : DEFAULT_ADMIN_ID, admin.firstName(), admin.lastName(), admin.email());
    if (!unmet.isEmpty()) {
      throw new IllegalStateException(WEAK + String.join(", ", unmet) + ".");
    }
    String database = DatabaseSettings.dataSourceIn(environment).getUrl();
    if (database == null || database.isBlank() || database.contains(DEMO_DATABASE_LOCATION)) {
      throw new IllegalStateException(DEMO_DATABASE);
    }
  }
}
