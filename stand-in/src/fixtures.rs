//! Fixtures: the seed data. Built-in fixtures (`demo`, `empty`, `large`) are written as the same
//! [`FixtureSpec`] that `POST /__test/reset {"fixture_json": ...}` accepts, and all go through
//! [`seed`], which derives notifications, warnings, expiry history and stopped streams with the
//! same milestone code the running server uses.

use std::collections::HashSet;

use api_types::*;
use serde::Deserialize;

use crate::corpus::{Corpus, SplitMix, TAGS};
use crate::db;
use crate::error::{fe, ApiErr};
use crate::model::{self, NewAccount, NewActivity, NewRequest};
use crate::util::{enum_str, parse_rfc3339, Ts, DAY, HOUR};
use rusqlite::{params, Connection};

/// A time in a fixture: seconds relative to the clock's now at seeding (negative = past), or
/// an RFC 3339 string.
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
pub enum RelTime {
    Offset(i64),
    At(String),
}

impl RelTime {
    fn resolve(&self, now: Ts, field: &str) -> Result<Ts, ApiErr> {
        match self {
            RelTime::Offset(s) => Ok(now + s),
            RelTime::At(s) => parse_rfc3339(s)
                .ok_or_else(|| ApiErr::field(field, "invalid_timestamp", Some(s.clone()))),
        }
    }
}

