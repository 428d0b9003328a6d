package com.incidentflow.process.engine;

import com.incidentflow.process.engine.EngineDoorConfiguration.EngineStarted;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's history tables, beyond the engine's own, under our own prefix so they never
 * clash with a future engine index.
 *
 * <p>Not a migration: migrations run before the engine creates its tables on an empty database, so an
 * index on ACT_HI_* there would fail. Here they are created once the engine is up (this bean depends on
 * it, and runs on ApplicationStartedEvent), idempotently ({@code IF NOT EXISTS} / {@code IF EXISTS},
 * which H2 and PostgreSQL both accept). On PostgreSQL they are built and dropped {@code CONCURRENTLY}
 * (outside a transaction): the history tables of a live system are large and written by every step,
 * and a plain index build would block those writes for as long as it takes.
 */
@Component
public class HistoryIndexes {

  /** Prefix of every index this app adds to the engine's tables. */
  public static final String PREFIX = "incident_flow_";

  static final List<String> STATEMENTS = List.of(
      // Incidents by report time (the intake's list, newest first; deriving the metrics record for a period):
      // the engine indexes START_TIME_ and PROC_DEF_KEY_ only separately.
      "CREATE INDEX IF NOT EXISTS " + PREFIX + "hi_procinst_key_start ON ACT_HI_PROCINST (PROC_DEF_KEY_, START_TIME_)");

  /** The intake's list in its own order, newest first, for H2 (see IncidentHistory's hint). */
  static final String NEWEST_FIRST = PREFIX + "hi_procinst_newest";

  /**
   * H2 only: H2 reads an index in a query's order only when the query names it, which IncidentHistory
   * does; PostgreSQL reads the key-and-start index backwards and needs no second index to keep up.
   */
  static final List<String> H2_STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS " + NEWEST_FIRST + " ON ACT_HI_PROCINST (START_TIME_ DESC, BUSINESS_KEY_ DESC)");

  /**
   * Indexes the metrics needed while they joined ACT_HI_ACTINST directly; the metrics' own record
   * (MetricsRecord) replaced those queries, and every activity the engine writes paid for them.
   */
  static final List<String> RETIRED = List.of(PREFIX + "hi_actinst_key_act_start", PREFIX + "hi_actinst_proc_steps");

  private static final Logger log = LoggerFactory.getLogger(HistoryIndexes.class);

  private final JdbcTemplate jdbc;
  /** Whether {@link #NEWEST_FIRST} exists: the web server takes requests before the indexes are made at start. */
  private volatile boolean newestFirst;

  /** Takes the engine so that Spring builds it (and with it the ACT_HI_* tables) first. */
  public HistoryIndexes(JdbcTemplate jdbc, EngineStarted engine) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void ensureIndexes() {
    boolean postgres = isPostgres();
    List<String> statements = new ArrayList<>();
    for (String statement : STATEMENTS) {
      if (postgres) {
        dropIfInvalid(indexName(statement));
        statements.add(statement.replace("CREATE INDEX ", "CREATE INDEX CONCURRENTLY "));
      } else {
        statements.add(statement);
      }
    }
    if (!postgres) {
      statements.addAll(H2_STATEMENTS);
    }
    RETIRED.forEach(index -> statements.add("DROP INDEX " + (postgres ? "CONCURRENTLY " : "") + "IF EXISTS " + index));
    for (String statement : statements) {
      long started = System.nanoTime();
      jdbc.execute(statement);
      log.debug("{} ({} ms)", statement, (System.nanoTime() - started) / 1_000_000);
    }
    newestFirst = !postgres;
  }

  /** Whether a query may name {@link #NEWEST_FIRST} (H2, once it is made). */
  public boolean newestFirstReady() {
    return newestFirst;
  }

  private boolean isPostgres() {
    String product = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equalsIgnoreCase(product);
  }

  /**
   * A concurrent build that was interrupted (a stop, a lost connection) leaves an INVALID index that
   * PostgreSQL maintains but never uses, and that IF NOT EXISTS would keep forever: drop it to build again.
   */
  private void dropIfInvalid(String index) {
    Boolean valid = jdbc.query("SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)",
        rs -> rs.next() ? rs.getBoolean(1) : null, index);
    if (Boolean.FALSE.equals(valid)) {
      log.warn("Index {} is invalid (an earlier build was interrupted): dropping it to build it again", index);
      jdbc.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
    }
  }

  static String indexName(String createStatement) {
    return createStatement.replaceFirst("^CREATE INDEX IF NOT EXISTS (\\S+) ON .*$", "$1");
  }
}
