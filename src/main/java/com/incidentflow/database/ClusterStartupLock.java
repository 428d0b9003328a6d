package com.incidentflow.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node at a time does the start-up work that must happen once per database: our migrations, the
 * engine's tables, deployment and admin account, the role model, the demo team, the metrics
 * derivation and the index builds. Nodes started at the same moment would otherwise race on the same
 * CREATE TABLEs and inserts and fail to start.
 *
 * <p>A PostgreSQL session advisory lock, taken here, before the migrations (this is Spring Boot's
 * migration strategy; the engine is built after the migrations, see EngineAfterMigrations), and given
 * back when the app is ready, i.e. after every ApplicationStartedEvent listener. A node that starts
 * meanwhile waits, then finds the work done (each part checks before it acts). A node that dies while
 * holding it loses its connection and with it the lock. H2 is one embedded node: no lock.
 */
@Component
public class ClusterStartupLock implements FlywayMigrationStrategy, DisposableBean {

  /** Any number that no other application on the database uses as its advisory lock key. */
  public static final long KEY = 4_242_012_012L;

  static final long RETRY_MILLIS = 500;

  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  private final DataSource dataSource;
  private Connection held;

  public ClusterStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void migrate(Flyway flyway) {
    acquire();
    H2MigrationUndo.migrate(flyway, dataSource);
  }

  synchronized void acquire() {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      if (!tryLock(connection)) {
        log.info("Another node is starting on this database: waiting until it has finished its start-up work");
        // Asked again and again rather than waited for in pg_advisory_lock: a statement waiting for a lock
        // is an open transaction, and the other node's CREATE INDEX CONCURRENTLY waits for every open
        // transaction to end, so the two would wait for each other.
        do {
          Thread.sleep(RETRY_MILLIS);
        } while (!tryLock(connection));
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the start-up lock on the database: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection connection = held) {
      held = null;
      try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, KEY);
        unlock.execute();
      }
    } catch (SQLException e) {
      // Closing the session gives the lock back as well.
      log.warn("Could not give back the start-up lock cleanly: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    release();
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      statement.setLong(1, KEY);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
