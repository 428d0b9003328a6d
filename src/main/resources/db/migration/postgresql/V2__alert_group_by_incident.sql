-- Reading one incident looks up its alert group by number (AlertGroups.findByIncident).
-- CONCURRENTLY: builds without blocking writes to a live table; Flyway runs this statement outside a
-- transaction (it must), so this file holds nothing else. If the build fails halfway, PostgreSQL keeps an
-- INVALID index and Flyway a failed entry: DROP INDEX CONCURRENTLY alert_group_incident, then flyway repair.
CREATE INDEX CONCURRENTLY IF NOT EXISTS alert_group_incident ON alert_group (incident_number);
