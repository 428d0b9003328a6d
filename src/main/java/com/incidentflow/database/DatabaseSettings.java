package com.incidentflow.database;

import java.time.Duration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code incident-flow.database.*}.
 *
 * @param startWait how long a start waits for a database that is not up yet (DatabaseStartWait)
 */
@ConfigurationProperties("incident-flow.database")
public record DatabaseSettings(@DefaultValue("2m") Duration startWait) {

  static final String PREFIX = "incident-flow.database";

  /**
   * Bound from the environment, as the context binds them: for what runs before any bean exists
   * (a bean post-processor, a failure analyzer).
   */
  static DatabaseSettings in(Environment environment) {
    return Binder.get(environment).bindOrCreate(PREFIX, DatabaseSettings.class);
  }

  /**
   * Spring Boot's {@code spring.datasource.*}, bound from the environment onto the properties class
   * Boot builds the data source from: for what runs before its bean exists (the admin account check,
   * the failure analyzer).
   */
  public static DataSourceProperties dataSourceIn(Environment environment) {
    return Binder.get(environment).bind("spring.datasource", DataSourceProperties.class).orElseGet(DataSourceProperties::new);
  }
}
