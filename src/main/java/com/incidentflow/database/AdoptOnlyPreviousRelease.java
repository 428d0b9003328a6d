package com.incidentflow.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Guards the baseline: Flyway adopts a database that has tables but no migration history at version 1
 * (baseline-on-migrate), which is right only for a database of a release from before migrations, whose
 * own tables came from schema.sql (= V1). Any other non-empty database (someone else's tables, or
 * Camunda's alone) would be adopted without our tables; this refuses to start instead, naming why.
 */
@Component
public class AdoptOnlyPreviousRelease implements Callback {

  /** The tables schema.sql created: all of them are there in a database a previous release used. */
  static final List<String> PREVIOUS_RELEASE_TABLES =
      List.of("incident_number_counter", "alert_group", "metrics_incident", "metrics_step", "metrics_client");

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_BASELINE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    List<String> missing;
    try {
      missing = missingTables(context.getConnection(), PREVIOUS_RELEASE_TABLES);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the database's tables before adopting it: " + e.getMessage(), e);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The database holds tables but no migration history and lacks Incident Flow's tables " + missing
          + ": point the data source at an empty database or at one an earlier"
          + " release of Incident Flow used.");
    }
  }

  @Override
  public String getCallbackName() {
    return "adopt-only-previous-release";
  }

  static List<String> missingTables(Connection connection, List<String> tables) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    List<String> missing = new ArrayList<>();
    for (String table : tables) {
      boolean found = false;
      // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
      for (String spelling : List.of(table, table.toUpperCase(Locale.ROOT))) {
        try (ResultSet rs = meta.getTables(null, schema, spelling, new String[] {"TABLE"})) {
          found |= rs.next();
        }
      }
      if (!found) {
        missing.add(table);
      }
    }
    return missing;
  }
}
