package com.incidentflow.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migration that fails halfway leaves nothing half-done, on H2 as on PostgreSQL. PostgreSQL runs
 * each of Flyway's migrations in a transaction and rolls a failed one back whole; H2 commits every
 * CREATE and ALTER at once, so there a failed migration would leave its first statements behind (and
 * Flyway a failed entry that blocks every later start). On H2, before migrations are applied, the
 * database is written to a script (H2's SCRIPT: tables and rows, the engine's included); if a
 * migration fails, the database is emptied and the script run, so it is as it was before the start.
 * Only when there is something to apply: an up-to-date database starts without it.
 */
final class H2MigrationUndo {

  private static final Logger log = LoggerFactory.getLogger(H2MigrationUndo.class);

  private H2MigrationUndo() {}

  static void migrate(Flyway flyway, DataSource dataSource) {
    if (!isH2(dataSource) || flyway.info().pending().length == 0) {
      flyway.migrate();
      return;
    }
    Path script = before(dataSource);
    try {
      flyway.migrate();
    } catch (FlywayException failed) {
      undo(dataSource, script);
      throw failed;
    } finally {
      if (script != null) {
        try {
          Files.deleteIfExists(script);
        } catch (IOException e) {
          log.warn("Could not delete {}: {}", script, e.getMessage());
        }
      }
    }
  }

  private static boolean isH2(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not ask the database which it is: " + e.getMessage(), e);
    }
  }

  /** The database as a script, or null when it is empty (then undoing is emptying it). */
  private static Path before(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
        if (!tables.next()) {
          return null;
        }
      }
      Path script = Files.createTempFile("incident-flow-before-migration", ".sql");
      sql.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
      return script;
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Could not keep the database's state before migrating it: " + e.getMessage(), e);
    }
  }

  private static void undo(DataSource dataSource, Path script) {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      sql.execute("DROP ALL OBJECTS");
      if (script != null) {
        sql.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
      }
      log.info("The failed migration was undone: the database is as it was before this start");
    } catch (SQLException e) {
      throw new IllegalStateException("A migration failed and the database could not be put back as it was"
          + (script != null ? " (its state before is in " + script + ")" : "") + ": " + e.getMessage(), e);
    }
  }
}
