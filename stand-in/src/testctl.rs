//! Test controls under `/__test/` (only with `--test-controls`): clock, reset, faults, token
//! revocation and expiry, quota exhaustion, request log.

use api_types::*;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::api::{ok, R};
use crate::error::{fe, ApiErr};
use crate::extract::{JsonBody, PathId};
use crate::fixtures::{self, FixtureSpec};
use crate::model;
use crate::state::{AppState, Fault, FaultBody};
use crate::util::{enum_parse, odt, parse_rfc3339, Ts, DAY, MINUTE};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__test/clock", get(clock_get).put(clock_put))
        .route("/__test/clock/advance", post(clock_advance))
        .route("/__test/reset", post(reset))
        .route(
            "/__test/faults",
            get(faults_list).post(faults_add).delete(faults_clear),
        )
        .route("/__test/accounts/{id}/revoke", post(revoke))
        .route("/__test/accounts/{id}/expire", post(expire))
        .route("/__test/accounts/{id}/exhaust-quota", post(exhaust_quota))
        .route("/__test/requests", get(requests).delete(requests_clear))
        .route("/__test/rights-requests", get(rights_requests))
}

#[derive(Serialize)]
struct ClockView {
    #[serde(with = "time::serde::rfc3339")]
    now: OffsetDateTime,
    frozen: bool,
}

fn clock_view(st: &AppState) -> Response {
    let now = st.now();
    ok(
        now,
        ClockView {
            now: odt(now),
            frozen: st.clock.is_frozen(),
        },
    )
}

/// Brings milestones and streams up to the (new) clock at once.
fn settle(st: &AppState) -> Result<(), ApiErr> {
    st.tx(|_| Ok(()))
}

