package com.incidentflow.notification.chat;

import com.incidentflow.notification.NotificationDelivery.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What chat deliveries posted (chat_post) and each incident's Slack thread per channel
 * (chat_thread), see V4__chat.sql. Written in transactions of their own, right after the service
 * took the post: the delivery job may still roll back, and its re-run must see what went out.
 */
@Component
public class ChatLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  private final Clock clock;

  public ChatLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The incident's thread in destination, or null when none was claimed yet. */
  public Thread thread(String incidentId, String destination) {
    List<Thread> found = jdbc.query(
        "SELECT opened_by, thread_ts FROM chat_thread WHERE incident_id = ? AND destination = ?",
        (rs, row) -> new Thread(rs.getString("opened_by"), rs.getString("thread_ts")),
        incidentId, destination);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Claims the opening of the incident's thread for this delivery; false when another claimed it first. */
  boolean claimThread(String incidentId, String destination, String deliveryId) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO chat_thread (incident_id, destination, opened_by, opened_at) VALUES (?, ?, ?, ?)",
          incidentId, destination, deliveryId, now()));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  void threadOpened(String incidentId, String destination, String ts) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "UPDATE chat_thread SET thread_ts = ? WHERE incident_id = ? AND destination = ?", ts, incidentId, destination));
  }

  boolean posted(String deliveryId, String destination) {
    Integer rows = jdbc.queryForObject(
        "SELECT COUNT(*) FROM chat_post WHERE delivery_id = ? AND destination = ?", Integer.class, deliveryId, destination);
    return rows != null && rows > 0;
  }

  void recordPost(String deliveryId, String destination, String incidentId, Channel channel, String messageRef) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO chat_post (delivery_id, destination, incident_id, channel, message_ref, posted_at) VALUES (?, ?, ?, ?, ?, ?)",
        deliveryId, destination, incidentId, channel.name(), messageRef, now()));
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  /** @param ts Slack's id of the root message; null while the opening delivery has not posted it */
  public record Thread(String openedBy, String ts) {}
}
