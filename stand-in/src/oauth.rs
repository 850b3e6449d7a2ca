//! Authorization flows (OAUTH, ACC-5): flow records, the fake provider page, the callback page
//! and its script.

use api_types::*;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

use crate::error::ApiErr;
use crate::extract::{PathId, QueryPairs};
use crate::model::{self, AccountRow, NewAccount};
use crate::pages::{html_page, PAGE_CSP};
use crate::state::{AppState, Ctx};
use crate::util::{enum_parse, enum_str, esc, new_id, random_hex, url_encode, Ts, MINUTE};

pub const FLOW_TTL: i64 = 15 * MINUTE;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowKind {
    Refresh,
    Add,
}

impl FlowKind {
    fn as_str(self) -> &'static str {
        match self {
            FlowKind::Refresh => "refresh",
            FlowKind::Add => "add",
        }
    }
}

#[derive(Clone, Debug)]
pub struct FlowRow {
    pub state: String,
    pub kind: FlowKind,
    pub account_id: Option<String>,
    pub network: SocialNetwork,
    pub expected_identity: Option<String>,
    pub expected_handle: Option<String>,
    pub return_to: Option<String>,
    pub app_origin: String,
    pub status: OAuthFlowStatus,
    pub created_by: String,
    pub created_at: Ts,
    pub authorized_handle: Option<String>,
    pub result_account_id: Option<String>,
}

impl FlowRow {
    /// A pending flow older than 15 minutes has expired.
    pub fn effective_status(&self, now: Ts) -> OAuthFlowStatus {
        if self.status == OAuthFlowStatus::Pending && now >= self.created_at + FLOW_TTL {
            OAuthFlowStatus::Expired
        } else {
            self.status
        }
    }
}

pub fn get_flow(db: &Connection, state: &str) -> Result<Option<FlowRow>, ApiErr> {
    let mut st = db.prepare_cached(
        "SELECT state, kind, account_id, network, expected_identity, expected_handle, return_to, app_origin, status, created_by, created_at, authorized_handle, result_account_id FROM flows WHERE state = ?1",
    )?;
    Ok(st
        .query_row([state], |r| {
            let kind: String = r.get(1)?;
            let network: String = r.get(3)?;
            let status: String = r.get(8)?;
            Ok(FlowRow {
                state: r.get(0)?,
                kind: if kind == "add" {
                    FlowKind::Add
                } else {
                    FlowKind::Refresh
                },
                account_id: r.get(2)?,
                network: SocialNetwork::parse(&network).unwrap_or(SocialNetwork::Instagram),
                expected_identity: r.get(4)?,
                expected_handle: r.get(5)?,
                return_to: r.get(6)?,
                app_origin: r.get(7)?,
                status: enum_parse(&status).unwrap_or(OAuthFlowStatus::Expired),
                created_by: r.get(9)?,
                created_at: r.get(10)?,
                authorized_handle: r.get(11)?,
                result_account_id: r.get(12)?,
            })
        })
        .optional()?)
}

pub fn create_flow(
    c: &Ctx,
    kind: FlowKind,
    acc: Option<&AccountRow>,
    network: SocialNetwork,
    return_to: Option<String>,
    app_origin: &str,
    user: &str,
) -> Result<AuthorizationStart, ApiErr> {
    let state = random_hex(16);
    c.db.execute(
        "INSERT INTO flows (state, kind, account_id, network, expected_identity, expected_handle, return_to, app_origin, status, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?10)",
        params![
            state,
            kind.as_str(),
            acc.map(|a| a.id.clone()),
            network.as_str(),
            acc.map(|a| a.identity_id.clone()),
            acc.map(|a| a.handle.clone()),
            return_to,
            app_origin,
            user,
            c.now
        ],
    )?;
    Ok(AuthorizationStart::Authorize {
        authorize_url: format!("/oauth/{}/authorize?state={state}", network.as_str()),
        state,
    })
}

pub fn flow_wire(c: &Ctx, f: &FlowRow) -> Result<OAuthFlow, ApiErr> {
    let status = f.effective_status(c.now);
    let account = match (&f.result_account_id, status) {
        (Some(id), OAuthFlowStatus::Connected) => {
            model::get_account(c.db, id)?.map(|a| a.to_wire())
        }
        _ => None,
    };
    let mismatch = status == OAuthFlowStatus::IdentityMismatch;
    Ok(OAuthFlow {
        state: f.state.clone(),
        status,
        account_id: match f.kind {
            FlowKind::Refresh => f.account_id.clone(),
            FlowKind::Add => None,
        },
        account,
        expected_handle: if mismatch {
            f.expected_handle.clone()
        } else {
            None
        },
        authorized_handle: if mismatch {
            f.authorized_handle.clone()
        } else {
            None
        },
    })
}

