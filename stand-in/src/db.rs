//! SQLite schema. Times are unix seconds; enums are their JSON strings.

use rusqlite::Connection;

pub const SCHEMA_VERSION: i64 = 3;

pub const TABLES: &[&str] = &[
    "meta",
    "accounts",
    "history",
    "notifications",
    "notification_user_state",
    "streams",
    "flows",
    "assets",
    "rights_accounts",
    "rights_requests",
    "activity",
    "search_calls",
];

const SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (
  id TEXT PRIMARY KEY, network TEXT NOT NULL, handle TEXT NOT NULL, display_name TEXT NOT NULL,
  avatar_url TEXT, identity_id TEXT NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL,
  expires_at INTEGER, inv_reason TEXT, inv_at INTEGER, connected_at INTEGER NOT NULL,
  last_refreshed_at INTEGER, last_refreshed_by TEXT, token_issued_at INTEGER NOT NULL,
  lifetime INTEGER NOT NULL DEFAULT 0, notified_level INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX accounts_identity ON accounts(network, identity_id);
CREATE INDEX accounts_expiry ON accounts(expires_at);
CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL,
  at INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT, detail TEXT);
CREATE INDEX history_account ON history(account_id, at);
CREATE TABLE notifications (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  account_id TEXT NOT NULL, milestone TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL, lifetime INTEGER NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
CREATE INDEX notifications_account ON notifications(account_id);
CREATE TABLE notification_user_state (notification_id TEXT NOT NULL, user_id TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0, dismissed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (notification_id, user_id));
CREATE TABLE streams (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  name TEXT NOT NULL, dest_kind TEXT NOT NULL, dest_name TEXT NOT NULL, rules TEXT NOT NULL,
  account_id TEXT, status TEXT NOT NULL, stop_reason TEXT, stop_account_id TEXT,
  stop_account_network TEXT, stop_account_handle TEXT, stop_since INTEGER,
  gap_from INTEGER, gap_to INTEGER);
CREATE INDEX streams_account ON streams(account_id);
CREATE TABLE flows (state TEXT PRIMARY KEY, kind TEXT NOT NULL, account_id TEXT,
  network TEXT NOT NULL, expected_identity TEXT, expected_handle TEXT, return_to TEXT,
  app_origin TEXT NOT NULL, status TEXT NOT NULL, created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL, completed_at INTEGER, authorized_identity TEXT,
  authorized_handle TEXT, result_account_id TEXT);
CREATE TABLE assets (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  post_id TEXT UNIQUE NOT NULL, saved_at INTEGER NOT NULL, saved_by TEXT NOT NULL);
CREATE TABLE rights_accounts (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  display_name TEXT NOT NULL, social_account_id TEXT NOT NULL, network TEXT NOT NULL,
  enabled INTEGER NOT NULL, approval_hashtag TEXT NOT NULL, terms_url TEXT NOT NULL,
  default_template TEXT NOT NULL, is_default INTEGER NOT NULL);
CREATE TABLE rights_requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  post_id TEXT NOT NULL, rights_account_id TEXT NOT NULL, message TEXT NOT NULL,
  status TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
  idempotency_key TEXT UNIQUE, error_code TEXT, error_account_id TEXT);
CREATE INDEX rights_requests_post ON rights_requests(post_id);
CREATE TABLE activity (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  post_id TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT, status TEXT,
  rights_account_id TEXT, text TEXT, error_code TEXT);
CREATE INDEX activity_post ON activity(post_id, at);
CREATE TABLE search_calls (seq INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL,
  at INTEGER NOT NULL, tag TEXT);
CREATE INDEX search_calls_account ON search_calls(account_id, at);
"#;

pub fn open(path: &str) -> Result<Connection, String> {
    let conn = if path == ":memory:" {
        Connection::open_in_memory()
    } else {
        if let Some(dir) = std::path::Path::new(path).parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
        }
        Connection::open(path)
    }
    .map_err(|e| format!("cannot open database {path}: {e}"))?;
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;",
    )
    .map_err(|e| format!("cannot configure database: {e}"))?;
    Ok(conn)
}

pub fn schema_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(0)
}

/// Drops every table and creates the schema afresh.
pub fn recreate(conn: &Connection) -> rusqlite::Result<()> {
    let mut sql = String::from("BEGIN;");
    for t in TABLES {
        sql.push_str(&format!("DROP TABLE IF EXISTS {t};"));
    }
    sql.push_str(SCHEMA);
    sql.push_str(&format!("PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"));
    conn.execute_batch(&sql)
}

/// Empties every table (inside the caller's transaction).
pub fn clear(conn: &Connection) -> rusqlite::Result<()> {
    for t in TABLES {
        conn.execute(&format!("DELETE FROM {t}"), [])?;
    }
    Ok(())
}

pub fn meta_get(conn: &Connection, key: &str) -> Option<String> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .ok()
}

pub fn meta_set(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}