fn off(secs: i64) -> Option<RelTime> {
    Some(RelTime::Offset(secs))
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub struct FixtureSpec {
    #[serde(default)]
    pub accounts: Vec<AccountSpec>,
    #[serde(default)]
    pub streams: Vec<StreamSpec>,
    #[serde(default)]
    pub rights_accounts: Vec<RightsAccountSpec>,
    #[serde(default)]
    pub assets: Vec<AssetSpec>,
    #[serde(default)]
    pub rights_requests: Vec<RightsRequestSpec>,
    #[serde(default)]
    pub history: Vec<HistorySpec>,
    #[serde(default)]
    pub notification_states: Vec<NotificationStateSpec>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct AccountSpec {
    pub id: String,
    pub network: SocialNetwork,
    pub handle: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub avatar_url: Option<String>,
    #[serde(default)]
    pub identity_id: Option<String>,
    /// Default: 30 days ago.
    #[serde(default)]
    pub connected_at: Option<RelTime>,
    /// A user id (`usr_ada`, `usr_bram`, `usr_mo`, `usr_cas`).
    #[serde(default)]
    pub connected_by: Option<String>,
    #[serde(default)]
    pub last_refreshed_at: Option<RelTime>,
    #[serde(default)]
    pub last_refreshed_by: Option<String>,
    /// Default: none for Twitter, else 60 days after the last refresh or connection.
    #[serde(default)]
    pub expires_at: Option<RelTime>,
    #[serde(default)]
    pub invalidated: Option<InvalidationSpec>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct InvalidationSpec {
    pub reason: InvalidationReason,
    /// Default: 1 day ago.
    #[serde(default)]
    pub at: Option<RelTime>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct StreamSpec {
    pub id: String,
    pub name: String,
    pub destination: Destination,
    pub rules: StreamRules,
    #[serde(default)]
    pub account_id: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RightsAccountSpec {
    pub id: String,
    pub display_name: String,
    pub social_account_id: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub approval_hashtag: String,
    pub terms_url: String,
    pub default_template: String,
    #[serde(default)]
    pub is_default: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct AssetSpec {
    #[serde(default)]
    pub id: Option<String>,
    pub post_id: String,
    #[serde(default)]
    pub saved_at: Option<RelTime>,
    #[serde(default)]
    pub saved_by: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RightsRequestSpec {
    #[serde(default)]
    pub id: Option<String>,
    pub post_id: String,
    pub rights_account_id: String,
    pub status: RightsStatus,
    /// Default: the rights account's template filled in for the post's author.
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub created_at: Option<RelTime>,
    #[serde(default)]
    pub created_by: Option<String>,
    /// The reply text for granted / needs_review.
    #[serde(default)]
    pub reply: Option<String>,
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct HistorySpec {
    pub account_id: String,
    pub at: RelTime,
    pub kind: HistoryKind,
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub detail: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct NotificationStateSpec {
    pub user_id: String,
    pub account_id: String,
    pub milestone: Milestone,
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub dismissed: bool,
}

pub const FIXTURE_NAMES: &[&str] = &["demo", "empty", "large"];

pub fn builtin(name: &str) -> Option<FixtureSpec> {
    match name {
        "demo" => Some(demo()),
        "empty" => Some(FixtureSpec::default()),
        "large" => Some(large()),
        _ => None,
    }
}

fn acc(id: &str, network: SocialNetwork, handle: &str, display: &str) -> AccountSpec {
    AccountSpec {
        id: id.into(),
        network,
        handle: handle.into(),
        display_name: Some(display.into()),
        avatar_url: None,
        identity_id: None,
        connected_at: None,
        connected_by: Some("usr_ada".into()),
        last_refreshed_at: None,
        last_refreshed_by: None,
        expires_at: None,
        invalidated: None,
    }
}

pub const DEMO_TEMPLATE: &str =
    "@{handle} could we use your post? If yes, reply with #{grantTag} — terms: {termsLink}";

/// The demo network: every state at once (see README).
pub fn demo() -> FixtureSpec {
    use SocialNetwork::*;
    let mut accounts = Vec::new();

    let mut a = acc(
        "acc_tw_livefyre",
        Twitter,
        "livefyre_brand",
        "Livefyre Brand",
    );
    a.identity_id = Some("tw_1001".into());
    a.avatar_url = Some("https://images.example.com/avatars/livefyre_brand.png".into());
    a.connected_at = off(-400 * DAY);
    accounts.push(a);

    let mut a = acc("acc_tw_support", Twitter, "brand_support", "Brand Support");
    a.identity_id = Some("tw_1002".into());
    a.connected_at = off(-300 * DAY);
    a.connected_by = Some("usr_bram".into());
    a.invalidated = Some(InvalidationSpec {
        reason: InvalidationReason::Revoked,
        at: off(-6 * DAY),
    });
    accounts.push(a);

    let mut a = acc("acc_ig_hurray", Instagram, "hurray", "Hurray");
    a.identity_id = Some("ig_2001".into());
    a.connected_at = off(-200 * DAY);
    a.last_refreshed_at = off(-62 * DAY);
    a.last_refreshed_by = Some("usr_ada".into());
    a.expires_at = off(-2 * DAY);
    accounts.push(a);

    let mut a = acc("acc_ig_lfqa", Instagram, "lfqa", "lfqa");
    a.identity_id = Some("ig_2002".into());
    a.avatar_url = Some("https://images.example.com/avatars/lfqa.png".into());
    a.connected_at = off(-120 * DAY);
    a.last_refreshed_at = off(-15 * DAY);
    a.last_refreshed_by = Some("usr_bram".into());
    a.expires_at = off(45 * DAY);
    accounts.push(a);

    let mut a = acc("acc_ig_danni", Instagram, "danni", "danni");
    a.identity_id = Some("ig_2003".into());
    a.connected_at = off(-90 * DAY);
    a.last_refreshed_at = off(-50 * DAY - HOUR);
    a.last_refreshed_by = Some("usr_ada".into());
    a.expires_at = off(10 * DAY - HOUR);
    accounts.push(a);

    let mut a = acc("acc_igb_johnny", InstagramBusiness, "johnny", "johnny");
    a.identity_id = Some("fb_3001".into());
    a.connected_at = off(-180 * DAY);
    a.last_refreshed_at = off(-55 * DAY - HOUR);
    a.last_refreshed_by = Some("usr_mo".into());
    a.expires_at = off(5 * DAY - HOUR);
    accounts.push(a);

    let mut a = acc("acc_igb_brandhq", InstagramBusiness, "brandhq", "Brand HQ");
    a.identity_id = Some("fb_3002".into());
    a.connected_at = off(-100 * DAY);
    a.last_refreshed_at = off(-20 * DAY);
    a.last_refreshed_by = Some("usr_ada".into());
    a.expires_at = off(40 * DAY);
    a.invalidated = Some(InvalidationSpec {
        reason: InvalidationReason::PasswordChanged,
        at: off(-3 * DAY),
    });
    accounts.push(a);

    let mut a = acc(
        "acc_igb_shop",
        InstagramBusiness,
        "brand_shop",
        "Brand Shop",
    );
    a.identity_id = Some("fb_3003".into());
    a.connected_at = off(-30 * DAY);
    a.expires_at = off(30 * DAY);
    accounts.push(a);

    let stream = |id: &str,
                  name: &str,
                  kind,
                  dest: &str,
                  net,
                  tags: &[&str],
                  handles: &[&str],
                  account: &str| StreamSpec {
        id: id.into(),
        name: name.into(),
        destination: Destination {
            kind,
            name: dest.into(),
        },
        rules: StreamRules {
            network: net,
            hashtags: tags.iter().map(|s| s.to_string()).collect(),
            handles: handles.iter().map(|s| s.to_string()).collect(),
        },
        account_id: Some(account.into()),
    };
    use DestinationKind::*;
    let streams = vec![
        stream(
            "str_summer",
            "Summer UGC",
            App,
            "Summer microsite",
            Instagram,
            &["summer"],
            &[],
            "acc_ig_hurray",
        ),
        stream(
            "str_coffee",
            "Coffee wall",
            Folder,
            "Coffee",
            Instagram,
            &["coffee"],
            &[],
            "acc_ig_lfqa",
        ),
        stream(
            "str_support",
            "Support mentions",
            App,
            "Support center",
            Twitter,
            &[],
            &["brand_support"],
            "acc_tw_support",
        ),
        stream(
            "str_brandlove",
            "Brand love",
            App,
            "Homepage wall",
            Twitter,
            &["brandlove"],
            &[],
            "acc_tw_livefyre",
        ),
        stream(
            "str_travel",
            "Travel",
            Folder,
            "Travel",
            InstagramBusiness,
            &["travel"],
            &[],
            "acc_igb_johnny",
        ),
    ];

    let ra = |id: &str, name: &str, social: &str, default: bool| RightsAccountSpec {
        id: id.into(),
        display_name: name.into(),
        social_account_id: social.into(),
        enabled: true,
        approval_hashtag: "yesbrand".into(),
        terms_url: "https://example.com/terms".into(),
        default_template: DEMO_TEMPLATE.into(),
        is_default: default,
    };
    let rights_accounts = vec![
        ra(
            "ra_ig_default",
            "Instagram rights (default)",
            "acc_ig_hurray",
            true,
        ),
        ra("ra_ig_lfqa", "lfqa rights", "acc_ig_lfqa", false),
        ra("ra_tw", "Twitter rights", "acc_tw_livefyre", true),
    ];

    let asset = |post: &str, at: i64, by: &str| AssetSpec {
        id: Some(format!("ast_{}", post.trim_start_matches("post_"))),
        post_id: post.into(),
        saved_at: off(at),
        saved_by: Some(by.into()),
    };
    let assets = vec![
        asset("post_00001", -3 * DAY, "usr_ada"),
        asset("post_00002", -25 * DAY, "usr_cas"),
        asset("post_00003", -6 * DAY, "usr_mo"),
        asset("post_00004", -31 * DAY, "usr_ada"),
        asset("post_00005", -2 * DAY, "usr_cas"),
        asset("post_00006", -2 * DAY, "usr_ada"),
        asset("post_00010", -DAY, "usr_bram"),
    ];

    let rr = |id: &str, post: &str, ra: &str, status, at: i64, by: &str, reply: Option<&str>| {
        RightsRequestSpec {
            id: Some(id.into()),
            post_id: post.into(),
            rights_account_id: ra.into(),
            status,
            message: None,
            created_at: off(at),
            created_by: Some(by.into()),
            reply: reply.map(|s| s.to_string()),
            idempotency_key: None,
        }
    };
    use RightsStatus as RS;
    let rights_requests = vec![
        rr(
            "rr_requested",
            "post_00001",
            "ra_ig_lfqa",
            RS::Requested,
            -2 * DAY,
            "usr_ada",
            None,
        ),
        rr(
            "rr_granted",
            "post_00002",
            "ra_ig_default",
            RS::Granted,
            -20 * DAY,
            "usr_cas",
            Some("Sure! #yesbrand"),
        ),
        rr(
            "rr_needs_review",
            "post_00003",
            "ra_ig_lfqa",
            RS::NeedsReview,
            -5 * DAY,
            "usr_mo",
            Some("Sure, go ahead! Please tag me"),
        ),
        rr(
            "rr_expired",
            "post_00004",
            "ra_ig_lfqa",
            RS::Expired,
            -30 * DAY,
            "usr_ada",
            None,
        ),
        rr(
            "rr_failed",
            "post_00005",
            "ra_ig_default",
            RS::RequestFailed,
            -DAY,
            "usr_cas",
            None,
        ),
        rr(
            "rr_pending",
            "post_00006",
            "ra_ig_lfqa",
            RS::RequestPending,
            -HOUR,
            "usr_ada",
            None,
        ),
    ];

    let h = |account: &str, at: i64, kind, actor: Option<&str>, detail: Option<&str>| HistorySpec {
        account_id: account.into(),
        at: RelTime::Offset(at),
        kind,
        actor: actor.map(|s| s.to_string()),
        detail: detail.map(|s| s.to_string()),
    };
    use HistoryKind as HK;
    let history = vec![
        h(
            "acc_ig_hurray",
            -122 * DAY,
            HK::Refreshed,
            Some("usr_ada"),
            None,
        ),
        h(
            "acc_ig_hurray",
            -DAY,
            HK::RefreshFailed,
            Some("usr_mo"),
            Some("denied"),
        ),
        h(
            "acc_ig_lfqa",
            -75 * DAY,
            HK::Refreshed,
            Some("usr_ada"),
            None,
        ),
        h(
            "acc_ig_danni",
            -110 * DAY - HOUR,
            HK::Refreshed,
            Some("usr_bram"),
            None,
        ),
        h(
            "acc_igb_johnny",
            -115 * DAY - HOUR,
            HK::Refreshed,
            Some("usr_ada"),
            None,
        ),
        h(
            "acc_igb_johnny",
            -56 * DAY,
            HK::RefreshFailed,
            Some("usr_mo"),
            Some("identity_mismatch"),
        ),
        h(
            "acc_igb_brandhq",
            -80 * DAY,
            HK::Refreshed,
            Some("usr_bram"),
            None,
        ),
        h(
            "acc_igb_shop",
            -10 * DAY,
            HK::RefreshFailed,
            Some("usr_bram"),
            Some("denied"),
        ),
        h(
            "acc_tw_livefyre",
            -200 * DAY,
            HK::Refreshed,
            Some("usr_ada"),
            Some("no_op_oauth1"),
        ),
        h(
            "acc_tw_support",
            -100 * DAY,
            HK::Refreshed,
            Some("usr_bram"),
            Some("no_op_oauth1"),
        ),
    ];

    let ns = |account: &str, milestone, read, dismissed| NotificationStateSpec {
        user_id: "usr_ada".into(),
        account_id: account.into(),
        milestone,
        read,
        dismissed,
    };
    let notification_states = vec![
        ns("acc_igb_johnny", Milestone::Days10, true, false),
        ns("acc_ig_hurray", Milestone::Days10, true, true),
        ns("acc_ig_hurray", Milestone::Days5, true, true),
    ];

    FixtureSpec {
        accounts,
        streams,
        rights_accounts,
        assets,
        rights_requests,
        history,
        notification_states,
    }
}

/// 1,000 social accounts in all (the demo's 8 plus 992 generated, every state) and 600 streams.
pub fn large() -> FixtureSpec {
    let mut spec = demo();
    let mut rng = SplitMix::new(0x1A26_E000_0000_0001);
    let reasons = [
        InvalidationReason::Revoked,
        InvalidationReason::PasswordChanged,
        InvalidationReason::AppRemoved,
        InvalidationReason::SessionInvalid,
    ];
    let total = 1_000 - spec.accounts.len();
    let mut ids: Vec<(String, SocialNetwork)> = Vec::new();
    for i in 0..total {
        let network = match i % 10 {
            0..=2 => SocialNetwork::Twitter,
            3..=6 => SocialNetwork::Instagram,
            _ => SocialNetwork::InstagramBusiness,
        };
        let (prefix, short) = match network {
            SocialNetwork::Twitter => ("tw", "tw"),
            SocialNetwork::Instagram => ("ig", "ig"),
            SocialNetwork::InstagramBusiness => ("fb", "igb"),
        };
        let id = format!("acc_l{short}_{i:04}");
        let handle = format!("{short}_account_{i:04}");
        let mut a = acc(&id, network, &handle, &format!("Large {short} {i}"));
        a.identity_id = Some(format!("{prefix}_l{i}"));
        a.connected_at = off(-(100 + rng.below(300) as i64) * DAY);
        let r = rng.below(100);
        if network == SocialNetwork::Twitter {
            if r < 15 {
                a.invalidated = Some(InvalidationSpec {
                    reason: InvalidationReason::Revoked,
                    at: off(-(rng.below(30) as i64 + 1) * DAY),
                });
            }
        } else {
            let expires = if r < 55 {
                (11 + rng.below(48) as i64) * DAY
            } else if r < 70 {
                (1 + rng.below(10) as i64) * DAY - HOUR
            } else if r < 85 {
                -((1 + rng.below(30) as i64) * DAY)
            } else {
                (20 + rng.below(30) as i64) * DAY
            };
            a.expires_at = off(expires);
            a.last_refreshed_at = off(expires - 60 * DAY);
            a.last_refreshed_by =
                Some(["usr_ada", "usr_bram", "usr_mo"][rng.below(3) as usize].into());
            if (85..95).contains(&r) {
                a.invalidated = Some(InvalidationSpec {
                    reason: reasons[rng.below(4) as usize],
                    at: off(-(rng.below(10) as i64 + 1) * DAY),
                });
            }
        }
        ids.push((id, network));
        spec.accounts.push(a);
    }
    for s in 0..600 {
        let (account, network) = ids[rng.below(ids.len() as u64) as usize].clone();
        let tag = *rng.pick(TAGS);
        spec.streams.push(StreamSpec {
            id: format!("str_l_{s:04}"),
            name: format!("Stream {s} #{tag}"),
            destination: Destination {
                kind: if s % 2 == 0 {
                    DestinationKind::App
                } else {
                    DestinationKind::Folder
                },
                name: format!("Destination {}", s % 40),
            },
            rules: StreamRules {
                network,
                hashtags: vec![tag.to_string()],
                handles: vec![],
            },
            account_id: Some(account),
        });
    }
    spec
}

fn check_user(id: &Option<String>, field: &str) -> Result<(), ApiErr> {
    if let Some(u) = id {
        if model::user_by_id(u).is_none() {
            return Err(ApiErr::field(field, "unknown_user", Some(u.clone())));
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn act<'a>(
    post_id: &'a str,
    ra: &'a str,
    at: Ts,
    kind: ActivityKind,
    actor: Option<&'a str>,
    status: Option<RightsStatus>,
    text: Option<&'a str>,
    error_code: Option<ErrorCode>,
) -> NewActivity<'a> {
    NewActivity {
        post_id,
        at,
        kind,
        actor,
        status,
        rights_account_id: Some(ra),
        text,
        error_code,
    }
}

fn fill_template(t: &str, handle: &str, tag: &str, terms: &str) -> String {
    t.replace("{handle}", handle)
        .replace("{grantTag}", tag)
        .replace("{termsLink}", terms)
}

/// Wipes every table and seeds `spec` at `now`. Runs inside the caller's transaction.
pub fn seed(
    db: &Connection,
    spec: &FixtureSpec,
    now: Ts,
    name: &str,
    corpus: &Corpus,
) -> Result<(), ApiErr> {
    db::clear(db)?;
    db::meta_set(db, "base_time", &now.to_string())?;
    db::meta_set(db, "fixture", name)?;

    let mut ids = HashSet::new();
    let mut identities = HashSet::new();
    for (i, a) in spec.accounts.iter().enumerate() {
        let f = |s: &str| format!("accounts[{i}].{s}");
        if a.id.trim().is_empty() || !ids.insert(a.id.clone()) {
            return Err(ApiErr::field(
                &f("id"),
                "duplicate_or_blank",
                Some(a.id.clone()),
            ));
        }
        check_user(&a.connected_by, &f("connected_by"))?;
        check_user(&a.last_refreshed_by, &f("last_refreshed_by"))?;
        let identity = a
            .identity_id
            .clone()
            .unwrap_or_else(|| format!("{}_{}", a.network.as_str(), a.handle));
        if !identities.insert((a.network, identity.clone())) {
            return Err(ApiErr::field(
                &f("identity_id"),
                "duplicate",
                Some(identity),
            ));
        }
        let connected_at = match &a.connected_at {
            Some(t) => t.resolve(now, &f("connected_at"))?,
            None => now - 30 * DAY,
        };
        let refreshed = match &a.last_refreshed_at {
            Some(t) => Some(t.resolve(now, &f("last_refreshed_at"))?),
            None => None,
        };
        let kind = model::default_kind(a.network);
        let expires_at = match (&a.expires_at, kind) {
            (Some(t), _) => Some(t.resolve(now, &f("expires_at"))?),
            (None, TokenKind::Oauth1) => None,
            (None, _) => Some(refreshed.unwrap_or(connected_at) + model::TOKEN_LIFETIME),
        };
        model::insert_account(
            db,
            &NewAccount {
                id: a.id.clone(),
                network: a.network,
                handle: &a.handle,
                display_name: a.display_name.as_deref().unwrap_or(&a.handle),
                avatar_url: a.avatar_url.as_deref(),
                identity_id: &identity,
                kind,
                expires_at,
                connected_at,
                connected_by: a.connected_by.as_deref(),
                last_refreshed_at: refreshed,
                last_refreshed_by: a.last_refreshed_by.as_deref(),
            },
        )?;
        let inv_at = match &a.invalidated {
            Some(inv) => Some(match &inv.at {
                Some(t) => t.resolve(now, &f("invalidated.at"))?,
                None => now - DAY,
            }),
            None => None,
        };
        // Replay the token's life up to now (or up to its invalidation) through the same
        // milestone code the server runs on every request.
        if let Some(exp) = expires_at {
            let limit = inv_at.map(|t| t.min(now)).unwrap_or(now);
            let mut row = model::get_account(db, &a.id)?
                .ok_or_else(|| ApiErr::internal("account vanished"))?;
            for t in model::milestone_times(exp) {
                if t <= limit {
                    row.notified_level = model::evaluate_account(db, &row, t)?;
                }
            }
        }
        if let (Some(inv), Some(at)) = (&a.invalidated, inv_at) {
            let row = model::get_account(db, &a.id)?
                .ok_or_else(|| ApiErr::internal("account vanished"))?;
            model::revoke(db, at, &row, inv.reason)?;
        }
    }

    for (i, h) in spec.history.iter().enumerate() {
        if !ids.contains(&h.account_id) {
            return Err(ApiErr::field(
                &format!("history[{i}].account_id"),
                "not_found",
                Some(h.account_id.clone()),
            ));
        }
        check_user(&h.actor, &format!("history[{i}].actor"))?;
        let at = h.at.resolve(now, &format!("history[{i}].at"))?;
        model::add_history(
            db,
            &h.account_id,
            at,
            h.kind,
            h.actor.as_deref(),
            h.detail.as_deref(),
        )?;
    }

    let mut stream_ids = HashSet::new();
    for (i, s) in spec.streams.iter().enumerate() {
        if !stream_ids.insert(s.id.clone()) {
            return Err(ApiErr::field(
                &format!("streams[{i}].id"),
                "duplicate",
                Some(s.id.clone()),
            ));
        }
        if let Some(acc) = &s.account_id {
            if !ids.contains(acc) {
                return Err(ApiErr::field(
                    &format!("streams[{i}].account_id"),
                    "not_found",
                    Some(acc.clone()),
                ));
            }
        }
        model::insert_stream(
            db,
            &s.id,
            &s.name,
            &s.destination,
            &s.rules,
            s.account_id.as_deref(),
        )?;
    }

    for (i, r) in spec.rights_accounts.iter().enumerate() {
        let Some(social) = model::get_account(db, &r.social_account_id)? else {
            return Err(ApiErr::field(
                &format!("rights_accounts[{i}].social_account_id"),
                "not_found",
                Some(r.social_account_id.clone()),
            ));
        };
        model::upsert_rights_account(
            db,
            &RightsAccount {
                id: r.id.clone(),
                display_name: r.display_name.clone(),
                social_account_id: r.social_account_id.clone(),
                network: social.network,
                enabled: r.enabled,
                approval_hashtag: r.approval_hashtag.clone(),
                terms_url: r.terms_url.clone(),
                default_template: r.default_template.clone(),
                is_default: r.is_default,
            },
            true,
        )?;
    }

    for (i, a) in spec.assets.iter().enumerate() {
        if corpus.get(&a.post_id).is_none() {
            return Err(ApiErr::field(
                &format!("assets[{i}].post_id"),
                "not_found",
                Some(a.post_id.clone()),
            ));
        }
        check_user(&a.saved_by, &format!("assets[{i}].saved_by"))?;
        let at = match &a.saved_at {
            Some(t) => t.resolve(now, &format!("assets[{i}].saved_at"))?,
            None => now - DAY,
        };
        let id = a.id.clone().unwrap_or_else(|| crate::util::new_id("ast"));
        model::insert_asset(
            db,
            &id,
            &a.post_id,
            at,
            a.saved_by.as_deref().unwrap_or("usr_ada"),
        )?;
    }

    for (i, r) in spec.rights_requests.iter().enumerate() {
        let f = |s: &str| format!("rights_requests[{i}].{s}");
        let Some(post) = corpus.get(&r.post_id) else {
            return Err(ApiErr::field(
                &f("post_id"),
                "not_found",
                Some(r.post_id.clone()),
            ));
        };
        let Some(ra) = model::get_rights_account(db, &r.rights_account_id)? else {
            return Err(ApiErr::field(
                &f("rights_account_id"),
                "not_found",
                Some(r.rights_account_id.clone()),
            ));
        };
        check_user(&r.created_by, &f("created_by"))?;
        let at = match &r.created_at {
            Some(t) => t.resolve(now, &f("created_at"))?,
            None => now - DAY,
        };
        let by = r.created_by.as_deref().unwrap_or("usr_ada");
        let message = r.message.clone().unwrap_or_else(|| {
            fill_template(
                &ra.default_template,
                &post.author_handle,
                &ra.approval_hashtag,
                &ra.terms_url,
            )
        });
        let failed = r.status == RightsStatus::RequestFailed;
        model::insert_request(
            db,
            &NewRequest {
                id: r.id.clone().unwrap_or_else(|| crate::util::new_id("rr")),
                post_id: &r.post_id,
                rights_account_id: &ra.id,
                message: &message,
                status: r.status,
                created_at: at,
                created_by: by,
                idempotency_key: r.idempotency_key.as_deref(),
                error_code: failed.then_some(ErrorCode::TokenExpired),
                error_account_id: failed.then_some(ra.social_account_id.as_str()),
            },
        )?;
        use ActivityKind as AK;
        use RightsStatus as RS;
        match r.status {
            RS::RequestFailed => {
                model::add_activity(
                    db,
                    &act(
                        &r.post_id,
                        &ra.id,
                        at,
                        AK::Error,
                        Some(by),
                        Some(RS::RequestFailed),
                        Some(&message),
                        Some(ErrorCode::TokenExpired),
                    ),
                )?;
            }
            RS::RequestPending => {
                model::add_activity(
                    db,
                    &act(
                        &r.post_id,
                        &ra.id,
                        at,
                        AK::Requested,
                        Some(by),
                        Some(RS::RequestPending),
                        Some(&message),
                        None,
                    ),
                )?;
                model::add_activity(
                    db,
                    &act(
                        &r.post_id,
                        &ra.id,
                        at,
                        AK::Note,
                        None,
                        Some(RS::RequestPending),
                        Some("Queued under the network's rate limit"),
                        None,
                    ),
                )?;
            }
            status => {
                model::add_activity(
                    db,
                    &act(
                        &r.post_id,
                        &ra.id,
                        at,
                        AK::Requested,
                        Some(by),
                        Some(RS::Requested),
                        Some(&message),
                        None,
                    ),
                )?;
                match status {
                    RS::Granted | RS::NeedsReview => {
                        let reply = r.reply.clone().unwrap_or_else(|| {
                            if status == RS::Granted {
                                format!("Yes! #{}", ra.approval_hashtag)
                            } else {
                                "Sure, go ahead".to_string()
                            }
                        });
                        model::add_activity(
                            db,
                            &act(
                                &r.post_id,
                                &ra.id,
                                at + 6 * HOUR,
                                AK::Replied,
                                None,
                                None,
                                Some(&reply),
                                None,
                            ),
                        )?;
                        model::add_activity(
                            db,
                            &act(
                                &r.post_id,
                                &ra.id,
                                at + 6 * HOUR,
                                AK::StatusChanged,
                                None,
                                Some(status),
                                None,
                                None,
                            ),
                        )?;
                    }
                    RS::Expired => {
                        model::add_activity(
                            db,
                            &act(
                                &r.post_id,
                                &ra.id,
                                at + 14 * DAY,
                                AK::StatusChanged,
                                None,
                                Some(RS::Expired),
                                Some("No reply within 14 days"),
                                None,
                            ),
                        )?;
                    }
                    _ => {}
                }
            }
        }
    }

    model::evaluate(db, now)?;

    for (i, n) in spec.notification_states.iter().enumerate() {
        if model::user_by_id(&n.user_id).is_none() {
            return Err(ApiErr::validation(vec![fe(
                &format!("notification_states[{i}].user_id"),
                "unknown_user",
                Some(n.user_id.clone()),
            )]));
        }
        let ids: Vec<String> = {
            let mut st = db
                .prepare("SELECT id FROM notifications WHERE account_id = ?1 AND milestone = ?2")?;
            let rows = st.query_map(params![n.account_id, enum_str(&n.milestone)], |r| r.get(0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        if ids.is_empty() {
            return Err(ApiErr::field(
                &format!("notification_states[{i}]"),
                "no_such_notification",
                Some(format!("{} {}", n.account_id, enum_str(&n.milestone))),
            ));
        }
        for id in ids {
            model::set_notification_state(db, &id, &n.user_id, n.read, n.dismissed)?;
        }
    }
    Ok(())
}
