//! The `/api/v1` handlers.

use api_types::message::{self, TemplateProblem};
use api_types::*;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::params;
use serde::Serialize;

use crate::corpus::svg_for;
use crate::error::{fe, ApiErr};
use crate::extract::{request_origin, Auth, JsonBody, PathId, QueryPairs};
use crate::model::{self, AccountRow, DemoUser, NewActivity, NewRequest};
use crate::oauth;
use crate::state::{AppState, Ctx};
use crate::util::{fnv, if_none_match, new_id, odt, safe_return_to, Ts, DAY, HOUR};

pub type R = Result<Response, ApiErr>;

/// Marks a response with the social account it concerned (for the test request log).
#[derive(Clone, Debug)]
pub struct LogAccount(pub String);

pub fn ok<T: Serialize>(now: Ts, data: T) -> Response {
    Json(Envelope {
        now: odt(now),
        data,
    })
    .into_response()
}

pub fn ok_status<T: Serialize>(status: StatusCode, now: Ts, data: T) -> Response {
    (
        status,
        Json(Envelope {
            now: odt(now),
            data,
        }),
    )
        .into_response()
}

pub fn with_account(mut r: Response, account_id: &str) -> Response {
    r.extensions_mut()
        .insert(LogAccount(account_id.to_string()));
    r
}

fn require(
    user: &DemoUser,
    allowed: impl Fn(&Permissions) -> bool,
    name: &str,
) -> Result<(), ApiErr> {
    if allowed(&model::permissions(user.role)) {
        Ok(())
    } else {
        Err(ApiErr::forbidden(name))
    }
}

fn app_origin(st: &AppState, headers: &HeaderMap) -> String {
    request_origin(headers).unwrap_or_else(|| st.config.app_origin.clone())
}

fn account_or_404(c: &Ctx, id: &str) -> Result<AccountRow, ApiErr> {
    model::get_account(c.db, id)?.ok_or_else(|| ApiErr::not_found("Social account"))
}

// ---------------------------------------------------------------- session

pub async fn session(State(st): State<AppState>, Auth(u): Auth) -> R {
    st.tx(|c| Ok(ok(c.now, model::session_for(u))))
}

// ---------------------------------------------------------------- social accounts

/// `GET /social-accounts`: an open Social Accounts page asks every two minutes (`conditional`).
pub async fn list_accounts(State(st): State<AppState>, Auth(_): Auth, headers: HeaderMap) -> R {
    st.tx(|c| {
        let v: Vec<SocialAccount> = model::list_accounts(c.db)?
            .iter()
            .map(|a| a.to_wire())
            .collect();
        conditional(&headers, c.now, v)
    })
}

pub async fn add_account(
    State(st): State<AppState>,
    headers: HeaderMap,
    Auth(u): Auth,
    body: JsonBody,
) -> R {
    require(u, |p| p.manage_accounts, "manage_accounts")?;
    let input: AddAccount = body.parse()?;
    let origin = app_origin(&st, &headers);
    let return_to = safe_return_to(input.return_to.as_deref());
    st.tx(|c| {
        let start = oauth::create_flow(
            c,
            oauth::FlowKind::Add,
            None,
            input.network,
            return_to.clone(),
            &origin,
            u.id,
        )?;
        Ok(ok(c.now, start))
    })
}

pub async fn update_account(
    State(st): State<AppState>,
    Auth(u): Auth,
    PathId(id): PathId,
    body: JsonBody,
) -> R {
    require(u, |p| p.manage_accounts, "manage_accounts")?;
    let input: UpdateAccount = body.parse()?;
    let name = input.display_name.trim().to_string();
    if name.chars().count() > 100 {
        return Err(ApiErr::field(
            "display_name",
            "too_long",
            Some("100".into()),
        ));
    }
    if name.chars().any(|c| c.is_control()) {
        return Err(ApiErr::field("display_name", "invalid_characters", None));
    }
    st.tx(|c| {
        let acc = account_or_404(c, &id)?;
        c.db.execute(
            "UPDATE accounts SET display_name = ?1 WHERE id = ?2",
            params![name, acc.id],
        )?;
        let acc = account_or_404(c, &id)?;
        Ok(ok(c.now, acc.to_wire()))
    })
}