async fn clock_get(State(st): State<AppState>) -> R {
    Ok(clock_view(&st))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClockPut {
    now: String,
    /// Default true.
    #[serde(default)]
    frozen: Option<bool>,
}

async fn clock_put(State(st): State<AppState>, body: JsonBody) -> R {
    let input: ClockPut = body.parse()?;
    let now = parse_rfc3339(&input.now)
        .ok_or_else(|| ApiErr::field("now", "invalid_timestamp", Some("RFC 3339".into())))?;
    st.clock.set(now, input.frozen.unwrap_or(true));
    settle(&st)?;
    Ok(clock_view(&st))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Advance {
    #[serde(default)]
    seconds: Option<i64>,
    #[serde(default)]
    minutes: Option<i64>,
    #[serde(default)]
    hours: Option<i64>,
    #[serde(default)]
    days: Option<i64>,
}

async fn clock_advance(State(st): State<AppState>, body: JsonBody) -> R {
    let a: Advance = body.parse()?;
    if a.seconds.is_none() && a.minutes.is_none() && a.hours.is_none() && a.days.is_none() {
        return Err(ApiErr::field(
            "seconds",
            "required",
            Some("give seconds, minutes, hours or days".into()),
        ));
    }
    let total = a
        .seconds
        .unwrap_or(0)
        .saturating_add(a.minutes.unwrap_or(0).saturating_mul(MINUTE))
        .saturating_add(a.hours.unwrap_or(0).saturating_mul(3_600))
        .saturating_add(a.days.unwrap_or(0).saturating_mul(DAY));
    if total.abs() > 3_650 * DAY {
        return Err(ApiErr::field(
            "seconds",
            "out_of_range",
            Some("at most 10 years".into()),
        ));
    }
    st.clock.advance(total);
    settle(&st)?;
    Ok(clock_view(&st))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetBody {
    #[serde(default)]
    fixture: Option<String>,
    #[serde(default)]
    fixture_json: Option<serde_json::Value>,
    #[serde(default)]
    now: Option<String>,
    /// With `now`: default true. Without `now`: true freezes the real time.
    #[serde(default)]
    frozen: Option<bool>,
}

#[derive(Serialize)]
struct ResetView {
    fixture: String,
    #[serde(with = "time::serde::rfc3339")]
    now: OffsetDateTime,
    frozen: bool,
    accounts: usize,
    streams: usize,
    corpus_posts: usize,
}

async fn reset(State(st): State<AppState>, body: JsonBody) -> R {
    let input: ResetBody = if body.is_empty() {
        ResetBody {
            fixture: None,
            fixture_json: None,
            now: None,
            frozen: None,
        }
    } else {
        body.parse()?
    };
    let (spec, name): (FixtureSpec, String) = match (&input.fixture, input.fixture_json) {
        (Some(_), Some(_)) => {
            return Err(ApiErr::field(
                "fixture_json",
                "conflicts_with_fixture",
                None,
            ))
        }
        (_, Some(json)) => {
            let spec: FixtureSpec = serde_path_to_error::deserialize(json).map_err(|e| {
                ApiErr::field(
                    &format!("fixture_json.{}", e.path()),
                    "invalid",
                    Some(e.into_inner().to_string()),
                )
            })?;
            (spec, "custom".into())
        }
        (name, None) => {
            let name = name.clone().unwrap_or_else(|| "demo".into());
            let spec = fixtures::builtin(&name).ok_or_else(|| {
                ApiErr::field(
                    "fixture",
                    "unknown_fixture",
                    Some(fixtures::FIXTURE_NAMES.join(", ")),
                )
            })?;
            (spec, name)
        }
    };
    let now: Option<Ts> =
        match &input.now {
            Some(s) => Some(parse_rfc3339(s).ok_or_else(|| {
                ApiErr::field("now", "invalid_timestamp", Some("RFC 3339".into()))
            })?),
            None => None,
        };
    let old = (st.clock.now(), st.clock.is_frozen());
    match (now, input.frozen) {
        (Some(t), f) => st.clock.set(t, f.unwrap_or(true)),
        (None, Some(true)) => st.clock.set(crate::clock::real_now(), true),
        (None, _) => st.clock.reset_real(),
    }
    if let Err(e) = st.reset(&spec, &name) {
        st.clock.set(old.0, old.1);
        return Err(e);
    }
    st.tx(|c| {
        let accounts: i64 =
            c.db.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
        let streams: i64 =
            c.db.query_row("SELECT COUNT(*) FROM streams", [], |r| r.get(0))?;
        Ok(ok(
            c.now,
            ResetView {
                fixture: name.clone(),
                now: odt(c.now),
                frozen: st.clock.is_frozen(),
                accounts: accounts as usize,
                streams: streams as usize,
                corpus_posts: c.corpus.posts.len(),
            },
        ))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultInput {
    #[serde(default)]
    method: Option<String>,
    path: String,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    delay_ms: Option<u64>,
    #[serde(default)]
    body: Option<FaultBody>,
    #[serde(default)]
    times: Option<u32>,
    /// Let the call through first and then delay or replace its answer: the server did the
    /// work but the client never heard (a lost answer, a timeout after the fact).
    #[serde(default)]
    after: bool,
}

fn fault_list(st: &AppState) -> Vec<Fault> {
    st.faults.lock().unwrap_or_else(|e| e.into_inner()).clone()
}

async fn faults_list(State(st): State<AppState>) -> R {
    Ok(ok(st.now(), fault_list(&st)))
}

async fn faults_add(State(st): State<AppState>, body: JsonBody) -> R {
    let f: FaultInput = body.parse()?;
    let mut errs = Vec::new();
    if !f.path.starts_with('/') {
        errs.push(fe(
            "path",
            "invalid_value",
            Some("an absolute path, optionally ending in *".into()),
        ));
    }
    if let Some(s) = f.status {
        if !(200..=599).contains(&s) {
            errs.push(fe("status", "out_of_range", Some("200 to 599".into())));
        }
    }
    if f.delay_ms.is_some_and(|d| d > 120_000) {
        errs.push(fe(
            "delay_ms",
            "out_of_range",
            Some("at most 120000".into()),
        ));
    }
    if f.status.is_none() && f.delay_ms.is_none() && f.body.is_none() {
        errs.push(fe(
            "status",
            "required",
            Some("give status, delay_ms or body".into()),
        ));
    }
    let times = f.times.unwrap_or(1);
    if times == 0 {
        errs.push(fe("times", "out_of_range", Some("at least 1".into())));
    }
    if let Some(m) = &f.method {
        if !["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
            .contains(&m.to_ascii_uppercase().as_str())
        {
            errs.push(fe("method", "invalid_value", None));
        }
    }
    if !errs.is_empty() {
        return Err(ApiErr::validation(errs));
    }
    {
        let mut seq = st.fault_seq.lock().unwrap_or_else(|e| e.into_inner());
        *seq += 1;
        st.faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Fault {
                id: *seq,
                method: f.method.map(|m| m.to_ascii_uppercase()),
                path: f.path,
                status: f.status,
                delay_ms: f.delay_ms,
                body: f.body,
                after: f.after,
                remaining: times,
            });
    }
    Ok(crate::api::ok_status(
        axum::http::StatusCode::CREATED,
        st.now(),
        fault_list(&st),
    ))
}

async fn faults_clear(State(st): State<AppState>) -> R {
    st.faults.lock().unwrap_or_else(|e| e.into_inner()).clear();
    Ok(ok(st.now(), fault_list(&st)))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RevokeBody {
    #[serde(default)]
    reason: Option<String>,
}

async fn revoke(State(st): State<AppState>, PathId(id): PathId, body: JsonBody) -> R {
    let input: RevokeBody = body.parse_or_default()?;
    let reason: InvalidationReason = match &input.reason {
        None => InvalidationReason::Revoked,
        Some(r) => enum_parse(r).ok_or_else(|| {
            ApiErr::field(
                "reason",
                "invalid_value",
                Some("revoked, password_changed, app_removed, session_invalid, other".into()),
            )
        })?,
    };
    st.tx(|c| {
        let acc =
            model::get_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Social account"))?;
        model::revoke(c.db, c.now, &acc, reason)?;
        let acc =
            model::get_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Social account"))?;
        Ok(ok(c.now, acc.to_wire()))
    })
}

async fn expire(State(st): State<AppState>, PathId(id): PathId) -> R {
    st.tx(|c| {
        let acc =
            model::get_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Social account"))?;
        if acc.kind == TokenKind::Oauth1 {
            return Err(ApiErr::field(
                "account",
                "does_not_expire",
                Some("Twitter OAuth 1.0a tokens never expire; revoke instead".into()),
            ));
        }
        c.db.execute(
            "UPDATE accounts SET expires_at = ?1 WHERE id = ?2",
            params![c.now - MINUTE, id],
        )?;
        model::evaluate(c.db, c.now)?;
        let acc =
            model::get_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Social account"))?;
        Ok(ok(c.now, acc.to_wire()))
    })
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ExhaustBody {
    /// `calls` (200 per hour), `hashtags` (30 unique per 7 days, business accounts) or `both`.
    #[serde(default)]
    kind: Option<String>,
}

#[derive(Serialize)]
struct QuotaView {
    account_id: String,
    #[serde(with = "time::serde::rfc3339::option")]
    calls_reset_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    hashtags_reset_at: Option<OffsetDateTime>,
}

async fn exhaust_quota(State(st): State<AppState>, PathId(id): PathId, body: JsonBody) -> R {
    let input: ExhaustBody = body.parse_or_default()?;
    st.tx(|c| {
        let acc =
            model::get_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Social account"))?;
        if !acc.network.is_instagram() {
            return Err(ApiErr::field("account", "not_instagram", None));
        }
        let business = acc.network == SocialNetwork::InstagramBusiness;
        let (calls, tags) = match input.kind.as_deref() {
            None | Some("both") => (true, business),
            Some("calls") => (true, false),
            Some("hashtags") if business => (false, true),
            Some("hashtags") => return Err(ApiErr::field("kind", "not_business_account", None)),
            Some(_) => {
                return Err(ApiErr::field(
                    "kind",
                    "invalid_value",
                    Some("calls, hashtags or both".into()),
                ))
            }
        };
        if calls {
            let n: i64 = c.db.query_row(
                "SELECT COUNT(*) FROM search_calls WHERE account_id = ?1 AND at > ?2",
                params![acc.id, c.now - 3_600],
                |r| r.get(0),
            )?;
            for _ in n..crate::api::HOURLY_CALLS {
                c.db.execute(
                    "INSERT INTO search_calls (account_id, at, tag) VALUES (?1, ?2, NULL)",
                    params![acc.id, c.now],
                )?;
            }
        }
        if tags {
            for i in 0..crate::api::WEEKLY_HASHTAGS {
                c.db.execute(
                    "INSERT INTO search_calls (account_id, at, tag) VALUES (?1, ?2, ?3)",
                    params![acc.id, c.now - 1, format!("quota_filler_{i}")],
                )?;
            }
        }
        Ok(ok(
            c.now,
            QuotaView {
                account_id: acc.id.clone(),
                calls_reset_at: calls.then(|| odt(c.now + 3_600)),
                hashtags_reset_at: tags.then(|| odt(c.now - 1 + 7 * DAY)),
            },
        ))
    })
}

async fn requests(State(st): State<AppState>) -> R {
    let log = st
        .request_log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    Ok(ok(st.now(), log))
}

async fn requests_clear(State(st): State<AppState>) -> R {
    st.request_log
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    Ok(ok(st.now(), Vec::<crate::state::LoggedRequest>::new()))
}

#[derive(Serialize)]
struct StoredRequest {
    #[serde(flatten)]
    request: RightsRequest,
    idempotency_key: Option<String>,
    error_code: Option<ErrorCode>,
    error_account_id: Option<String>,
}

async fn rights_requests(State(st): State<AppState>) -> R {
    st.tx(|c| {
        let rows: Vec<StoredRequest> = model::rights_requests(c.db, None)?
            .into_iter()
            .map(|r| StoredRequest {
                request: r.req,
                idempotency_key: r.idempotency_key,
                error_code: r.error_code,
                error_account_id: r.error_account_id,
            })
            .collect();
        Ok(ok(c.now, rows))
    })
}
