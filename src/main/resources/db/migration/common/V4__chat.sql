-- Chat notifications (Slack, Teams) beside mail. Both tables are written right after the service took
-- a post and outside the delivery job's transaction, like notification_sent: a delivery run again
-- after a retry, a crash or a lost race finds what it already posted and does not post it twice.

-- One Slack thread per incident and channel. opened_by is the delivery that posts the root message:
-- it claims the row before posting, so two deliveries of one incident never open two threads.
-- thread_ts stays empty until Slack took the root message.
CREATE TABLE chat_thread (
  incident_id VARCHAR(64) NOT NULL,
  destination VARCHAR(255) NOT NULL,
  opened_by VARCHAR(64) NOT NULL,
  thread_ts VARCHAR(64),
  opened_at TIMESTAMP NOT NULL,
  PRIMARY KEY (incident_id, destination)
);

-- Every post a delivery made: one per destination (a Slack channel, a Teams role's webhook).
CREATE TABLE chat_post (
  delivery_id VARCHAR(64) NOT NULL,
  destination VARCHAR(255) NOT NULL,
  incident_id VARCHAR(64) NOT NULL,
  channel VARCHAR(32) NOT NULL,
  message_ref VARCHAR(64),
  posted_at TIMESTAMP NOT NULL,
  PRIMARY KEY (delivery_id, destination)
);
CREATE INDEX chat_post_incident ON chat_post (incident_id, posted_at);