pub async fn delete_account(State(st): State<AppState>, Auth(u): Auth, PathId(id): PathId) -> R {
    require(u, |p| p.manage_accounts, "manage_accounts")?;
    st.tx(|c| {
        let acc = account_or_404(c, &id)?;
        let ig = model::instagram_order(c.db)?;
        let deps = model::dependents(c.db, c.now, &acc, &ig)?;
        c.db.execute(
            "UPDATE streams SET account_id = NULL, status = 'stopped', stop_reason = 'account_deleted', stop_account_id = ?1, stop_account_network = ?2, stop_account_handle = ?3, stop_since = ?4, gap_from = NULL, gap_to = NULL WHERE account_id = ?1",
            params![acc.id, acc.network.as_str(), acc.handle, c.now],
        )?;
        c.db.execute("UPDATE rights_accounts SET enabled = 0, is_default = 0 WHERE social_account_id = ?1", [&acc.id])?;
        c.db.execute("DELETE FROM notification_user_state WHERE notification_id IN (SELECT id FROM notifications WHERE account_id = ?1)", [&acc.id])?;
        c.db.execute("DELETE FROM notifications WHERE account_id = ?1", [&acc.id])?;
        c.db.execute("DELETE FROM accounts WHERE id = ?1", [&acc.id])?;
        model::renumber(c.db, acc.network)?;
        Ok(with_account(ok(c.now, deps), &acc.id))
    })
}

pub async fn reorder_accounts(State(st): State<AppState>, Auth(u): Auth, body: JsonBody) -> R {
    require(u, |p| p.manage_accounts, "manage_accounts")?;
    let input: ReorderAccounts = body.parse()?;
    st.tx(|c| {
        let current = model::network_accounts(c.db, input.network)?;
        let mut want: Vec<&str> = current.iter().map(|a| a.id.as_str()).collect();
        let mut got: Vec<&str> = input.account_ids.iter().map(|s| s.as_str()).collect();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            return Err(ApiErr::field(
                "account_ids",
                "must_match_network",
                Some(format!(
                    "exactly the {} accounts of {}, each once",
                    current.len(),
                    input.network.as_str()
                )),
            ));
        }
        for (i, id) in input.account_ids.iter().enumerate() {
            c.db.execute(
                "UPDATE accounts SET position = ?1 WHERE id = ?2",
                params![i as i64, id],
            )?;
        }
        let v: Vec<SocialAccount> = model::network_accounts(c.db, input.network)?
            .iter()
            .map(|a| a.to_wire())
            .collect();
        Ok(ok(c.now, v))
    })
}

pub async fn account_history(State(st): State<AppState>, Auth(_): Auth, PathId(id): PathId) -> R {
    st.tx(|c| {
        let acc = account_or_404(c, &id)?;
        Ok(ok(c.now, model::history(c.db, &acc.id)?))
    })
}

pub async fn account_dependents(
    State(st): State<AppState>,
    Auth(_): Auth,
    PathId(id): PathId,
) -> R {
    st.tx(|c| {
        let acc = account_or_404(c, &id)?;
        let ig = model::instagram_order(c.db)?;
        Ok(ok(c.now, model::dependents(c.db, c.now, &acc, &ig)?))
    })
}

/// TOK-4: refresh silently when the provider allows it, else answer an authorize URL.
pub async fn refresh_account(
    State(st): State<AppState>,
    headers: HeaderMap,
    Auth(u): Auth,
    PathId(id): PathId,
    body: JsonBody,
) -> R {
    require(u, |p| p.refresh_tokens, "refresh_tokens")?;
    let input: RefreshRequest = body.parse_or_default()?;
    let origin = app_origin(&st, &headers);
    let return_to = safe_return_to(input.return_to.as_deref());
    st.tx(|c| {
        let acc = account_or_404(c, &id)?;
        let valid = acc.problem(c.now).is_none();
        let silent = match acc.kind {
            TokenKind::Oauth1 => valid,
            TokenKind::InstagramLongLived | TokenKind::FacebookUser => {
                valid && c.now - acc.token_issued_at >= DAY
            }
        };
        if silent {
            let acc = if acc.kind == TokenKind::Oauth1 {
                acc // OAuth 1.0a tokens do not expire: nothing to do.
            } else {
                model::apply_refresh(c.db, c.now, &acc, u.id)?
            };
            let id = acc.id.clone();
            return Ok(with_account(
                ok(
                    c.now,
                    AuthorizationStart::Refreshed {
                        account: acc.to_wire(),
                    },
                ),
                &id,
            ));
        }
        let start = oauth::create_flow(
            c,
            oauth::FlowKind::Refresh,
            Some(&acc),
            acc.network,
            return_to.clone(),
            &origin,
            u.id,
        )?;
        Ok(with_account(ok(c.now, start), &acc.id))
    })
}

pub async fn get_flow(State(st): State<AppState>, Auth(u): Auth, PathId(state): PathId) -> R {
    st.tx(|c| {
        let flow = oauth::get_flow(c.db, &state)?
            .filter(|f| f.created_by == u.id)
            .ok_or_else(|| ApiErr::not_found("Authorization flow"))?;
        Ok(ok(c.now, oauth::flow_wire(c, &flow)?))
    })
}

// ---------------------------------------------------------------- notifications

/// `GET /notifications`: the bell asks every minute (`conditional`).
pub async fn notifications(State(st): State<AppState>, Auth(u): Auth, headers: HeaderMap) -> R {
    st.tx(|c| {
        let list = model::notification_list(c.db, c.now, u.id)?;
        conditional(&headers, c.now, list)
    })
}

