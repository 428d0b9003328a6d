-- Reading one incident looks up its alert group by number (AlertGroups.findByIncident).
-- H2 has no CONCURRENTLY (the PostgreSQL migration of the same version builds it without blocking writes).
CREATE INDEX IF NOT EXISTS alert_group_incident ON alert_group (incident_number);