// ---------------------------------------------------------------- the fake provider

fn prefix(n: SocialNetwork) -> (&'static str, &'static str) {
    match n {
        SocialNetwork::Twitter => ("tw", "tw"),
        SocialNetwork::Instagram => ("ig", "ig"),
        SocialNetwork::InstagramBusiness => ("fb", "igb"),
    }
}

pub fn network_label(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
        SocialNetwork::InstagramBusiness => "Instagram Business (Facebook)",
    }
}

struct Choice {
    identity: String,
    handle: String,
    note: &'static str,
}

/// The identities the provider page offers: the expected one first (the account's own for a
/// refresh, a new one for an add), then the network's other connected identities, then a
/// stranger.
fn choices(db: &Connection, f: &FlowRow) -> Result<Vec<Choice>, ApiErr> {
    let (p, short) = prefix(f.network);
    let mut v = Vec::new();
    match f.kind {
        FlowKind::Refresh => v.push(Choice {
            identity: f.expected_identity.clone().unwrap_or_default(),
            handle: f.expected_handle.clone().unwrap_or_default(),
            note: "the account being refreshed",
        }),
        FlowKind::Add => v.push(Choice {
            identity: format!("{p}_new_{}", &f.state[..10]),
            handle: format!("new_{short}_{}", &f.state[..6]),
            note: "a new account",
        }),
    }
    for a in model::network_accounts(db, f.network)?.into_iter().take(8) {
        if Some(&a.identity_id) != f.expected_identity.as_ref() {
            v.push(Choice {
                identity: a.identity_id,
                handle: a.handle,
                note: "already connected",
            });
        }
    }
    v.push(Choice {
        identity: format!("{p}_stranger_01"),
        handle: "someone_else".into(),
        note: "another account",
    });
    Ok(v)
}

fn flow_error_page(status: StatusCode, message: &str) -> Response {
    html_page(
        status,
        "Authorization — stand-in provider",
        &format!("<h1>This authorization cannot continue</h1><p>{}</p><p>Start again from the console.</p>", esc(message)),
    )
}

/// Checks a flow for the provider page: unknown → 404, already used or expired → 409.
#[allow(clippy::result_large_err)]
fn usable_flow(c: &Ctx, network: &str, state: &str) -> Result<FlowRow, Response> {
    let flow = match get_flow(c.db, state) {
        Ok(Some(f)) if f.network.as_str() == network => f,
        Ok(_) => {
            return Err(flow_error_page(
                StatusCode::NOT_FOUND,
                "Unknown authorization request.",
            ))
        }
        Err(_) => {
            return Err(flow_error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Database error.",
            ))
        }
    };
    match flow.effective_status(c.now) {
        OAuthFlowStatus::Pending => Ok(flow),
        OAuthFlowStatus::Expired => Err(flow_error_page(
            StatusCode::CONFLICT,
            "This authorization request has expired (after 15 minutes).",
        )),
        _ => Err(flow_error_page(
            StatusCode::CONFLICT,
            "This authorization request was already used.",
        )),
    }
}

fn provider_page(c: &Ctx, f: &FlowRow) -> Result<Response, ApiErr> {
    let label = network_label(f.network);
    let title = format!("Authorize Social Token Console — {label} (stand-in)");
    let mut radios = String::new();
    for (i, ch) in choices(c.db, f)?.iter().enumerate() {
        radios.push_str(&format!(
            "<label class=\"choice\"><input type=\"radio\" name=\"identity\" value=\"{}\"{}> <strong>@{}</strong> <span class=\"note\">({})</span></label>",
            esc(&ch.identity),
            if i == 0 { " checked" } else { "" },
            esc(&ch.handle),
            ch.note
        ));
    }
    let what = match f.kind {
        FlowKind::Refresh => format!(
            "<p>Refreshing the token of <strong>@{}</strong>. Choosing another identity ends in an identity mismatch and changes nothing.</p>",
            esc(f.expected_handle.as_deref().unwrap_or(""))
        ),
        FlowKind::Add => "<p>Connecting a new account. Choosing an identity that is already connected refreshes that account instead of adding a duplicate.</p>".to_string(),
    };
    let body = format!(
        "<p class=\"provider\">{label} · stand-in provider</p>\
<h1>Authorize Social Token Console</h1>\
<p>Social Token Console wants to read your {label} content and post comments on your behalf. This is a fake provider page served by the stand-in server.</p>\
{what}\
<form method=\"post\" action=\"/oauth/{net}/authorize?state={state}\">\
<fieldset><legend>Authorize as</legend>{radios}</fieldset>\
<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"authorize\" class=\"primary\">Authorize App</button> \
<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></div></form>",
        net = f.network.as_str(),
        state = esc(&f.state),
    );
    Ok(html_page(StatusCode::OK, &title, &body))
}

