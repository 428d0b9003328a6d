-- Test only (MigrationFailureTest): fails halfway, after its first statements, while the table
-- migration_prerequisite is missing; applies once it exists.
CREATE TABLE migration_probe (id INT NOT NULL PRIMARY KEY);
INSERT INTO migration_probe (id) VALUES (1);
INSERT INTO migration_probe (id) SELECT id FROM migration_prerequisite;
