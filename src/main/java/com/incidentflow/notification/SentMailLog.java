package com.incidentflow.notification;

import com.incidentflow.database.DatabaseOutage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every notification the mail server accepted, for the evidence trail and against sending twice.
 *
 * <p>Written right after the send in a transaction of its own, not the delivery job's: the job may
 * still roll back (a crash, a lost race), and then its re-run must see that the mail went out. A
 * crash between the server's acceptance and this record is the one case that sends a mail twice.
 */
@Component
public class SentMailLog {

  /** How sent mails were recorded before (comments on the incident); still read for old incidents. */
  public static final String PREFIX = "Mail sent: ";
  static final String MAIL = "MAIL";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  /** Sent while the database was away, not written yet: delivery id to its row. */
  private final Map<String, Object[]> unrecorded = new ConcurrentHashMap<>();

  private final Clock clock;

  public SentMailLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public void record(String deliveryId, String incidentId, String subject, Collection<String> to) {
    record(deliveryId, incidentId, MAIL, subject, to);
  }

  /** A delivery of another channel (chat), once all its posts went out; to are its destinations. */
  public void record(String deliveryId, String incidentId, String channel, String subject, Collection<String> to) {
    Object[] row = {deliveryId, incidentId, channel, subject, String.join(", ", to), Timestamp.from(clock.instant())};
    try {
      insert(row);
    } catch (RuntimeException e) {
      if (DatabaseOutage.isCause(e)) {
        // Sent, but the database went away before it was written: kept here and written when the
        // delivery's job runs again once the database is back (wasSent), so it is not sent twice.
        unrecorded.put(deliveryId, row);
      }
      throw e;
    }
  }

  private void insert(Object[] row) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO notification_sent (delivery_id, incident_id, channel, subject, recipients, sent_at) VALUES (?, ?, ?, ?, ?, ?)", row));
  }

  public boolean wasSent(String deliveryId) {
    Object[] row = unrecorded.get(deliveryId);
    if (row != null) {
      try {
        insert(row);
      } catch (DuplicateKeyException writtenAfterAll) {
        // the commit went through; only its answer was lost
      }
      unrecorded.remove(deliveryId);
      return true;
    }
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM notification_sent WHERE delivery_id = ?", Integer.class, deliveryId);
    return rows != null && rows > 0;
  }

  /** The incident's sent notifications, oldest first. */
  public List<Sent> of(String incidentId) {
    return jdbc.query(
        "SELECT subject, recipients, sent_at FROM notification_sent WHERE incident_id = ? ORDER BY sent_at, delivery_id",
        (rs, row) -> new Sent(new Date(rs.getTimestamp("sent_at").getTime()), rs.getString("subject"), rs.getString("recipients")),
        incidentId);
  }

  public record Sent(Date at, String subject, String recipients) {

    /** What the timeline shows: the subject, then who received it. */
    public String summary() {
      return subject + " → " + recipients;
    }
  }
}