pub async fn provider_get(
    State(st): State<AppState>,
    PathId(network): PathId,
    q: QueryPairs,
) -> Response {
    let state = q.get("state").unwrap_or("").to_string();
    let r = st.tx(|c| {
        Ok(match usable_flow(c, &network, &state) {
            Ok(f) => provider_page(c, &f)?,
            Err(page) => page,
        })
    });
    r.unwrap_or_else(|_| flow_error_page(StatusCode::INTERNAL_SERVER_ERROR, "Internal error."))
}

#[derive(Deserialize)]
pub struct ProviderForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    identity: Option<String>,
}

pub async fn provider_post(
    State(st): State<AppState>,
    PathId(network): PathId,
    q: QueryPairs,
    form: Result<Form<ProviderForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let state = q.get("state").unwrap_or("").to_string();
    let Ok(Form(form)) = form else {
        return flow_error_page(StatusCode::BAD_REQUEST, "The form could not be read.");
    };
    let r = st.tx(|c| {
        let flow = match usable_flow(c, &network, &state) {
            Ok(f) => f,
            Err(page) => return Ok(Err(page)),
        };
        let actor = flow.created_by.clone();
        match form.decision.as_str() {
            "deny" => {
                finish(
                    c.db,
                    &flow.state,
                    OAuthFlowStatus::Denied,
                    c.now,
                    None,
                    None,
                    None,
                )?;
                if let (FlowKind::Refresh, Some(id)) = (flow.kind, &flow.account_id) {
                    if model::get_account(c.db, id)?.is_some() {
                        model::add_history(
                            c.db,
                            id,
                            c.now,
                            HistoryKind::RefreshFailed,
                            Some(&actor),
                            Some("denied"),
                        )?;
                    }
                }
            }
            "authorize" => {
                let chosen = form.identity.clone().unwrap_or_default();
                let Some(choice) = choices(c.db, &flow)?
                    .into_iter()
                    .find(|ch| ch.identity == chosen)
                else {
                    return Ok(Err(flow_error_page(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "Choose one of the identities offered.",
                    )));
                };
                match flow.kind {
                    FlowKind::Refresh => {
                        let Some(acc) =
                            model::get_account(c.db, flow.account_id.as_deref().unwrap_or(""))?
                        else {
                            return Ok(Err(flow_error_page(
                                StatusCode::CONFLICT,
                                "The account being refreshed no longer exists.",
                            )));
                        };
                        if choice.identity != acc.identity_id {
                            finish(
                                c.db,
                                &flow.state,
                                OAuthFlowStatus::IdentityMismatch,
                                c.now,
                                Some(&choice.identity),
                                Some(&choice.handle),
                                None,
                            )?;
                            model::add_history(
                                c.db,
                                &acc.id,
                                c.now,
                                HistoryKind::RefreshFailed,
                                Some(&actor),
                                Some("identity_mismatch"),
                            )?;
                        } else {
                            model::apply_refresh(c.db, c.now, &acc, &actor)?;
                            finish(
                                c.db,
                                &flow.state,
                                OAuthFlowStatus::Connected,
                                c.now,
                                Some(&choice.identity),
                                Some(&choice.handle),
                                Some(&acc.id),
                            )?;
                        }
                    }
                    FlowKind::Add => {
                        // An identity that is already connected is refreshed, never duplicated.
                        let id =
                            match model::account_by_identity(c.db, flow.network, &choice.identity)?
                            {
                                Some(existing) => {
                                    model::apply_refresh(c.db, c.now, &existing, &actor)?;
                                    existing.id
                                }
                                None => {
                                    let id = new_id("acc");
                                    let kind = model::default_kind(flow.network);
                                    model::insert_account(
                                        c.db,
                                        &NewAccount {
                                            id: id.clone(),
                                            network: flow.network,
                                            handle: &choice.handle,
                                            display_name: &choice.handle,
                                            avatar_url: None,
                                            identity_id: &choice.identity,
                                            kind,
                                            expires_at: (kind != TokenKind::Oauth1)
                                                .then_some(c.now + model::TOKEN_LIFETIME),
                                            connected_at: c.now,
                                            connected_by: Some(&actor),
                                            last_refreshed_at: None,
                                            last_refreshed_by: None,
                                        },
                                    )?;
                                    id
                                }
                            };
                        finish(
                            c.db,
                            &flow.state,
                            OAuthFlowStatus::Connected,
                            c.now,
                            Some(&choice.identity),
                            Some(&choice.handle),
                            Some(&id),
                        )?;
                    }
                }
            }
            _ => {
                return Ok(Err(flow_error_page(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "Choose Authorize App or Deny.",
                )))
            }
        }
        Ok(Ok(flow.state))
    });
    match r {
        Ok(Ok(state)) => (
            StatusCode::SEE_OTHER,
            [(
                header::LOCATION,
                format!("/oauth/callback?state={}", url_encode(&state)),
            )],
        )
            .into_response(),
        Ok(Err(page)) => page,
        Err(_) => flow_error_page(StatusCode::INTERNAL_SERVER_ERROR, "Internal error."),
    }
}