/// An answer that may be asked for again unchanged (the bell's list every minute, Social
/// Accounts' every two): with a validator of `data` itself (`now` changes with every answer, so
/// the tag is weak), and `304 Not Modified` with no body to an `If-None-Match` that names it.
fn conditional<T: Serialize>(headers: &HeaderMap, now: Ts, data: T) -> R {
    let json = serde_json::to_string(&data).map_err(|e| ApiErr::internal(e.to_string()))?;
    let tag = format!("W/\"{:016x}\"", fnv(&json));
    let mut r = if if_none_match(headers, &tag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ok(now, data)
    };
    // Still `no-store` (`finalize_mw`): the app names the tag itself, so nothing of the API's
    // needs to sit in the browser's cache.
    if let Ok(v) = HeaderValue::from_str(&tag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    Ok(r)
}

pub async fn notification_read(State(st): State<AppState>, Auth(u): Auth, PathId(id): PathId) -> R {
    st.tx(|c| {
        model::notification_one(c.db, c.now, u.id, &id)?
            .ok_or_else(|| ApiErr::not_found("Notification"))?;
        model::set_notification_state(c.db, &id, u.id, true, false)?;
        let n = model::notification_one(c.db, c.now, u.id, &id)?
            .ok_or_else(|| ApiErr::not_found("Notification"))?;
        Ok(ok(c.now, n))
    })
}

pub async fn notification_dismiss(
    State(st): State<AppState>,
    Auth(u): Auth,
    PathId(id): PathId,
) -> R {
    st.tx(|c| {
        model::notification_one(c.db, c.now, u.id, &id)?
            .ok_or_else(|| ApiErr::not_found("Notification"))?;
        model::set_notification_state(c.db, &id, u.id, false, true)?;
        let n = model::notification_one(c.db, c.now, u.id, &id)?
            .ok_or_else(|| ApiErr::not_found("Notification"))?;
        Ok(ok(c.now, n))
    })
}

pub async fn notifications_read_all(State(st): State<AppState>, Auth(u): Auth) -> R {
    st.tx(|c| {
        let list = model::notification_list(c.db, c.now, u.id)?;
        for n in list.notifications.iter().filter(|n| !n.read) {
            model::set_notification_state(c.db, &n.id, u.id, true, false)?;
        }
        Ok(ok(c.now, model::notification_list(c.db, c.now, u.id)?))
    })
}

// ---------------------------------------------------------------- Instagram search

pub const PAGE_SIZE: usize = 30;
pub const HOURLY_CALLS: i64 = 200;
pub const WEEKLY_HASHTAGS: usize = 30;

fn valid_username(s: &str) -> bool {
    (1..=30).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
}

fn valid_tag(s: &str) -> bool {
    (1..=100).contains(&s.chars().count()) && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn cursor_for(offset: usize, key: &str) -> String {
    format!("c{offset:x}.{:012x}", fnv(key) & 0xffff_ffff_ffff)
}

fn parse_cursor(cursor: &str, key: &str) -> Option<usize> {
    let rest = cursor.strip_prefix('c')?;
    let (off, hash) = rest.split_once('.')?;
    let expected = format!("{:012x}", fnv(key) & 0xffff_ffff_ffff);
    if hash != expected {
        return None;
    }
    usize::from_str_radix(off, 16).ok()
}

/// Applies the two provider rate limits (SRCH-9): 200 calls per hour per token, and 30 unique
/// hashtags per Instagram Business account per 7 days.
fn check_rate_limits(c: &Ctx, acc: &AccountRow, tag: Option<&str>) -> Result<(), ApiErr> {
    let (calls, oldest): (i64, Option<Ts>) = c.db.query_row(
        "SELECT COUNT(*), MIN(at) FROM search_calls WHERE account_id = ?1 AND at > ?2",
        params![acc.id, c.now - HOUR],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if calls >= HOURLY_CALLS {
        let resets = oldest.unwrap_or(c.now) + HOUR;
        return Err(ApiErr::rate_limited(
            &acc.id,
            &acc.handle,
            resets.max(c.now + 1),
            "limit of 200 calls per hour",
        ));
    }
    if let (Some(tag), SocialNetwork::InstagramBusiness) = (tag, acc.network) {
        let mut st = c.db.prepare_cached(
            "SELECT tag, MIN(at) FROM search_calls WHERE account_id = ?1 AND tag IS NOT NULL AND at > ?2 GROUP BY tag",
        )?;
        let tags: Vec<(String, Ts)> = st
            .query_map(params![acc.id, c.now - 7 * DAY], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        if tags.len() >= WEEKLY_HASHTAGS && !tags.iter().any(|(t, _)| t == tag) {
            let first = tags.iter().map(|(_, at)| *at).min().unwrap_or(c.now);
            return Err(ApiErr::rate_limited(
                &acc.id,
                &acc.handle,
                (first + 7 * DAY).max(c.now + 1),
                "limit of 30 unique hashtags per 7 days",
            ));
        }
    }
    Ok(())
}

pub async fn search(State(st): State<AppState>, Auth(_): Auth, q: QueryPairs) -> R {
    let mut errs = Vec::new();
    let ty = match q.get("type").map(str::trim) {
        None | Some("") => {
            errs.push(fe("type", "required", None));
            None
        }
        Some(s) => {
            let t = SearchType::parse(s);
            if t.is_none() {
                errs.push(fe(
                    "type",
                    "invalid_value",
                    Some("business_user, top_tags or recent_tags".into()),
                ));
            }
            t
        }
    };
    let raw = q.get("q").map(str::trim).unwrap_or("");
    let mut query = String::new();
    if raw.is_empty() {
        errs.push(fe("q", "required", None));
    } else if let Some(t) = ty {
        match t {
            SearchType::BusinessUser => {
                let u = raw.strip_prefix('@').unwrap_or(raw);
                if valid_username(u) {
                    query = u.to_lowercase();
                } else {
                    errs.push(fe(
                        "q",
                        "invalid_username",
                        Some("letters, digits, . and _, 1 to 30 characters".into()),
                    ));
                }
            }
            _ => {
                let tag = raw.strip_prefix('#').unwrap_or(raw);
                if valid_tag(tag) {
                    query = tag.to_lowercase();
                } else {
                    errs.push(fe(
                        "q",
                        "invalid_hashtag",
                        Some("letters, digits and _, 1 to 100 characters".into()),
                    ));
                }
            }
        }
    }
    let media = match q.get("media").map(str::trim) {
        None | Some("") => MediaFilter::All,
        Some(s) => MediaFilter::parse(s).unwrap_or_else(|| {
            errs.push(fe(
                "media",
                "invalid_value",
                Some("all, photos or videos".into()),
            ));
            MediaFilter::All
        }),
    };
    let limit = match q.get("limit").map(str::trim) {
        None | Some("") => PAGE_SIZE,
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                errs.push(fe("limit", "out_of_range", Some("1 to 100".into())));
                PAGE_SIZE
            }
        },
    };
    let key = format!(
        "{}|{}|{}",
        ty.map(|t| t.as_str()).unwrap_or(""),
        query,
        media.as_str()
    );
    let offset = match q.get("cursor").map(str::trim) {
        None | Some("") => 0,
        Some(cur) => parse_cursor(cur, &key).unwrap_or_else(|| {
            errs.push(fe("cursor", "invalid_cursor", None));
            0
        }),
    };
    let account_id = q
        .get("account_id")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if !errs.is_empty() {
        return Err(ApiErr::validation(errs));
    }
    let Some(ty) = ty else {
        return Err(ApiErr::field("type", "required", None));
    };
    st.tx(|c| {
        let acc = match &account_id {
            Some(id) => {
                let a = model::get_account(c.db, id)?
                    .ok_or_else(|| ApiErr::field("account_id", "not_found", Some(id.clone())))?;
                if !a.network.is_instagram() {
                    return Err(ApiErr::field(
                        "account_id",
                        "not_instagram",
                        Some(id.clone()),
                    ));
                }
                if ty == SearchType::BusinessUser && a.network != SocialNetwork::InstagramBusiness {
                    return Err(ApiErr::field(
                        "account_id",
                        "not_business_account",
                        Some(id.clone()),
                    ));
                }
                a
            }
            None => {
                let cands = match ty {
                    SearchType::BusinessUser => {
                        model::network_accounts(c.db, SocialNetwork::InstagramBusiness)?
                    }
                    _ => model::instagram_order(c.db)?,
                };
                cands.into_iter().next().ok_or_else(|| {
                    ApiErr::field(
                        "account_id",
                        "no_account",
                        Some("no Instagram account can run this search".into()),
                    )
                })?
            }
        };
        if let Some(e) = acc.token_error(c.now) {
            return Err(e);
        }
        let tag = (ty != SearchType::BusinessUser).then_some(query.as_str());
        check_rate_limits(c, &acc, tag)?;
        c.db.execute(
            "INSERT INTO search_calls (account_id, at, tag) VALUES (?1, ?2, ?3)",
            params![acc.id, c.now, tag],
        )?;

        let corpus = c.corpus;
        let mut idx: Vec<u32> = match ty {
            SearchType::BusinessUser => corpus.by_author(&query).to_vec(),
            _ => corpus.by_tag(&query).to_vec(),
        };
        idx.retain(|&i| {
            let p = &corpus.posts[i as usize];
            match media {
                MediaFilter::All => true,
                MediaFilter::Photos => p.media_type == MediaType::Photo,
                MediaFilter::Videos => p.media_type == MediaType::Video,
            }
        });
        match ty {
            SearchType::TopTags => idx.sort_by(|&a, &b| {
                let (pa, pb) = (&corpus.posts[a as usize], &corpus.posts[b as usize]);
                pb.likes.cmp(&pa.likes).then(pa.id.cmp(&pb.id))
            }),
            _ => idx.sort_by(|&a, &b| {
                let (pa, pb) = (&corpus.posts[a as usize], &corpus.posts[b as usize]);
                pb.posted_at.cmp(&pa.posted_at).then(pa.id.cmp(&pb.id))
            }),
        }
        let saved = model::saved_map(c.db)?;
        let end = (offset + limit).min(idx.len());
        let posts: Vec<Post> = idx
            .get(offset.min(idx.len())..end)
            .unwrap_or(&[])
            .iter()
            .map(|&i| {
                let p = &corpus.posts[i as usize];
                p.to_wire(saved.get(&p.id).cloned())
            })
            .collect();
        let next_cursor = (end < idx.len()).then(|| cursor_for(end, &key));
        let page = SearchPage {
            account: acc.aref(),
            posts,
            next_cursor,
        };
        Ok(with_account(ok(c.now, page), &acc.id))
    })
}

/// `GET /api/v1/media/{post_id}.svg`: a generated image, no session needed.
pub async fn media(State(st): State<AppState>, PathId(file): PathId) -> R {
    let Some(id) = file.strip_suffix(".svg") else {
        return Err(ApiErr::not_found("Media"));
    };
    let corpus = st.corpus();
    let post = corpus.get(id).ok_or_else(|| ApiErr::not_found("Media"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        svg_for(post),
    )
        .into_response())
}

pub async fn get_post(State(st): State<AppState>, Auth(_): Auth, PathId(id): PathId) -> R {
    st.tx(|c| {
        let p = c.corpus.get(&id).ok_or_else(|| ApiErr::not_found("Post"))?;
        let saved = model::asset_by_post(c.db, &id)?.map(|a| a.id);
        Ok(ok(c.now, p.to_wire(saved)))
    })
}

// ---------------------------------------------------------------- library

fn asset_wire(c: &Ctx, a: &model::AssetRow) -> Result<Option<Asset>, ApiErr> {
    let Some(p) = c.corpus.get(&a.post_id) else {
        return Ok(None);
    };
    Ok(Some(Asset {
        id: a.id.clone(),
        post: p.to_wire(Some(a.id.clone())),
        saved_at: odt(a.saved_at),
        saved_by: model::person(&a.saved_by),
        rights_status: model::latest_status(c.db, &a.post_id)?,
    }))
}

pub async fn list_assets(State(st): State<AppState>, Auth(_): Auth) -> R {
    st.tx(|c| {
        let mut v = Vec::new();
        for a in model::list_assets(c.db)? {
            if let Some(w) = asset_wire(c, &a)? {
                v.push(w);
            }
        }
        Ok(ok(c.now, v))
    })
}

pub async fn save_asset(State(st): State<AppState>, Auth(u): Auth, body: JsonBody) -> R {
    let input: SaveAsset = body.parse()?;
    st.tx(|c| {
        if c.corpus.get(&input.post_id).is_none() {
            return Err(ApiErr::field(
                "post_id",
                "not_found",
                Some(input.post_id.clone()),
            ));
        }
        if let Some(a) = model::asset_by_post(c.db, &input.post_id)? {
            let w = asset_wire(c, &a)?.ok_or_else(|| ApiErr::not_found("Asset"))?;
            return Ok(ok_status(StatusCode::OK, c.now, w));
        }
        let id = new_id("ast");
        model::insert_asset(c.db, &id, &input.post_id, c.now, u.id)?;
        let a = model::asset_by_id(c.db, &id)?.ok_or_else(|| ApiErr::internal("asset vanished"))?;
        let w = asset_wire(c, &a)?.ok_or_else(|| ApiErr::not_found("Asset"))?;
        Ok(ok_status(StatusCode::CREATED, c.now, w))
    })
}

pub async fn get_asset(State(st): State<AppState>, Auth(_): Auth, PathId(id): PathId) -> R {
    st.tx(|c| {
        let a = model::asset_by_id(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Asset"))?;
        let w = asset_wire(c, &a)?.ok_or_else(|| ApiErr::not_found("Asset"))?;
        Ok(ok(c.now, w))
    })
}

// ---------------------------------------------------------------- rights

/// RR-2 / RR-9: every required placeholder present, none unknown (`{Handle}`, `{grant_tag}`);
/// the same check as the app's (`api_types::message`).
pub fn template_errors(field: &str, template: &str) -> Vec<FieldError> {
    message::template_problems(template)
        .into_iter()
        .map(|p| match p {
            TemplateProblem::Missing(name) => {
                fe(field, "missing_placeholder", Some(format!("{{{name}}}")))
            }
            TemplateProblem::Unknown(written) => fe(field, "unknown_placeholder", Some(written)),
        })
        .collect()
}

/// Whether `text` is longer than the network takes (RR-2), counted as the network counts.
pub fn too_long(network: SocialNetwork, text: &str) -> bool {
    message::message_length(network, text) > message::message_limit(network)
}

pub async fn list_rights_accounts(State(st): State<AppState>, Auth(_): Auth) -> R {
    st.tx(|c| Ok(ok(c.now, model::list_rights_accounts(c.db)?)))
}

fn validate_rights_input(
    c: &Ctx,
    id: &str,
    input: &RightsAccountInput,
) -> Result<RightsAccount, ApiErr> {
    let mut errs = Vec::new();
    let name = input.display_name.trim().to_string();
    if name.is_empty() {
        errs.push(fe("display_name", "required", None));
    } else if name.chars().count() > 100 {
        errs.push(fe("display_name", "too_long", Some("100".into())));
    }
    let social = model::get_account(c.db, &input.social_account_id)?;
    if social.is_none() {
        errs.push(fe(
            "social_account_id",
            "not_found",
            Some(input.social_account_id.clone()),
        ));
    }
    let tag = input.approval_hashtag.trim();
    if tag.is_empty() {
        errs.push(fe("approval_hashtag", "required", None));
    } else if !valid_tag(tag) {
        errs.push(fe(
            "approval_hashtag",
            "invalid_hashtag",
            Some("letters, digits and _, without #".into()),
        ));
    }
    let terms = input.terms_url.trim();
    if terms.is_empty() {
        errs.push(fe("terms_url", "required", None));
    } else if !terms.starts_with("https://")
        || terms.len() <= "https://".len()
        || terms.len() > 2_000
        || terms.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        errs.push(fe("terms_url", "not_https_url", None));
    }
    if input.default_template.trim().is_empty() {
        errs.push(fe("default_template", "required", None));
    } else {
        errs.extend(template_errors("default_template", &input.default_template));
        if let Some(s) = &social {
            if too_long(s.network, &input.default_template) {
                errs.push(fe(
                    "default_template",
                    "too_long",
                    Some(message::message_limit(s.network).to_string()),
                ));
            }
        }
    }
    if !errs.is_empty() {
        return Err(ApiErr::validation(errs));
    }
    let social = social.ok_or_else(|| ApiErr::internal("unreachable"))?;
    Ok(RightsAccount {
        id: id.to_string(),
        display_name: name,
        social_account_id: social.id,
        network: social.network,
        enabled: input.enabled,
        approval_hashtag: tag.to_string(),
        terms_url: terms.to_string(),
        default_template: input.default_template.clone(),
        is_default: input.is_default,
    })
}

pub async fn create_rights_account(State(st): State<AppState>, Auth(u): Auth, body: JsonBody) -> R {
    require(u, |p| p.manage_rights_settings, "manage_rights_settings")?;
    let input: RightsAccountInput = body.parse()?;
    st.tx(|c| {
        let ra = validate_rights_input(c, &new_id("ra"), &input)?;
        model::upsert_rights_account(c.db, &ra, true)?;
        let ra =
            model::get_rights_account(c.db, &ra.id)?.ok_or_else(|| ApiErr::internal("vanished"))?;
        Ok(ok_status(StatusCode::CREATED, c.now, ra))
    })
}

pub async fn update_rights_account(
    State(st): State<AppState>,
    Auth(u): Auth,
    PathId(id): PathId,
    body: JsonBody,
) -> R {
    require(u, |p| p.manage_rights_settings, "manage_rights_settings")?;
    let input: RightsAccountInput = body.parse()?;
    st.tx(|c| {
        model::get_rights_account(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Rights account"))?;
        let ra = validate_rights_input(c, &id, &input)?;
        model::upsert_rights_account(c.db, &ra, false)?;
        let ra =
            model::get_rights_account(c.db, &id)?.ok_or_else(|| ApiErr::internal("vanished"))?;
        Ok(ok(c.now, ra))
    })
}

pub async fn list_rights_requests(State(st): State<AppState>, Auth(_): Auth, q: QueryPairs) -> R {
    let post = q
        .get("post_id")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    st.tx(|c| {
        if let Some(p) = &post {
            if c.corpus.get(p).is_none() {
                return Err(ApiErr::field("post_id", "not_found", Some(p.clone())));
            }
        }
        let v: Vec<RightsRequest> = model::rights_requests(c.db, post.as_deref())?
            .into_iter()
            .map(|r| r.req)
            .collect();
        Ok(ok(c.now, v))
    })
}

fn replay_error(c: &Ctx, row: &model::RequestRow) -> ApiErr {
    let code = row.error_code.unwrap_or(ErrorCode::TokenExpired);
    let account = row.error_account_id.clone().unwrap_or_default();
    let handle = model::get_account(c.db, &account)
        .ok()
        .flatten()
        .map(|a| a.handle)
        .unwrap_or_default();
    ApiErr::token(code, &account, &handle)
}

/// RR-5: `Idempotency-Key` required; the same key and body answer the same request.
pub async fn create_rights_request(
    State(st): State<AppState>,
    headers: HeaderMap,
    Auth(u): Auth,
    body: JsonBody,
) -> R {
    require(u, |p| p.request_rights, "request_rights")?;
    let key = headers
        .get(IDEMPOTENCY_KEY_HEADER)
        .map(|v| v.to_str().map(str::trim));
    let key = match key {
        None => return Err(ApiErr::field(IDEMPOTENCY_KEY_HEADER, "required", None)),
        Some(Err(_)) => {
            return Err(ApiErr::field(
                IDEMPOTENCY_KEY_HEADER,
                "invalid_characters",
                None,
            ))
        }
        Some(Ok(k)) if !(8..=128).contains(&k.len()) => {
            return Err(ApiErr::field(
                IDEMPOTENCY_KEY_HEADER,
                "invalid_length",
                Some("8 to 128 characters".into()),
            ))
        }
        Some(Ok(k)) if !k.bytes().all(|b| b.is_ascii_graphic()) => {
            return Err(ApiErr::field(
                IDEMPOTENCY_KEY_HEADER,
                "invalid_characters",
                None,
            ))
        }
        Some(Ok(k)) => k.to_string(),
    };
    let input: CreateRightsRequest = body.parse()?;
    st.tx(|c| {
        if let Some(prev) = model::request_by_key(c.db, &key)? {
            let same = prev.req.post_id == input.post_id
                && prev.req.rights_account_id == input.rights_account_id
                && prev.req.message == input.message
                && prev.req.created_by.id == u.id;
            if !same {
                return Err(ApiErr::conflict(
                    "This Idempotency-Key was already used for a different request",
                ));
            }
            if prev.error_code.is_some() {
                return Err(replay_error(c, &prev));
            }
            return Ok(ok_status(StatusCode::OK, c.now, prev.req));
        }
        let mut errs = Vec::new();
        if c.corpus.get(&input.post_id).is_none() {
            errs.push(fe("post_id", "not_found", Some(input.post_id.clone())));
        }
        let ra = model::get_rights_account(c.db, &input.rights_account_id)?;
        match &ra {
            None => errs.push(fe(
                "rights_account_id",
                "not_found",
                Some(input.rights_account_id.clone()),
            )),
            Some(ra) if !ra.enabled => errs.push(fe("rights_account_id", "disabled", None)),
            _ => {}
        }
        if input.message.trim().is_empty() {
            errs.push(fe("message", "required", None));
        } else if let Some(ra) = &ra {
            if too_long(ra.network, &input.message) {
                let limit = message::message_limit(ra.network);
                errs.push(fe("message", "too_long", Some(limit.to_string())));
            }
        }
        if !errs.is_empty() {
            return Err(ApiErr::validation(errs));
        }
        let ra = ra.ok_or_else(|| ApiErr::internal("unreachable"))?;
        let social = model::get_account(c.db, &ra.social_account_id)?
            .ok_or_else(|| ApiErr::field("rights_account_id", "account_deleted", None))?;
        let id = new_id("rr");
        if let Some(problem) = social.problem(c.now) {
            // The failed attempt is recorded (a request_failed row and an error entry).
            model::insert_request(
                c.db,
                &NewRequest {
                    id,
                    post_id: &input.post_id,
                    rights_account_id: &ra.id,
                    message: &input.message,
                    status: RightsStatus::RequestFailed,
                    created_at: c.now,
                    created_by: u.id,
                    idempotency_key: Some(&key),
                    error_code: Some(problem.code()),
                    error_account_id: Some(&social.id),
                },
            )?;
            model::add_activity(
                c.db,
                &NewActivity {
                    post_id: &input.post_id,
                    at: c.now,
                    kind: ActivityKind::Error,
                    actor: Some(u.id),
                    status: Some(RightsStatus::RequestFailed),
                    rights_account_id: Some(&ra.id),
                    text: Some(&input.message),
                    error_code: Some(problem.code()),
                },
            )?;
            c.commit_even_on_error();
            return Err(ApiErr::token(problem.code(), &social.id, &social.handle));
        }
        model::insert_request(
            c.db,
            &NewRequest {
                id: id.clone(),
                post_id: &input.post_id,
                rights_account_id: &ra.id,
                message: &input.message,
                status: RightsStatus::Requested,
                created_at: c.now,
                created_by: u.id,
                idempotency_key: Some(&key),
                error_code: None,
                error_account_id: None,
            },
        )?;
        model::add_activity(
            c.db,
            &NewActivity {
                post_id: &input.post_id,
                at: c.now,
                kind: ActivityKind::Requested,
                actor: Some(u.id),
                status: Some(RightsStatus::Requested),
                rights_account_id: Some(&ra.id),
                text: Some(&input.message),
                error_code: None,
            },
        )?;
        let row = model::request_by_id(c.db, &id)?.ok_or_else(|| ApiErr::internal("vanished"))?;
        Ok(with_account(
            ok_status(StatusCode::CREATED, c.now, row.req),
            &social.id,
        ))
    })
}

pub async fn create_grant(State(st): State<AppState>, Auth(u): Auth, body: JsonBody) -> R {
    require(u, |p| p.request_rights, "request_rights")?;
    let input: CreateGrant = body.parse()?;
    st.tx(|c| {
        let mut errs = Vec::new();
        if c.corpus.get(&input.post_id).is_none() {
            errs.push(fe("post_id", "not_found", Some(input.post_id.clone())));
        }
        let note = input.note.trim();
        if note.is_empty() {
            errs.push(fe("note", "required", None));
        } else if note.chars().count() > 2_000 {
            errs.push(fe("note", "too_long", Some("2000".into())));
        }
        if !errs.is_empty() {
            return Err(ApiErr::validation(errs));
        }
        // A manual grant is not sent through any account; it is filed under the default
        // Instagram rights account (or "" when there is none).
        let ra_id = model::list_rights_accounts(c.db)?
            .into_iter()
            .filter(|r| r.network.is_instagram())
            .max_by_key(|r| r.is_default)
            .map(|r| r.id)
            .unwrap_or_default();
        let id = new_id("rr");
        model::insert_request(
            c.db,
            &NewRequest {
                id: id.clone(),
                post_id: &input.post_id,
                rights_account_id: &ra_id,
                message: note,
                status: RightsStatus::Granted,
                created_at: c.now,
                created_by: u.id,
                idempotency_key: None,
                error_code: None,
                error_account_id: None,
            },
        )?;
        model::add_activity(
            c.db,
            &NewActivity {
                post_id: &input.post_id,
                at: c.now,
                kind: ActivityKind::Granted,
                actor: Some(u.id),
                status: Some(RightsStatus::Granted),
                rights_account_id: (!ra_id.is_empty()).then_some(ra_id.as_str()),
                text: Some(note),
                error_code: None,
            },
        )?;
        let row = model::request_by_id(c.db, &id)?.ok_or_else(|| ApiErr::internal("vanished"))?;
        Ok(ok_status(StatusCode::CREATED, c.now, row.req))
    })
}

pub async fn rights_activity(State(st): State<AppState>, Auth(_): Auth, q: QueryPairs) -> R {
    let post = q.get("post_id").map(str::trim).unwrap_or("").to_string();
    if post.is_empty() {
        return Err(ApiErr::field("post_id", "required", None));
    }
    st.tx(|c| {
        if c.corpus.get(&post).is_none() {
            return Err(ApiErr::field("post_id", "not_found", Some(post.clone())));
        }
        Ok(ok(c.now, model::activity(c.db, &post)?))
    })
}

// ---------------------------------------------------------------- streams

pub async fn list_streams(State(st): State<AppState>, Auth(_): Auth) -> R {
    st.tx(|c| Ok(ok(c.now, model::list_streams(c.db)?)))
}

/// STR-3: switch a stream to another valid account of the same network; a stopped stream runs
/// again (the gap is noted).
pub async fn switch_stream_account(
    State(st): State<AppState>,
    Auth(u): Auth,
    PathId(id): PathId,
    body: JsonBody,
) -> R {
    require(u, |p| p.manage_streams, "manage_streams")?;
    let input: SwitchStreamAccount = body.parse()?;
    st.tx(|c| {
        let stream = model::get_stream(c.db, &id)?.ok_or_else(|| ApiErr::not_found("Stream"))?;
        let acc = model::get_account(c.db, &input.account_id)?
            .ok_or_else(|| ApiErr::field("account_id", "not_found", Some(input.account_id.clone())))?;
        if acc.network != stream.rules.network {
            return Err(ApiErr::field("account_id", "wrong_network", Some(stream.rules.network.as_str().into())));
        }
        if let Some(p) = acc.problem(c.now) {
            return Err(ApiErr::field("account_id", model_reason(p), Some(acc.handle.clone())));
        }
        c.db.execute(
            "UPDATE streams SET account_id = ?1, status = 'running', gap_from = CASE WHEN status = 'stopped' THEN stop_since ELSE gap_from END, gap_to = CASE WHEN status = 'stopped' THEN ?2 ELSE gap_to END, stop_reason = NULL, stop_account_id = NULL, stop_account_network = NULL, stop_account_handle = NULL, stop_since = NULL WHERE id = ?3",
            params![acc.id, c.now, id],
        )?;
        let s = model::get_stream(c.db, &id)?.ok_or_else(|| ApiErr::internal("vanished"))?;
        Ok(with_account(ok(c.now, s), &acc.id))
    })
}

fn model_reason(p: model::TokenProblem) -> &'static str {
    match p {
        model::TokenProblem::Expired => "token_expired",
        model::TokenProblem::Revoked => "token_revoked",
    }
}
