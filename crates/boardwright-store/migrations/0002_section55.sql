-- Boardwright store, migration 2: Section 55. Inspection reports, the
-- Commissioner's response to each, and the board papers written about them.
-- Shipped migrations never change; change the schema with a new migration.

-- One row a report. title and published repeat fields of content (the
-- report's JSON, boardwright_model::section55::InspectionReport) for listing.
CREATE TABLE reports (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    published  TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    content    TEXT NOT NULL
);

CREATE INDEX reports_by_published ON reports (deleted_at, published);

-- The response to a report (one each, created with the report); status
-- repeats content's progress.status for listing.
CREATE TABLE responses (
    report_id  INTEGER PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
    status     TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    content    TEXT NOT NULL
);

-- Board papers written about a report.
CREATE TABLE report_papers (
    report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    paper_id  INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    PRIMARY KEY (report_id, paper_id)
);

CREATE INDEX report_papers_by_paper ON report_papers (paper_id);