fn finish(
    db: &Connection,
    state: &str,
    status: OAuthFlowStatus,
    now: Ts,
    identity: Option<&str>,
    handle: Option<&str>,
    result: Option<&str>,
) -> Result<(), ApiErr> {
    db.execute(
        "UPDATE flows SET status = ?1, completed_at = ?2, authorized_identity = ?3, authorized_handle = ?4, result_account_id = ?5 WHERE state = ?6",
        params![enum_str(&status), now, identity, handle, result, state],
    )?;
    Ok(())
}

fn status_words(s: OAuthFlowStatus) -> &'static str {
    match s {
        OAuthFlowStatus::Pending => "not finished yet",
        OAuthFlowStatus::Connected => "authorized",
        OAuthFlowStatus::Denied => "denied",
        OAuthFlowStatus::IdentityMismatch => "a different identity was authorized",
        OAuthFlowStatus::Expired => "expired",
    }
}

/// `GET /oauth/callback?state=`: reports to the opener (script) or returns to the app.
pub async fn callback(State(st): State<AppState>, q: QueryPairs) -> Response {
    let state = q.get("state").unwrap_or("").to_string();
    let r = st.tx(|c| Ok(get_flow(c.db, &state)?.map(|f| (f.effective_status(c.now), f))));
    let (status, flow) = match r {
        Ok(Some(x)) => x,
        Ok(None) => {
            return flow_error_page(StatusCode::NOT_FOUND, "Unknown authorization request.")
        }
        Err(_) => return flow_error_page(StatusCode::INTERNAL_SERVER_ERROR, "Internal error."),
    };
    let return_to = flow.return_to.clone().unwrap_or_default();
    let back = if return_to.is_empty() {
        String::new()
    } else {
        let sep = if return_to.contains('?') { '&' } else { '?' };
        let href = format!(
            "{}{}{}oauth_state={}",
            flow.app_origin,
            return_to,
            sep,
            url_encode(&flow.state)
        );
        format!("<p><a href=\"{}\">Back to the console</a></p>", esc(&href))
    };
    let body = format!(
        "<div id=\"oauth-result\" data-state=\"{}\" data-status=\"{}\" data-target-origin=\"{}\" data-return-to=\"{}\">\
<h1>Authorization finished: {}</h1><p>You can close this window and return to the console.</p>{back}</div>\
<script src=\"/oauth/callback.js\"></script>",
        esc(&flow.state),
        enum_str(&status),
        esc(&flow.app_origin),
        esc(&return_to),
        status_words(status),
    );
    html_page(StatusCode::OK, "Authorization finished — stand-in", &body)
}

pub const CALLBACK_JS: &str = r#"(function () {
  "use strict";
  var el = document.getElementById("oauth-result");
  if (!el) { return; }
  var state = el.getAttribute("data-state") || "";
  var status = el.getAttribute("data-status") || "";
  var origin = el.getAttribute("data-target-origin") || "";
  var returnTo = el.getAttribute("data-return-to") || "";
  var opener = null;
  try { opener = window.opener; } catch (e) { opener = null; }
  if (opener && !opener.closed && origin) {
    try {
      opener.postMessage({ type: "social-console-oauth", state: state, status: status }, origin);
    } catch (e) { /* the opener navigated away */ }
    window.close();
    return;
  }
  if (returnTo.charAt(0) === "/" && returnTo.charAt(1) !== "/") {
    var url = new URL(returnTo, origin || window.location.origin);
    url.searchParams.set("oauth_state", state);
    window.location.replace(url.toString());
  }
})();
"#;

pub async fn callback_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_SECURITY_POLICY, PAGE_CSP),
        ],
        CALLBACK_JS,
    )
        .into_response()
}
