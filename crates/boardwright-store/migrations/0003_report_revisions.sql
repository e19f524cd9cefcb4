-- Boardwright store, migration 3: earlier versions of a report and its
-- response, kept by saves (at most one every few minutes of editing) and
-- before every restore, as papers keep theirs.
-- Shipped migrations never change; change the schema with a new migration.

CREATE TABLE report_revisions (
    id               INTEGER PRIMARY KEY,
    report_id        INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    title            TEXT NOT NULL,
    status           TEXT NOT NULL,
    saved_at         TEXT NOT NULL,
    report_content   TEXT NOT NULL,
    response_content TEXT NOT NULL
);

CREATE INDEX report_revisions_by_report ON report_revisions (report_id, id);
