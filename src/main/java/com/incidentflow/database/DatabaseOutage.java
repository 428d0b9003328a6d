package com.incidentflow.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.incidentflow.api.Problems;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database going away while the app runs, and coming back.
 *
 * <p>Whatever fails because of it — a request, a job, the job acquisition — reports here; the first
 * failure logs one line naming the database and the driver's reason, and from then on every request
 * that needs the database is answered 503 with a problem body (DatabaseOutageAnswers) instead of a
 * stack trace each. The engine, Hikari and the servlet container would log each such failure with
 * its trace: while the database is away those entries are dropped here (counted, and the count
 * logged when it returns). A probe asks the pool every {@link #PROBE} for a working connection; when
 * it gets one, one more line says the database is back and after how long. Nothing needs a restart:
 * Hikari replaces the broken connections, and every transaction that failed was rolled back whole.
 */
@Component
public class DatabaseOutage implements InitializingBean, DisposableBean {

  static final Duration PROBE = Duration.ofSeconds(2);
  /** Retry-After of a 503: about when the next probe will know. */
  static final int RETRY_AFTER_SECONDS = 5;
  static final String DETAIL =
      "The database is not reachable at the moment, so nothing was changed. Try again in a few seconds.";

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

  /** For the webapps' REST servlets, whose exception mappers Jersey builds, not Spring. */
  private static volatile DatabaseOutage current;

  private final DataSource dataSource;
  private final String database;
  private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "database-outage-probe");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong answered503 = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final OutageLogFilter logFilter = new OutageLogFilter();
  private Instant downSince;
  private ScheduledFuture<?> probe;

  public DatabaseOutage(DataSource dataSource, DataSourceProperties settings) {
    this.dataSource = dataSource;
    // Without its parameters: a password may be one of them.
    this.database = (settings.getUrl() != null ? settings.getUrl() : "(spring.datasource.url not set)").replaceFirst("[?;].*$", "");
  }

  /** Whether the failure is the database being unreachable (not a bad statement, not a conflict). */
  public static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 40; cause = cause.getCause(), depth++) {
      // Not Hikari's SQLTransientConnectionException by itself: without a connection failure under it,
      // the pool was only busy (every connection in use for connection-timeout), the database is there.
      // When the database is away it carries the driver's failure, found further down.
      if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
        return true;
      }
      // A commit or rollback that failed on a connection the pool had already closed as broken; the
      // failure it replaced, if any, is kept aside.
      if (cause instanceof TransactionSystemException tx
          && (isCause(tx.getApplicationException()) || connectionClosed(tx.getCause()))) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          // 08: connection exception; 57P01-57P03: the server shuts down, crashed, or takes no connections yet.
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Hikari's answer on a connection it closed: no SQL state, this message. */
  private static boolean connectionClosed(Throwable cause) {
    return cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  /** Reports a failure that {@link #isCause} says is the database being away; logs the first one. */
  public void noticed(Throwable failure) {
    synchronized (this) {
      if (downSince != null || prober.isShutdown()) { // already known, or the app is stopping
        return;
      }
      downSince = Instant.now();
      dropped.set(0);
      answered503.set(0);
      probe = prober.scheduleWithFixedDelay(this::probe, PROBE.toMillis(), PROBE.toMillis(), TimeUnit.MILLISECONDS);
    }
    log.error("Database {} not reachable: {} — requests that need it are answered 503 until it is back (checked every {} s)",
        database, DatabaseFailureAnalyzer.reason(failure), PROBE.toSeconds());
  }

  /** Called for each request answered 503. */
  public void refusedRequest(Throwable failure) {
    noticed(failure);
    answered503.incrementAndGet();
  }

  public synchronized boolean isDown() {
    return downSince != null;
  }

  void probe() {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid((int) PROBE.toSeconds())) {
        return;
      }
    } catch (Exception stillAway) {
      return;
    }
    Duration away;
    synchronized (this) {
      if (downSince == null) {
        return;
      }
      away = Duration.between(downSince, Instant.now());
      downSince = null;
      probe.cancel(false);
    }
    log.info("Database {} reachable again after {} s; {} requests were answered 503 meanwhile, {} log entries about it left out",
        database, away.toSeconds(), answered503.get(), dropped.get());
  }

  /** The problem body of a 503 (RFC 9457), as /api, /engine-rest and the webapps' APIs answer it. */
  public static String problemJson(String instance) {
    return Problems.engineApiJson(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", DETAIL), instance);
  }

  static DatabaseOutage current() {
    return current;
  }

  @Override
  public void afterPropertiesSet() {
    current = this;
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.addTurboFilter(logFilter);
    }
  }

  @Override
  public void destroy() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext logback) {
      logback.getTurboFilterList().remove(logFilter);
    }
    if (current == this) {
      current = null;
    }
    prober.shutdownNow();
  }

  /**
   * Drops warnings and errors whose exception is the database being away (each would carry a stack
   * trace, one per request or job acquisition) and reports the failure instead.
   */
  private final class OutageLogFilter extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params, Throwable t) {
      if (level == null || !level.isGreaterOrEqual(Level.WARN) || logger.getName().equals(DatabaseOutage.class.getName())) {
        return FilterReply.NEUTRAL;
      }
      // Hikari's own warning for each pooled connection the outage broke (no exception attached).
      if (format != null && format.startsWith("{} - Failed to validate connection") && isDown()) {
        dropped.incrementAndGet();
        return FilterReply.DENY;
      }
      Throwable failure = t;
      if (failure == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
        failure = last;
      }
      if (failure == null || !isCause(failure)) {
        return FilterReply.NEUTRAL;
      }
      noticed(failure);
      dropped.incrementAndGet();
      return FilterReply.DENY;
    }
  }
}
