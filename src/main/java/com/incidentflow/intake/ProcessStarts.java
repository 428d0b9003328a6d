package com.incidentflow.intake;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Lets only a few incidents start at the same moment. Starting one holds a database connection for
 * the engine's transaction and takes a second one for its number (IncidentNumberService uses a
 * transaction of its own); if every pooled connection were held by a start waiting for its second,
 * all would wait until the pool gives up. Capping starts at half the pool, less two for everyone
 * else, keeps that from happening under a burst of reports or alerts.
 */
@Component
public class ProcessStarts {

  /** How long a start may queue behind others before the caller is told to retry. */
  private static final long QUEUE_SECONDS = 30;

  private final Semaphore permits;

  public ProcessStarts(DataSource dataSource) {
    this.permits = new Semaphore(Math.max(1, (poolSize(dataSource) - 2) / 2), true);
  }

  public <T> T run(Supplier<T> start) {
    try {
      if (!permits.tryAcquire(QUEUE_SECONDS, TimeUnit.SECONDS)) {
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Too many incidents are being reported at once; retry shortly");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to report an incident", e);
    }
    try {
      return start.get();
    } finally {
      permits.release();
    }
  }

  private static int poolSize(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
      }
    } catch (SQLException notAWrapper) {
      // fall through to the smallest safe assumption
    }
    return 4;
  }
}
