package com.incidentflow.metrics;

import com.incidentflow.metrics.DayMonthCounts.Key;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Confirmed clients counted per client and day of the incident's report, beside the record's client rows
 * ({@code metrics_client}): incidents per client over a period reads these counts ({@link DayMonthCounts}) instead
 * of every client row of the period. Tables {@code metrics_client_day}, {@code metrics_client_month} and
 * {@code metrics_client_year} (db/migration/common/V8__metrics_client_day.sql and V10__metrics_year_counts.sql, which
 * also count the rows already in the record).
 *
 * <p>A count is of incidents, not of client rows: an incident that names a client in two contact steps counts
 * once for it. So a change to an incident's client rows changes the counts by the difference between the clients
 * it names before and after ({@link #around}), in the same transaction; rows added or removed for whole incidents
 * at once (derivation, forgetting) change them by the incidents' distinct clients ({@link #change}). Two steps of
 * one incident are never completed in parallel transactions that both commit (the engine's optimistic locking on
 * the incident), so the before-and-after of one incident does not race.
 */
class ClientCounts {

  private static final String TABLE = "metrics_client";
  private static final List<String> COLUMNS = List.of("client");
  private static final String COUNT = "incidents";

  private final JdbcTemplate jdbc;
  private final DayMonthCounts counts;

  ClientCounts(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = new DayMonthCounts(jdbc, transactions, TABLE, COLUMNS, COUNT);
  }

  /** Runs a change to one incident's client rows and counts the difference it makes to the clients it names. */
  void around(String processInstanceId, Runnable change) {
    Set<String> before = clients(processInstanceId);
    change.run();
    Set<String> after = clients(processInstanceId);
    if (before.equals(after)) {
      return;
    }
    List<LocalDateTime> reported = jdbc.queryForList(
        "SELECT reported_at FROM metrics_incident WHERE process_instance_id = ?", LocalDateTime.class, processInstanceId);
    if (reported.isEmpty()) {
      return; // no record: no client rows either (they are written only beside the incident's row)
    }
    Map<Key, Long> changes = DayMonthCounts.changes();
    for (String client : after) {
      if (!before.contains(client)) {
        counts.count(changes, MetricsPeriod.dayOf(reported.get(0)), List.of(client), 1);
      }
    }
    for (String client : before) {
      if (!after.contains(client)) {
        counts.count(changes, MetricsPeriod.dayOf(reported.get(0)), List.of(client), -1);
      }
    }
    counts.apply(changes);
  }

  /**
   * Adds (+1) or removes (-1) the counts of the incidents whose client rows {@code condition} selects, all of their
   * client rows (the condition is given the rows' alias {@code c} and must select whole incidents).
   */
  void change(int sign, String condition, Object... parameters) {
    Map<Key, Long> changes = DayMonthCounts.changes();
    jdbc.query("SELECT DISTINCT c.process_instance_id, c.client, c.reported_at FROM metrics_client c WHERE " + condition,
        rs -> {
          counts.count(changes, MetricsPeriod.dayOf(rs.getObject("reported_at", LocalDateTime.class)),
              List.of(rs.getString("client")), sign);
        },
        parameters);
    counts.apply(changes);
  }

  /** Per client, the incidents reported in the period that name it as a confirmed client. */
  static Map<String, Long> read(JdbcTemplate jdbc, MetricsPeriod period) {
    Map<String, Long> perClient = new HashMap<>();
    DayMonthCounts.reading(jdbc, TABLE, COLUMNS, COUNT).read(period, rs -> {
      perClient.merge(rs.getString("client"), rs.getInt("sign") * rs.getLong("n"), Long::sum);
    });
    perClient.values().removeIf(n -> n == 0);
    return perClient;
  }

  private Set<String> clients(String processInstanceId) {
    return new HashSet<>(jdbc.queryForList(
        "SELECT client FROM metrics_client WHERE process_instance_id = ?", String.class, processInstanceId));
  }
}
