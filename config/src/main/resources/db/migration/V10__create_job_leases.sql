-- One row per exclusive job; a process holds it until held_until, so two purges never overlap.
CREATE TABLE job_leases (
    name       VARCHAR(32) PRIMARY KEY,
    held_by    VARCHAR(64),
    held_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_leases (name, held_by, held_until) VALUES ('retention-purge', NULL, NULL);
