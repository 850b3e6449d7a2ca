//! Shared server state: configuration, the SQLite connection, the clock, the corpus, and the
//! test-control state (faults, request log).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use rusqlite::Connection;
use serde::Serialize;

use crate::clock::Clock;
use crate::corpus::Corpus;
use crate::db;
use crate::error::ApiErr;
use crate::fixtures::{self, FixtureSpec};
use crate::model;
use crate::util::Ts;

#[derive(Clone, Debug)]
pub struct Config {
    /// `:memory:` or a file path.
    pub db_path: String,
    /// Wipe and re-seed at start.
    pub fresh: bool,
    /// `demo`, `empty` or `large`.
    pub fixture: String,
    pub test_controls: bool,
    /// Where the OAuth callback posts its message when the start request had no `Origin`.
    pub app_origin: String,
    /// Origins allowed by CORS (with credentials); empty = no CORS headers at all.
    pub allow_origins: Vec<String>,
    pub app_dir: Option<PathBuf>,
    /// Normalised to start and end with `/`.
    pub app_base: String,
    /// Served as `{app_base}config.json` instead of the app's own file (the deployment's
    /// configuration, set at start: EMB-3).
    pub app_config: Option<PathBuf>,
    /// Pages of a host that embeds the app (e.g. `examples/host`), served under `host_base`.
    pub host_dir: Option<PathBuf>,
    /// Normalised to start and end with `/`.
    pub host_base: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db_path: ":memory:".into(),
            fresh: true,
            fixture: "demo".into(),
            test_controls: false,
            app_origin: "http://127.0.0.1:8080".into(),
            allow_origins: vec![],
            app_dir: None,
            app_base: "/".into(),
            app_config: None,
            host_dir: None,
            host_base: "/console/".into(),
        }
    }
}

pub fn normalize_base(base: &str) -> String {
    let mut b = base.trim().to_string();
    if !b.starts_with('/') {
        b.insert(0, '/');
    }
    if !b.ends_with('/') {
        b.push('/');
    }
    b
}

#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum FaultBody {
    Malformed,
    Empty,
}

#[derive(Clone, Debug, Serialize)]
pub struct Fault {
    pub id: u64,
    pub method: Option<String>,
    pub path: String,
    pub status: Option<u16>,
    pub delay_ms: Option<u64>,
    pub body: Option<FaultBody>,
    /// Applied to the answer after the handler ran (its work is kept).
    pub after: bool,
    pub remaining: u32,
}

impl Fault {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        if let Some(m) = &self.method {
            if !m.eq_ignore_ascii_case(method) {
                return false;
            }
        }
        match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct LoggedRequest {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    pub at: String,
}

pub struct Inner {
    pub config: Config,
    pub db: Mutex<Connection>,
    pub clock: Clock,
    pub corpus: RwLock<Arc<Corpus>>,
    pub faults: Mutex<Vec<Fault>>,
    pub fault_seq: Mutex<u64>,
    pub request_log: Mutex<Vec<LoggedRequest>>,
}

#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// What a handler sees inside a transaction.
pub struct Ctx<'a> {
    pub db: &'a Connection,
    pub now: Ts,
    pub corpus: &'a Corpus,
    commit_on_error: std::cell::Cell<bool>,
}

impl Ctx<'_> {
    /// Keep what was written even though the handler answers with an error (a failed rights
    /// request is recorded).
    pub fn commit_even_on_error(&self) {
        self.commit_on_error.set(true);
    }
}

impl AppState {
    pub fn new(config: Config) -> Result<AppState, String> {
        let mut conn = db::open(&config.db_path)?;
        let clock = Clock::default();
        let needs_seed = config.fresh
            || db::schema_version(&conn) != db::SCHEMA_VERSION
            || db::meta_get(&conn, "base_time").is_none();
        let now = clock.now();
        let corpus;
        if needs_seed {
            db::recreate(&conn).map_err(|e| format!("cannot create schema: {e}"))?;
            let spec = fixtures::builtin(&config.fixture).ok_or_else(|| {
                format!("unknown fixture {:?} (demo, empty, large)", config.fixture)
            })?;
            corpus = Corpus::generate(now);
            let tx = conn.transaction().map_err(|e| e.to_string())?;
            fixtures::seed(&tx, &spec, now, &config.fixture, &corpus)
                .map_err(|e| format!("cannot seed fixture: {}", e.error.message))?;
            tx.commit().map_err(|e| e.to_string())?;
        } else {
            let base = db::meta_get(&conn, "base_time")
                .and_then(|s| s.parse().ok())
                .unwrap_or(now);
            corpus = Corpus::generate(base);
        }
        Ok(AppState(Arc::new(Inner {
            config,
            db: Mutex::new(conn),
            clock,
            corpus: RwLock::new(Arc::new(corpus)),
            faults: Mutex::new(Vec::new()),
            fault_seq: Mutex::new(0),
            request_log: Mutex::new(Vec::new()),
        })))
    }

    pub fn now(&self) -> Ts {
        self.clock.now()
    }

    pub fn corpus(&self) -> Arc<Corpus> {
        self.corpus
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Runs `f` in one transaction after bringing milestones and streams up to the clock.
    /// On `Err` nothing is stored (unless the handler asked to commit anyway).
    pub fn tx<R>(&self, f: impl FnOnce(&Ctx) -> Result<R, ApiErr>) -> Result<R, ApiErr> {
        let corpus = self.corpus();
        let mut conn = self.db.lock().unwrap_or_else(|e| e.into_inner());
        let now = self.clock.now();
        let tx = conn.transaction()?;
        let ctx = Ctx {
            db: &tx,
            now,
            corpus: &corpus,
            commit_on_error: std::cell::Cell::new(false),
        };
        model::evaluate(&tx, now)?;
        let r = f(&ctx);
        let keep = r.is_ok() || ctx.commit_on_error.get();
        if keep {
            tx.commit()?;
        }
        r
    }

    /// Every stored row as text, for tests that check nothing changed.
    pub fn dump(&self) -> String {
        let conn = self.db.lock().unwrap_or_else(|e| e.into_inner());
        let mut out = String::new();
        for t in db::TABLES {
            out.push_str(&format!("## {t}\n"));
            let Ok(mut st) = conn.prepare(&format!("SELECT * FROM {t} ORDER BY rowid")) else {
                continue;
            };
            let n = st.column_count();
            let Ok(mut rows) = st.query([]) else { continue };
            while let Ok(Some(r)) = rows.next() {
                for i in 0..n {
                    match r.get_ref(i) {
                        Ok(rusqlite::types::ValueRef::Text(t)) => {
                            out.push_str(&String::from_utf8_lossy(t));
                            out.push('|');
                        }
                        other => out.push_str(&format!("{:?}|", other.ok())),
                    }
                }
                out.push('\n');
            }
        }
        out
    }

    /// Wipes and seeds a fixture; clears faults and the request log.
    pub fn reset(&self, spec: &FixtureSpec, name: &str) -> Result<(), ApiErr> {
        let now = self.clock.now();
        let corpus = Arc::new(Corpus::generate(now));
        {
            let mut conn = self.db.lock().unwrap_or_else(|e| e.into_inner());
            let tx = conn.transaction()?;
            fixtures::seed(&tx, spec, now, name, &corpus)?;
            tx.commit()?;
        }
        *self.corpus.write().unwrap_or_else(|e| e.into_inner()) = corpus;
        self.faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        self.request_log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
        Ok(())
    }
}
