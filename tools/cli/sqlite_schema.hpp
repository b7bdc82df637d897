#pragma once
// The schema of a campaign store (DIR/campaign.sqlite), version 2, and the views documented for
// analysts in docs/cli.md. Kept here, in one place, so that the docs can quote it.

namespace ocop::cli {

/// The store's format name and version, kept in store_info; opening refuses anything else.
/// Version 1 differs only by its index `entries_by_event`, on the whole `event_sha`: it is read as it
/// is and upgraded by the first writer (upgrade_from_version_1).
inline constexpr const char* store_format = "ocop-campaign-store";
inline constexpr const char* store_version = "2";
inline constexpr const char* store_version_1 = "1";

/// An event already in the log: the index entries_by_event, then the event's text (?1: the first 16
/// hex digits of its SHA-256, ?2: its canonical JSON). tests/cli/test_store.py checks that SQLite
/// searches the index for it.
inline constexpr const char* applied_event_query =
    "SELECT idx FROM entries WHERE substr(event_sha, 1, 16) = ?1 AND event = ?2 LIMIT 1";

/// The index that finds an event already applied (applied_event_query): the first 16 hex digits (64
/// bits) of event_sha suffice, the event's text being compared, and keep the index small enough to
/// stay in the page cache as it grows (docs/performance.md, "The campaign store"). Made with the
/// tables (store_schema), and by the upgrade from version 1.
inline constexpr const char* applied_event_index = "CREATE INDEX entries_by_event ON entries (substr(event_sha, 1, 16))";

/// Tables, indexes (with applied_event_index) and views, created in one transaction by `campaign init`.
inline constexpr const char* store_schema = R"sql(
CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- the campaign document (campaign.json's canonical JSON); exactly one row
CREATE TABLE campaign (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
-- the hash-chained log: entry idx holds the canonical event JSON, the hash of entry idx-1 (64 zeros
-- for the first) and its own hash, SHA-256 of {"index":idx,"prev":prev,"event":event}
CREATE TABLE entries (
  idx INTEGER PRIMARY KEY,
  prev TEXT NOT NULL,
  event TEXT NOT NULL,
  hash TEXT NOT NULL,
  event_sha TEXT NOT NULL  -- SHA-256 of event alone: finds an event already applied
);
-- the head: how many entries the snapshot follows and the hash of the last; exactly one row
CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), events INTEGER NOT NULL, hash TEXT NOT NULL);
-- the snapshot: each dossier's state (canonical JSON, as `ocop campaign status DIR ID --json`),
-- the index of the last entry that changed it and the SHA-256 of state
CREATE TABLE dossiers (
  id TEXT PRIMARY KEY,
  phase TEXT NOT NULL,
  at_index INTEGER NOT NULL,
  state TEXT NOT NULL,
  state_sha TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX dossiers_by_phase ON dossiers (phase);

-- For analysts (read them with sqlite3 or any SQLite client; docs/cli.md).
CREATE VIEW dossier_summary AS
SELECT id,
       json_extract(state, '$.dossier.product_name') AS product_name,
       json_extract(state, '$.dossier.district') AS district,
       json_extract(state, '$.dossier.industry') AS industry,
       json_extract(state, '$.batch') AS batch,
       json_extract(state, '$.edition') AS edition,
       phase,
       json_extract(state, '$.level') AS level,
       coalesce(json_extract(state, '$.final_stars'), json_extract(state, '$.results[#-1].stars')) AS stars,
       json_extract(state, '$.results[#-1].mean_display') AS mean,
       coalesce(json_extract(state, '$.results[#-1].from_paper'), 0) AS mean_from_paper,
       json_extract(state, '$.updated_at') AS updated_at
FROM dossiers;
CREATE VIEW council_results AS
SELECT d.id AS dossier,
       json_extract(r.value, '$.level') AS level,
       json_extract(r.value, '$.round') AS round,
       json_extract(r.value, '$.members') AS members,
       json_extract(r.value, '$.mean_display') AS mean,
       json_extract(r.value, '$.stars') AS stars,
       json_extract(r.value, '$.at') AS at,
       coalesce(json_extract(r.value, '$.from_paper'), 0) AS from_paper
FROM dossiers AS d, json_each(d.state, '$.results') AS r;
CREATE VIEW certificates AS
SELECT d.id AS dossier,
       json_extract(d.state, '$.dossier.product_name') AS product_name,
       json_extract(c.value, '$.number') AS number,
       json_extract(c.value, '$.level') AS level,
       json_extract(c.value, '$.stars') AS stars,
       json_extract(c.value, '$.decision') AS decision,
       json_extract(c.value, '$.issued_on') AS issued_on,
       json_extract(c.value, '$.expires_on') AS expires_on
FROM dossiers AS d, json_each(d.state, '$.certificates') AS c;
)sql";

}  // namespace ocop::cli
