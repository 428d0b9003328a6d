package com.incidentflow.database;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A start that fails because one of our migrations failed says so in one line — which migration, and
 * the database's reason — instead of Flyway's multi-line report under a chain of bean errors
 * (registered in META-INF/spring.factories, ahead of DatabaseFailureAnalyzer, which would name only
 * the SQL error). Nothing of the failed migration stays: PostgreSQL rolls it back, and on H2
 * H2MigrationUndo puts the database back.
 */
public class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<FlywayMigrateException> implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, FlywayMigrateException cause) {
    MigrationInfo migration = cause.getMigration();
    String which = migration == null ? "A database migration"
        : "Database migration V" + migration.getVersion() + " (" + migration.getDescription() + ")";
    // The database's own words: the SQL error under Flyway's report, without the report.
    Throwable reason = cause;
    for (Throwable c = cause; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof java.sql.SQLException) {
        reason = c;
        break;
      }
    }
    return new FailureAnalysis(
        which + " failed and nothing of it was applied; the app does not start until it succeeds: "
            + DatabaseFailureAnalyzer.reason(reason).replaceFirst("; SQL statement:.*$", "")
            + (cause.getLineNumber() > 0 ? " (script line " + cause.getLineNumber() + ")" : ""),
        "Fix what the database reports above (its contents, the user's rights, space), then start again: the migration runs again.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
