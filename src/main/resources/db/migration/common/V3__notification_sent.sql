-- Every notification the SMTP server accepted, written right after it did and outside the sending
-- job's transaction (docs/adr/0004-notification-delivery-and-conflicts.md): the timeline lists these, and a delivery run again after a
-- crash or a lost race finds its row and does not send twice. delivery_id is the delivery's process instance.
CREATE TABLE notification_sent (
  delivery_id VARCHAR(64) NOT NULL PRIMARY KEY,
  incident_id VARCHAR(64) NOT NULL,
  channel VARCHAR(32) NOT NULL,
  subject VARCHAR(4000) NOT NULL,
  recipients VARCHAR(65536) NOT NULL,
  sent_at TIMESTAMP NOT NULL
);
CREATE INDEX notification_sent_incident ON notification_sent (incident_id, sent_at);
