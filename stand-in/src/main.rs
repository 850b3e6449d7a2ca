//! `stand-in`: the console API stand-in server. See README.md for flags and test controls.

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use stand_in::{app, state::normalize_base, AppState, Config};

#[derive(Parser, Debug)]
#[command(
    name = "stand-in",
    about = "A local server that implements the console API contract"
)]
struct Args {
    /// Port to listen on.
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Address to bind (loopback by default).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// SQLite database file, or `:memory:`.
    #[arg(long, default_value = "stand-in/data/dev.sqlite")]
    db: String,
    /// Wipe the database and seed the fixture again at start.
    #[arg(long)]
    fresh: bool,
    /// Seed: demo, empty or large (used when the database is new or with --fresh).
    #[arg(long, default_value = "demo")]
    fixture: String,
    /// Enable the /__test/ routes (clock, reset, faults, ...). Never on by default.
    #[arg(long)]
    test_controls: bool,
    /// Allow CORS with credentials from this origin (repeatable).
    #[arg(long = "allow-origin")]
    allow_origin: Vec<String>,
    /// The app origin the OAuth callback posts to when the start request had no Origin header.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    app_origin: String,
    /// Serve the built app (e.g. `dist`) under --app-base.
    #[arg(long)]
    app_dir: Option<PathBuf>,
    /// The path the app is served under.
    #[arg(long, default_value = "/")]
    app_base: String,
    /// Serve this file as the app's `config.json` (the deployment's configuration).
    #[arg(long)]
    app_config: Option<PathBuf>,
    /// Serve the pages of a host that embeds the app (e.g. `examples/host`) under --host-base.
    #[arg(long)]
    host_dir: Option<PathBuf>,
    /// The path the host pages are served under.
    #[arg(long, default_value = "/console/")]
    host_base: String,
}

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let args = Args::parse();
    if !stand_in::fixtures::FIXTURE_NAMES.contains(&args.fixture.as_str()) {
        eprintln!(
            "stand-in: unknown fixture {:?} (demo, empty, large)",
            args.fixture
        );
        std::process::exit(2);
    }
    let config = Config {
        db_path: args.db.clone(),
        fresh: args.fresh || args.db == ":memory:",
        fixture: args.fixture.clone(),
        test_controls: args.test_controls,
        app_origin: args.app_origin.trim_end_matches('/').to_string(),
        allow_origins: args.allow_origin.clone(),
        app_dir: args.app_dir.clone(),
        app_base: normalize_base(&args.app_base),
        app_config: args.app_config.clone(),
        host_dir: args.host_dir.clone(),
        host_base: normalize_base(&args.host_base),
    };
    let state = match AppState::new(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("stand-in: {e}");
            std::process::exit(1);
        }
    };
    let addr = format!("{}:{}", args.host, args.port);
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("stand-in: cannot listen on {addr}: {e}");
            std::process::exit(1);
        }
    };
    eprintln!(
        "stand-in: listening on http://{addr} (db {}, fixture {}, test controls {}, corpus {} posts) in {} ms",
        args.db,
        args.fixture,
        if args.test_controls { "ON" } else { "off" },
        state.corpus().posts.len(),
        started.elapsed().as_millis()
    );
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("stand-in: server error: {e}");
        std::process::exit(1);
    }
}
