-- Boardwright store, migration 1: the first schema.
-- Shipped migrations never change (their checksums are recorded in every
-- database they built); change the schema with a new migration instead.

-- "BWRT": marks the file as a Boardwright database.
PRAGMA application_id = 1113018964;

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row a paper. title, board and paper_date repeat fields of content (the
-- paper's JSON) for listing; body is the plain text of content, for search
-- snippets; status is the store's, not part of the paper. The large columns
-- come last, so reading the others never walks their overflow pages.
-- Times are RFC 3339 UTC with milliseconds, so they sort as text.
CREATE TABLE papers (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    board      TEXT NOT NULL,
    paper_date TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'final', 'submitted')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    content    TEXT NOT NULL,
    body       TEXT NOT NULL
);

CREATE INDEX papers_by_updated ON papers (deleted_at, updated_at);
CREATE INDEX papers_by_title ON papers (deleted_at, title COLLATE NOCASE);
CREATE INDEX papers_by_date ON papers (deleted_at, paper_date);
CREATE INDEX papers_by_board ON papers (board, deleted_at);

-- Earlier contents of a paper, kept whenever a save changes it.
CREATE TABLE revisions (
    id       INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    title    TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    content  TEXT NOT NULL
);

CREATE INDEX revisions_by_paper ON revisions (paper_id, id);

-- Full-text search over the title and body of every paper not in the bin;
-- rowid = papers.id. Contentless (the text is in papers), with deletes that
-- need no old text, so that saving a long paper tokenizes it only once.
CREATE VIRTUAL TABLE papers_fts USING fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The user's settings: value is JSON.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
