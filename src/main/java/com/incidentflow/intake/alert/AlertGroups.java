package com.incidentflow.intake.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The alert_group table: which incident a monitoring alert group has, and how often it was seen. */
@Repository
public class AlertGroups {

  private static final String COLUMNS =
      "group_key, incident_number, process_instance_id, status, repeats, first_seen, last_seen";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public AlertGroups(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Inserts the group's row, committed at once. Only one of many simultaneous callers succeeds —
   * the primary key decides — and that one opens the incident.
   */
  public boolean claim(String groupKey, Instant now) {
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "INSERT INTO alert_group (" + COLUMNS + ") VALUES (?, NULL, NULL, ?, 0, ?, ?)",
                  groupKey, AlertGroup.FIRING, Timestamp.from(now), Timestamp.from(now)));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  /** The row, locked until the surrounding transaction ends, so that decisions on it serialise. */
  public Optional<AlertGroup> lock(String groupKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM alert_group WHERE group_key = ? FOR UPDATE", AlertGroups::row, groupKey)
        .stream()
        .findFirst();
  }

  /** The row as committed, without locking: for notifications waiting for another to open the incident. */
  public Optional<AlertGroup> find(String groupKey) {
    return jdbc.query("SELECT " + COLUMNS + " FROM alert_group WHERE group_key = ?", AlertGroups::row, groupKey)
        .stream()
        .findFirst();
  }

  public Optional<AlertGroup> findByIncident(String incidentNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM alert_group WHERE incident_number = ?", AlertGroups::row, incidentNumber)
        .stream()
        .findFirst();
  }

  public void opened(String groupKey, String incidentNumber, String processInstanceId) {
    jdbc.update(
        "UPDATE alert_group SET incident_number = ?, process_instance_id = ? WHERE group_key = ?",
        incidentNumber, processInstanceId, groupKey);
  }

  /** Opening failed: forget the claim so that the next notification tries again. */
  public void release(String groupKey) {
    jdbc.update("DELETE FROM alert_group WHERE group_key = ? AND process_instance_id IS NULL", groupKey);
  }

  /** The group's incident was closed: the row now stands for a new incident, being opened. */
  public void reopen(String groupKey, Instant now) {
    jdbc.update(
        "UPDATE alert_group SET incident_number = NULL, process_instance_id = NULL, status = ?, repeats = 0,"
            + " first_seen = ?, last_seen = ? WHERE group_key = ?",
        AlertGroup.FIRING, Timestamp.from(now), Timestamp.from(now), groupKey);
  }

  /** @return the number of repeats now recorded */
  public int seenAgain(String groupKey, String status, Instant now) {
    jdbc.update(
        "UPDATE alert_group SET repeats = repeats + 1, status = ?, last_seen = ? WHERE group_key = ?",
        status, Timestamp.from(now), groupKey);
    return jdbc.queryForObject("SELECT repeats FROM alert_group WHERE group_key = ?", Integer.class, groupKey);
  }

  public void resolved(String groupKey, Instant now) {
    jdbc.update(
        "UPDATE alert_group SET status = ?, last_seen = ? WHERE group_key = ?",
        AlertGroup.RESOLVED, Timestamp.from(now), groupKey);
  }

  private static AlertGroup row(ResultSet rs, int n) throws SQLException {
    return new AlertGroup(
        rs.getString("group_key"),
        rs.getString("incident_number"),
        rs.getString("process_instance_id"),
        rs.getString("status"),
        rs.getInt("repeats"),
        rs.getTimestamp("first_seen").toInstant(),
        rs.getTimestamp("last_seen").toInstant());
  }

  /**
   * @param processInstanceId null while the incident is being opened
   * @param status FIRING or RESOLVED: the group's last notification
   */
  public record AlertGroup(
      String groupKey,
      String incidentNumber,
      String processInstanceId,
      String status,
      int repeats,
      Instant firstSeen,
      Instant lastSeen) {

    public static final String FIRING = "FIRING";
    public static final String RESOLVED = "RESOLVED";

    public boolean opening() {
      return processInstanceId == null;
    }
  }
}
