-- Incident numbers (INC-2026-0042): one counter row per year, incremented under a row lock.
CREATE TABLE IF NOT EXISTS incident_number_counter (
  counter_year INT NOT NULL PRIMARY KEY,
  last_number INT NOT NULL
);
