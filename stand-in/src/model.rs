//! Domain rows and operations on the database: accounts, token rules, milestones, streams,
//! notifications, rights. Every function runs inside the caller's transaction.

use std::collections::HashMap;

use api_types::*;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::ApiErr;
use crate::util::{enum_parse, enum_str, new_id, odt, Ts, DAY};

// ---------------------------------------------------------------- users

pub struct DemoUser {
    pub id: &'static str,
    pub token: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub role: Role,
}

pub const USERS: &[DemoUser] = &[
    DemoUser {
        id: "usr_ada",
        token: "demo-admin",
        name: "Ada Admin",
        email: "ada.admin@example.com",
        role: Role::Admin,
    },
    DemoUser {
        id: "usr_bram",
        token: "demo-admin-2",
        name: "Bram Beheer",
        email: "bram.beheer@example.com",
        role: Role::Admin,
    },
    DemoUser {
        id: "usr_mo",
        token: "demo-moderator",
        name: "Mo Moderator",
        email: "mo.moderator@example.com",
        role: Role::Moderator,
    },
    DemoUser {
        id: "usr_cas",
        token: "demo-curator",
        name: "Cas Curator",
        email: "cas.curator@example.com",
        role: Role::Curator,
    },
];

pub const NETWORK_ID: &str = "net_brand_demo";
pub const NETWORK_NAME: &str = "Brand Network (demo)";

pub fn user_by_token(token: &str) -> Option<&'static DemoUser> {
    USERS.iter().find(|u| u.token == token)
}

pub fn user_by_id(id: &str) -> Option<&'static DemoUser> {
    USERS.iter().find(|u| u.id == id)
}

pub fn person(id: &str) -> Person {
    Person {
        id: id.to_string(),
        name: user_by_id(id)
            .map(|u| u.name.to_string())
            .unwrap_or_else(|| id.to_string()),
    }
}

pub fn permissions(role: Role) -> Permissions {
    match role {
        Role::Admin => Permissions {
            manage_accounts: true,
            refresh_tokens: true,
            manage_rights_settings: true,
            request_rights: true,
            manage_streams: true,
        },
        Role::Moderator => Permissions {
            manage_accounts: false,
            refresh_tokens: true,
            manage_rights_settings: true,
            request_rights: true,
            manage_streams: true,
        },
        Role::Curator => Permissions {
            request_rights: true,
            ..Permissions::default()
        },
    }
}

pub fn session_for(user: &DemoUser) -> Session {
    Session {
        user: User {
            id: user.id.into(),
            name: user.name.into(),
            email: user.email.into(),
            role: user.role,
        },
        network: Network {
            id: NETWORK_ID.into(),
            name: NETWORK_NAME.into(),
        },
        permissions: permissions(user.role),
        admins: USERS
            .iter()
            .filter(|u| u.role == Role::Admin)
            .map(|u| person(u.id))
            .collect(),
    }
}

// ---------------------------------------------------------------- accounts

pub const TOKEN_LIFETIME: i64 = 60 * DAY;

pub fn default_kind(network: SocialNetwork) -> TokenKind {
    match network {
        SocialNetwork::Twitter => TokenKind::Oauth1,
        SocialNetwork::Instagram => TokenKind::InstagramLongLived,
        SocialNetwork::InstagramBusiness => TokenKind::FacebookUser,
    }
}

pub fn network_rank(n: SocialNetwork) -> u8 {
    match n {
        SocialNetwork::Twitter => 0,
        SocialNetwork::Instagram => 1,
        SocialNetwork::InstagramBusiness => 2,
    }
}

#[derive(Clone, Debug)]
pub struct AccountRow {
    pub id: String,
    pub network: SocialNetwork,
    pub handle: String,
    pub display_name: String,
    pub avatar_url: Option<String>,
    pub identity_id: String,
    pub position: u32,
    pub kind: TokenKind,
    pub expires_at: Option<Ts>,
    pub inv_reason: Option<InvalidationReason>,
    pub inv_at: Option<Ts>,
    pub connected_at: Ts,
    pub last_refreshed_at: Option<Ts>,
    pub last_refreshed_by: Option<String>,
    pub token_issued_at: Ts,
    pub lifetime: i64,
    pub notified_level: i64,
}

pub const ACC_COLS: &str = "id, network, handle, display_name, avatar_url, identity_id, position, kind, expires_at, inv_reason, inv_at, connected_at, last_refreshed_at, last_refreshed_by, token_issued_at, lifetime, notified_level";
pub const ACC_ORDER: &str =
    "CASE network WHEN 'twitter' THEN 0 WHEN 'instagram' THEN 1 ELSE 2 END, position, id";

fn acc_from_row(r: &Row) -> rusqlite::Result<AccountRow> {
    let network: String = r.get(1)?;
    let kind: String = r.get(7)?;
    let inv: Option<String> = r.get(9)?;
    let position: i64 = r.get(6)?;
    Ok(AccountRow {
        id: r.get(0)?,
        network: SocialNetwork::parse(&network).unwrap_or(SocialNetwork::Twitter),
        handle: r.get(2)?,
        display_name: r.get(3)?,
        avatar_url: r.get(4)?,
        identity_id: r.get(5)?,
        position: position.max(0) as u32,
        kind: enum_parse(&kind).unwrap_or(TokenKind::Oauth1),
        expires_at: r.get(8)?,
        inv_reason: inv.map(|s| enum_parse(&s).unwrap_or(InvalidationReason::Other)),
        inv_at: r.get(10)?,
        connected_at: r.get(11)?,
        last_refreshed_at: r.get(12)?,
        last_refreshed_by: r.get(13)?,
        token_issued_at: r.get(14)?,
        lifetime: r.get(15)?,
        notified_level: r.get(16)?,
    })
}

/// A token problem at `now`, as the error code the API answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenProblem {
    Expired,
    Revoked,
}

impl TokenProblem {
    pub fn code(self) -> ErrorCode {
        match self {
            TokenProblem::Expired => ErrorCode::TokenExpired,
            TokenProblem::Revoked => ErrorCode::TokenRevoked,
        }
    }
}

impl AccountRow {
    pub fn is_expired(&self, now: Ts) -> bool {
        self.expires_at.is_some_and(|e| now >= e)
    }
    pub fn problem(&self, now: Ts) -> Option<TokenProblem> {
        if self.inv_reason.is_some() {
            Some(TokenProblem::Revoked)
        } else if self.is_expired(now) {
            Some(TokenProblem::Expired)
        } else {
            None
        }
    }
    pub fn usable(&self, now: Ts) -> bool {
        self.problem(now).is_none()
    }
    pub fn token_error(&self, now: Ts) -> Option<ApiErr> {
        self.problem(now)
            .map(|p| ApiErr::token(p.code(), &self.id, &self.handle))
    }
    pub fn aref(&self) -> AccountRef {
        AccountRef {
            id: self.id.clone(),
            network: self.network,
            handle: self.handle.clone(),
        }
    }
    pub fn to_wire(&self) -> SocialAccount {
        SocialAccount {
            id: self.id.clone(),
            network: self.network,
            handle: self.handle.clone(),
            display_name: self.display_name.clone(),
            avatar_url: self.avatar_url.clone(),
            identity_id: self.identity_id.clone(),
            position: self.position,
            token: Token {
                kind: self.kind,
                expires_at: self.expires_at.map(odt),
                invalidated: match (self.inv_reason, self.inv_at) {
                    (Some(reason), Some(at)) => Some(Invalidation {
                        reason,
                        at: odt(at),
                    }),
                    (Some(reason), None) => Some(Invalidation {
                        reason,
                        at: odt(self.connected_at),
                    }),
                    _ => None,
                },
                connected_at: odt(self.connected_at),
                last_refreshed_at: self.last_refreshed_at.map(odt),
                last_refreshed_by: self.last_refreshed_by.as_deref().map(person),
            },
        }
    }
}

pub fn list_accounts(db: &Connection) -> Result<Vec<AccountRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {ACC_COLS} FROM accounts ORDER BY {ACC_ORDER}"
    ))?;
    let rows = st.query_map([], acc_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn network_accounts(db: &Connection, n: SocialNetwork) -> Result<Vec<AccountRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {ACC_COLS} FROM accounts WHERE network = ?1 ORDER BY position, id"
    ))?;
    let rows = st.query_map([n.as_str()], acc_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The Instagram search fallback order: Instagram accounts by position, then Instagram
/// Business accounts by position (SRCH-4).
pub fn instagram_order(db: &Connection) -> Result<Vec<AccountRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {ACC_COLS} FROM accounts WHERE network IN ('instagram', 'instagram_business') ORDER BY {ACC_ORDER}"
    ))?;
    let rows = st.query_map([], acc_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn get_account(db: &Connection, id: &str) -> Result<Option<AccountRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!("SELECT {ACC_COLS} FROM accounts WHERE id = ?1"))?;
    Ok(st.query_row([id], acc_from_row).optional()?)
}

pub fn account_by_identity(
    db: &Connection,
    network: SocialNetwork,
    identity: &str,
) -> Result<Option<AccountRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {ACC_COLS} FROM accounts WHERE network = ?1 AND identity_id = ?2"
    ))?;
    Ok(st
        .query_row(params![network.as_str(), identity], acc_from_row)
        .optional()?)
}

pub struct NewAccount<'a> {
    pub id: String,
    pub network: SocialNetwork,
    pub handle: &'a str,
    pub display_name: &'a str,
    pub avatar_url: Option<&'a str>,
    pub identity_id: &'a str,
    pub kind: TokenKind,
    pub expires_at: Option<Ts>,
    pub connected_at: Ts,
    pub connected_by: Option<&'a str>,
    pub last_refreshed_at: Option<Ts>,
    pub last_refreshed_by: Option<&'a str>,
}

/// Inserts an account at the end of its network's order, with `connected` (and `refreshed`)
/// history.
pub fn insert_account(db: &Connection, a: &NewAccount) -> Result<(), ApiErr> {
    let position: i64 = db.query_row(
        "SELECT COUNT(*) FROM accounts WHERE network = ?1",
        [a.network.as_str()],
        |r| r.get(0),
    )?;
    let issued = a.last_refreshed_at.unwrap_or(a.connected_at);
    db.execute(
        "INSERT INTO accounts (id, network, handle, display_name, avatar_url, identity_id, position, kind, expires_at, connected_at, last_refreshed_at, last_refreshed_by, token_issued_at, lifetime, notified_level) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 1, 0)",
        params![
            a.id,
            a.network.as_str(),
            a.handle,
            a.display_name,
            a.avatar_url,
            a.identity_id,
            position,
            enum_str(&a.kind),
            a.expires_at,
            a.connected_at,
            a.last_refreshed_at,
            a.last_refreshed_by,
            issued
        ],
    )?;
    add_history(
        db,
        &a.id,
        a.connected_at,
        HistoryKind::Connected,
        a.connected_by,
        None,
    )?;
    if let Some(at) = a.last_refreshed_at {
        add_history(
            db,
            &a.id,
            at,
            HistoryKind::Refreshed,
            a.last_refreshed_by,
            None,
        )?;
    }
    Ok(())
}

pub fn add_history(
    db: &Connection,
    account_id: &str,
    at: Ts,
    kind: HistoryKind,
    actor: Option<&str>,
    detail: Option<&str>,
) -> Result<(), ApiErr> {
    db.prepare_cached(
        "INSERT INTO history (account_id, at, kind, actor, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![account_id, at, enum_str(&kind), actor, detail])?;
    Ok(())
}

pub fn history(db: &Connection, account_id: &str) -> Result<Vec<HistoryEntry>, ApiErr> {
    let mut st = db.prepare_cached(
        "SELECT at, kind, actor, detail FROM history WHERE account_id = ?1 ORDER BY at DESC, seq DESC",
    )?;
    let rows = st.query_map([account_id], |r| {
        let kind: String = r.get(1)?;
        let actor: Option<String> = r.get(2)?;
        Ok(HistoryEntry {
            at: odt(r.get(0)?),
            kind: enum_parse(&kind).unwrap_or(HistoryKind::Other),
            actor: actor.as_deref().map(person),
            detail: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Renumbers a network's positions 0.. in their current order.
pub fn renumber(db: &Connection, network: SocialNetwork) -> Result<(), ApiErr> {
    let accs = network_accounts(db, network)?;
    for (i, a) in accs.iter().enumerate() {
        if a.position as usize != i {
            db.execute(
                "UPDATE accounts SET position = ?1 WHERE id = ?2",
                params![i as i64, a.id],
            )?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- dependents

pub fn dependents(
    db: &Connection,
    now: Ts,
    acc: &AccountRow,
    ig_order: &[AccountRow],
) -> Result<Dependents, ApiErr> {
    let mut st =
        db.prepare_cached("SELECT id, name FROM streams WHERE account_id = ?1 ORDER BY seq")?;
    let streams = st
        .query_map([&acc.id], |r| {
            Ok(StreamRef {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let (search_rank, search_fallback) = if acc.network.is_instagram() {
        let rank = ig_order
            .iter()
            .position(|a| a.id == acc.id)
            .map(|i| i as u32 + 1);
        let fallback = ig_order
            .iter()
            .find(|a| a.id != acc.id && a.usable(now))
            .map(|a| a.aref());
        (rank, fallback)
    } else {
        (None, None)
    };
    let open: i64 = db
        .prepare_cached(
            "SELECT COUNT(*) FROM rights_requests r JOIN rights_accounts ra ON ra.id = r.rights_account_id WHERE ra.social_account_id = ?1 AND r.status IN ('requested', 'request_pending')",
        )?
        .query_row([&acc.id], |r| r.get(0))?;
    Ok(Dependents {
        account_id: acc.id.clone(),
        streams,
        search_rank,
        search_fallback,
        open_rights_requests: open.max(0) as u32,
    })
}

// ---------------------------------------------------------------- milestones (NOT-1)

pub fn milestone_level(expires_at: Ts, t: Ts) -> i64 {
    if t >= expires_at {
        3
    } else if t >= expires_at - 5 * DAY {
        2
    } else if t >= expires_at - 10 * DAY {
        1
    } else {
        0
    }
}

/// The milestone times of a token that expires at `expires_at`, in order.
pub fn milestone_times(expires_at: Ts) -> [Ts; 3] {
    [expires_at - 10 * DAY, expires_at - 5 * DAY, expires_at]
}

/// Brings one account's notifications up to time `t`: at most one notification per call, for
/// the latest milestone passed, and only if it is later than the last one sent in this token
/// lifetime. Skipped milestones are not recorded. Returns the new level.
pub fn evaluate_account(db: &Connection, a: &AccountRow, t: Ts) -> Result<i64, ApiErr> {
    let Some(exp) = a.expires_at else {
        return Ok(a.notified_level);
    };
    if a.inv_reason.is_some() {
        return Ok(a.notified_level);
    }
    let level = milestone_level(exp, t);
    if level <= a.notified_level {
        return Ok(a.notified_level);
    }
    let (milestone, at) = match level {
        1 => (Milestone::Days10, exp - 10 * DAY),
        2 => (Milestone::Days5, exp - 5 * DAY),
        _ => (Milestone::Expired, exp),
    };
    db.prepare_cached(
        "INSERT INTO notifications (id, account_id, milestone, created_at, expires_at, lifetime, resolved) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
    )?
    .execute(params![
        new_id("ntf"),
        a.id,
        enum_str(&milestone),
        at,
        exp,
        a.lifetime
    ])?;
    if level < 3 {
        add_history(
            db,
            &a.id,
            at,
            HistoryKind::WarningSent,
            None,
            Some(&enum_str(&milestone)),
        )?;
    } else {
        add_history(db, &a.id, at, HistoryKind::Expired, None, None)?;
    }
    db.prepare_cached("UPDATE accounts SET notified_level = ?1 WHERE id = ?2")?
        .execute(params![level, a.id])?;
    Ok(level)
}

/// Lazy evaluation at `now`: milestones for every account, then streams whose account can no
/// longer feed them stop.
pub fn evaluate(db: &Connection, now: Ts) -> Result<(), ApiErr> {
    let cands = {
        let mut st = db.prepare_cached(&format!(
            "SELECT {ACC_COLS} FROM accounts WHERE expires_at IS NOT NULL AND inv_reason IS NULL AND notified_level < 3 AND expires_at - ?1 <= ?2"
        ))?;
        let rows = st.query_map(params![10 * DAY, now], acc_from_row)?;
        rows.collect::<Result<Vec<_>, _>>()?
    };
    for a in &cands {
        evaluate_account(db, a, now)?;
    }
    stop_streams(db, now)?;
    Ok(())
}

pub fn stop_streams(db: &Connection, now: Ts) -> Result<(), ApiErr> {
    db.prepare_cached(
        "UPDATE streams SET status = 'stopped', stop_reason = 'token_revoked', stop_account_id = a.id, stop_account_network = a.network, stop_account_handle = a.handle, stop_since = COALESCE(a.inv_at, ?1), gap_from = NULL, gap_to = NULL FROM accounts AS a WHERE streams.account_id = a.id AND streams.status = 'running' AND a.inv_reason IS NOT NULL",
    )?
    .execute([now])?;
    db.prepare_cached(
        "UPDATE streams SET status = 'stopped', stop_reason = 'token_expired', stop_account_id = a.id, stop_account_network = a.network, stop_account_handle = a.handle, stop_since = a.expires_at, gap_from = NULL, gap_to = NULL FROM accounts AS a WHERE streams.account_id = a.id AND streams.status = 'running' AND a.inv_reason IS NULL AND a.expires_at IS NOT NULL AND a.expires_at <= ?1",
    )?
    .execute([now])?;
    Ok(())
}

/// A refresh (silent or through the provider) of the same account row: new lifetime, invalidation
/// cleared, history, notifications resolved, streams run again with the gap noted.
pub fn apply_refresh(
    db: &Connection,
    now: Ts,
    acc: &AccountRow,
    actor: &str,
) -> Result<AccountRow, ApiErr> {
    let reconnect = acc.problem(now).is_some();
    let new_exp = match acc.kind {
        TokenKind::Oauth1 => None,
        _ => Some(now + TOKEN_LIFETIME),
    };
    db.execute(
        "UPDATE accounts SET expires_at = ?1, inv_reason = NULL, inv_at = NULL, last_refreshed_at = ?2, last_refreshed_by = ?3, token_issued_at = ?2, lifetime = lifetime + 1, notified_level = 0 WHERE id = ?4",
        params![new_exp, now, actor, acc.id],
    )?;
    add_history(
        db,
        &acc.id,
        now,
        if reconnect {
            HistoryKind::Reconnected
        } else {
            HistoryKind::Refreshed
        },
        Some(actor),
        None,
    )?;
    db.execute(
        "UPDATE notifications SET resolved = 1 WHERE account_id = ?1 AND resolved = 0",
        [&acc.id],
    )?;
    db.execute(
        "UPDATE streams SET status = 'running', gap_from = stop_since, gap_to = ?1, stop_reason = NULL, stop_account_id = NULL, stop_account_network = NULL, stop_account_handle = NULL, stop_since = NULL WHERE account_id = ?2 AND status = 'stopped' AND stop_reason IN ('token_expired', 'token_revoked')",
        params![now, acc.id],
    )?;
    get_account(db, &acc.id)?.ok_or_else(|| ApiErr::internal("account vanished"))
}

pub fn revoke(
    db: &Connection,
    now: Ts,
    acc: &AccountRow,
    reason: InvalidationReason,
) -> Result<(), ApiErr> {
    db.execute(
        "UPDATE accounts SET inv_reason = ?1, inv_at = ?2 WHERE id = ?3",
        params![enum_str(&reason), now, acc.id],
    )?;
    add_history(
        db,
        &acc.id,
        now,
        HistoryKind::Revoked,
        None,
        Some(&enum_str(&reason)),
    )?;
    stop_streams(db, now)
}

// ---------------------------------------------------------------- notifications

struct NotifRow {
    id: String,
    account_id: String,
    milestone: Milestone,
    created_at: Ts,
    expires_at: Ts,
    resolved: bool,
    read: bool,
}

fn notif_rows(db: &Connection, user: &str, only_id: Option<&str>) -> Result<Vec<NotifRow>, ApiErr> {
    let sql = format!(
        "SELECT n.id, n.account_id, n.milestone, n.created_at, n.expires_at, n.resolved, COALESCE(s.read, 0) \
         FROM notifications n LEFT JOIN notification_user_state s ON s.notification_id = n.id AND s.user_id = ?1 \
         WHERE {} ORDER BY n.created_at DESC, n.seq DESC",
        if only_id.is_some() {
            "n.id = ?2"
        } else {
            "COALESCE(s.dismissed, 0) = 0 AND ?2 IS NULL"
        }
    );
    let mut st = db.prepare_cached(&sql)?;
    let rows = st.query_map(params![user, only_id], |r| {
        let m: String = r.get(2)?;
        Ok(NotifRow {
            id: r.get(0)?,
            account_id: r.get(1)?,
            milestone: enum_parse(&m).unwrap_or(Milestone::Expired),
            created_at: r.get(3)?,
            expires_at: r.get(4)?,
            resolved: r.get::<_, i64>(5)? != 0,
            read: r.get::<_, i64>(6)? != 0,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

fn notif_wire(db: &Connection, now: Ts, rows: Vec<NotifRow>) -> Result<Vec<Notification>, ApiErr> {
    let ig = instagram_order(db)?;
    let mut cache: HashMap<String, (AccountRef, Dependents)> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for n in rows {
        if !cache.contains_key(&n.account_id) {
            let Some(acc) = get_account(db, &n.account_id)? else {
                continue;
            };
            let deps = dependents(db, now, &acc, &ig)?;
            cache.insert(n.account_id.clone(), (acc.aref(), deps));
        }
        let (aref, deps) = &cache[&n.account_id];
        out.push(Notification {
            id: n.id,
            account: aref.clone(),
            milestone: n.milestone,
            created_at: odt(n.created_at),
            expires_at: odt(n.expires_at),
            read: n.read,
            resolved: n.resolved,
            impact: deps.clone(),
        });
    }
    Ok(out)
}

/// The signed-in user's notifications (dismissed ones left out), newest first. The unread
/// count counts notifications that are neither read nor resolved.
pub fn notification_list(db: &Connection, now: Ts, user: &str) -> Result<NotificationList, ApiErr> {
    let rows = notif_rows(db, user, None)?;
    let notifications = notif_wire(db, now, rows)?;
    let unread_count = notifications
        .iter()
        .filter(|n| !n.read && !n.resolved)
        .count() as u32;
    Ok(NotificationList {
        unread_count,
        notifications,
    })
}

pub fn notification_one(
    db: &Connection,
    now: Ts,
    user: &str,
    id: &str,
) -> Result<Option<Notification>, ApiErr> {
    let rows = notif_rows(db, user, Some(id))?;
    Ok(notif_wire(db, now, rows)?.into_iter().next())
}

pub fn set_notification_state(
    db: &Connection,
    id: &str,
    user: &str,
    read: bool,
    dismissed: bool,
) -> Result<(), ApiErr> {
    db.execute(
        "INSERT INTO notification_user_state (notification_id, user_id, read, dismissed) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT(notification_id, user_id) DO UPDATE SET read = MAX(read, excluded.read), dismissed = MAX(dismissed, excluded.dismissed)",
        params![id, user, read as i64, dismissed as i64],
    )?;
    Ok(())
}

// ---------------------------------------------------------------- streams

const STREAM_SELECT: &str = "SELECT s.id, s.name, s.dest_kind, s.dest_name, s.rules, s.account_id, a.network, a.handle, s.status, s.stop_reason, s.stop_account_id, s.stop_account_network, s.stop_account_handle, s.stop_since, s.gap_from, s.gap_to FROM streams s LEFT JOIN accounts a ON a.id = s.account_id";

fn stream_from_row(r: &Row) -> rusqlite::Result<Stream> {
    let dest_kind: String = r.get(2)?;
    let rules: String = r.get(4)?;
    let account_id: Option<String> = r.get(5)?;
    let acc_net: Option<String> = r.get(6)?;
    let acc_handle: Option<String> = r.get(7)?;
    let status: String = r.get(8)?;
    let stop_reason: Option<String> = r.get(9)?;
    let stop_acc: Option<String> = r.get(10)?;
    let stop_net: Option<String> = r.get(11)?;
    let stop_handle: Option<String> = r.get(12)?;
    let stop_since: Option<Ts> = r.get(13)?;
    let gap_from: Option<Ts> = r.get(14)?;
    let gap_to: Option<Ts> = r.get(15)?;
    let rules: StreamRules = serde_json::from_str(&rules).unwrap_or(StreamRules {
        network: SocialNetwork::Instagram,
        hashtags: vec![],
        handles: vec![],
    });
    let account = match (account_id, acc_net, acc_handle) {
        (Some(id), Some(n), Some(h)) => Some(AccountRef {
            id,
            network: SocialNetwork::parse(&n).unwrap_or(rules.network),
            handle: h,
        }),
        _ => None,
    };
    let status: StreamStatus = enum_parse(&status).unwrap_or(StreamStatus::Stopped);
    let stopped = match (status, stop_reason) {
        (StreamStatus::Stopped, Some(reason)) => Some(StreamStop {
            reason: enum_parse(&reason).unwrap_or(StopReason::Other),
            account: AccountRef {
                id: stop_acc.unwrap_or_default(),
                network: stop_net
                    .as_deref()
                    .and_then(SocialNetwork::parse)
                    .unwrap_or(rules.network),
                handle: stop_handle.unwrap_or_default(),
            },
            since: odt(stop_since.unwrap_or(0)),
        }),
        _ => None,
    };
    let last_gap = match (gap_from, gap_to) {
        (Some(from), Some(to)) => Some(Gap {
            from: odt(from),
            to: odt(to),
        }),
        _ => None,
    };
    Ok(Stream {
        id: r.get(0)?,
        name: r.get(1)?,
        destination: Destination {
            kind: enum_parse(&dest_kind).unwrap_or(DestinationKind::App),
            name: r.get(3)?,
        },
        rules,
        account,
        status,
        stopped,
        last_gap,
    })
}

pub fn list_streams(db: &Connection) -> Result<Vec<Stream>, ApiErr> {
    let mut st = db.prepare_cached(&format!("{STREAM_SELECT} ORDER BY s.seq"))?;
    let rows = st.query_map([], stream_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn get_stream(db: &Connection, id: &str) -> Result<Option<Stream>, ApiErr> {
    let mut st = db.prepare_cached(&format!("{STREAM_SELECT} WHERE s.id = ?1"))?;
    Ok(st.query_row([id], stream_from_row).optional()?)
}

pub fn insert_stream(
    db: &Connection,
    id: &str,
    name: &str,
    dest: &Destination,
    rules: &StreamRules,
    account_id: Option<&str>,
) -> Result<(), ApiErr> {
    let rules_json = serde_json::to_string(rules).map_err(|e| ApiErr::internal(e.to_string()))?;
    db.execute(
        "INSERT INTO streams (id, name, dest_kind, dest_name, rules, account_id, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running')",
        params![id, name, enum_str(&dest.kind), dest.name, rules_json, account_id],
    )?;
    Ok(())
}

// ---------------------------------------------------------------- rights

const RA_COLS: &str = "id, display_name, social_account_id, network, enabled, approval_hashtag, terms_url, default_template, is_default";

fn ra_from_row(r: &Row) -> rusqlite::Result<RightsAccount> {
    let n: String = r.get(3)?;
    Ok(RightsAccount {
        id: r.get(0)?,
        display_name: r.get(1)?,
        social_account_id: r.get(2)?,
        network: SocialNetwork::parse(&n).unwrap_or(SocialNetwork::Instagram),
        enabled: r.get::<_, i64>(4)? != 0,
        approval_hashtag: r.get(5)?,
        terms_url: r.get(6)?,
        default_template: r.get(7)?,
        is_default: r.get::<_, i64>(8)? != 0,
    })
}

pub fn list_rights_accounts(db: &Connection) -> Result<Vec<RightsAccount>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {RA_COLS} FROM rights_accounts ORDER BY seq"
    ))?;
    let rows = st.query_map([], ra_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn get_rights_account(db: &Connection, id: &str) -> Result<Option<RightsAccount>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {RA_COLS} FROM rights_accounts WHERE id = ?1"
    ))?;
    Ok(st.query_row([id], ra_from_row).optional()?)
}

pub fn upsert_rights_account(
    db: &Connection,
    ra: &RightsAccount,
    insert: bool,
) -> Result<(), ApiErr> {
    if ra.is_default {
        db.execute(
            "UPDATE rights_accounts SET is_default = 0 WHERE network = ?1 AND id <> ?2",
            params![ra.network.as_str(), ra.id],
        )?;
    }
    if insert {
        db.execute(
            &format!("INSERT INTO rights_accounts ({RA_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![
                ra.id,
                ra.display_name,
                ra.social_account_id,
                ra.network.as_str(),
                ra.enabled as i64,
                ra.approval_hashtag,
                ra.terms_url,
                ra.default_template,
                ra.is_default as i64
            ],
        )?;
    } else {
        db.execute(
            "UPDATE rights_accounts SET display_name = ?2, social_account_id = ?3, network = ?4, enabled = ?5, approval_hashtag = ?6, terms_url = ?7, default_template = ?8, is_default = ?9 WHERE id = ?1",
            params![
                ra.id,
                ra.display_name,
                ra.social_account_id,
                ra.network.as_str(),
                ra.enabled as i64,
                ra.approval_hashtag,
                ra.terms_url,
                ra.default_template,
                ra.is_default as i64
            ],
        )?;
    }
    Ok(())
}

pub const RR_COLS: &str = "id, post_id, rights_account_id, message, status, created_at, created_by, idempotency_key, error_code, error_account_id";

#[derive(Clone, Debug)]
pub struct RequestRow {
    pub req: RightsRequest,
    pub idempotency_key: Option<String>,
    pub error_code: Option<ErrorCode>,
    pub error_account_id: Option<String>,
}

fn rr_from_row(r: &Row) -> rusqlite::Result<RequestRow> {
    let status: String = r.get(4)?;
    let created_by: String = r.get(6)?;
    let code: Option<String> = r.get(8)?;
    Ok(RequestRow {
        req: RightsRequest {
            id: r.get(0)?,
            post_id: r.get(1)?,
            rights_account_id: r.get(2)?,
            message: r.get(3)?,
            status: enum_parse(&status).unwrap_or(RightsStatus::Requested),
            created_at: odt(r.get(5)?),
            created_by: person(&created_by),
        },
        idempotency_key: r.get(7)?,
        error_code: code.and_then(|c| enum_parse(&c)),
        error_account_id: r.get(9)?,
    })
}

pub fn rights_requests(db: &Connection, post_id: Option<&str>) -> Result<Vec<RequestRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {RR_COLS} FROM rights_requests WHERE (?1 IS NULL OR post_id = ?1) ORDER BY created_at DESC, seq DESC"
    ))?;
    let rows = st.query_map([post_id], rr_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn request_by_key(db: &Connection, key: &str) -> Result<Option<RequestRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {RR_COLS} FROM rights_requests WHERE idempotency_key = ?1"
    ))?;
    Ok(st.query_row([key], rr_from_row).optional()?)
}

pub fn request_by_id(db: &Connection, id: &str) -> Result<Option<RequestRow>, ApiErr> {
    let mut st = db.prepare_cached(&format!(
        "SELECT {RR_COLS} FROM rights_requests WHERE id = ?1"
    ))?;
    Ok(st.query_row([id], rr_from_row).optional()?)
}

pub struct NewRequest<'a> {
    pub id: String,
    pub post_id: &'a str,
    pub rights_account_id: &'a str,
    pub message: &'a str,
    pub status: RightsStatus,
    pub created_at: Ts,
    pub created_by: &'a str,
    pub idempotency_key: Option<&'a str>,
    pub error_code: Option<ErrorCode>,
    pub error_account_id: Option<&'a str>,
}

pub fn insert_request(db: &Connection, r: &NewRequest) -> Result<(), ApiErr> {
    db.execute(
        &format!("INSERT INTO rights_requests ({RR_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        params![
            r.id,
            r.post_id,
            r.rights_account_id,
            r.message,
            enum_str(&r.status),
            r.created_at,
            r.created_by,
            r.idempotency_key,
            r.error_code.map(|c| enum_str(&c)),
            r.error_account_id
        ],
    )?;
    Ok(())
}

pub struct NewActivity<'a> {
    pub post_id: &'a str,
    pub at: Ts,
    pub kind: ActivityKind,
    pub actor: Option<&'a str>,
    pub status: Option<RightsStatus>,
    pub rights_account_id: Option<&'a str>,
    pub text: Option<&'a str>,
    pub error_code: Option<ErrorCode>,
}

pub fn add_activity(db: &Connection, a: &NewActivity) -> Result<(), ApiErr> {
    db.execute(
        "INSERT INTO activity (id, post_id, at, kind, actor, status, rights_account_id, text, error_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            new_id("act"),
            a.post_id,
            a.at,
            enum_str(&a.kind),
            a.actor,
            a.status.map(|s| enum_str(&s)),
            a.rights_account_id,
            a.text,
            a.error_code.map(|c| enum_str(&c))
        ],
    )?;
    Ok(())
}

pub fn activity(db: &Connection, post_id: &str) -> Result<Vec<ActivityEntry>, ApiErr> {
    let mut st = db.prepare_cached(
        "SELECT id, at, kind, actor, status, rights_account_id, text, error_code FROM activity WHERE post_id = ?1 ORDER BY at, seq",
    )?;
    let rows = st.query_map([post_id], |r| {
        let kind: String = r.get(2)?;
        let actor: Option<String> = r.get(3)?;
        let status: Option<String> = r.get(4)?;
        let code: Option<String> = r.get(7)?;
        Ok(ActivityEntry {
            id: r.get(0)?,
            at: odt(r.get(1)?),
            kind: enum_parse(&kind).unwrap_or(ActivityKind::Other),
            actor: actor.as_deref().map(person),
            status: status.and_then(|s| enum_parse(&s)),
            rights_account_id: r.get(5)?,
            text: r.get(6)?,
            error_code: code.and_then(|c| enum_parse(&c)),
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// The latest rights status of a post.
pub fn latest_status(db: &Connection, post_id: &str) -> Result<Option<RightsStatus>, ApiErr> {
    let s: Option<String> = db
        .prepare_cached(
            "SELECT status FROM rights_requests WHERE post_id = ?1 ORDER BY created_at DESC, seq DESC LIMIT 1",
        )?
        .query_row([post_id], |r| r.get(0))
        .optional()?;
    Ok(s.and_then(|s| enum_parse(&s)))
}

// ---------------------------------------------------------------- library

pub struct AssetRow {
    pub id: String,
    pub post_id: String,
    pub saved_at: Ts,
    pub saved_by: String,
}

fn asset_from_row(r: &Row) -> rusqlite::Result<AssetRow> {
    Ok(AssetRow {
        id: r.get(0)?,
        post_id: r.get(1)?,
        saved_at: r.get(2)?,
        saved_by: r.get(3)?,
    })
}

pub fn list_assets(db: &Connection) -> Result<Vec<AssetRow>, ApiErr> {
    let mut st = db.prepare_cached(
        "SELECT id, post_id, saved_at, saved_by FROM assets ORDER BY saved_at DESC, seq DESC",
    )?;
    let rows = st.query_map([], asset_from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

pub fn asset_by_id(db: &Connection, id: &str) -> Result<Option<AssetRow>, ApiErr> {
    let mut st =
        db.prepare_cached("SELECT id, post_id, saved_at, saved_by FROM assets WHERE id = ?1")?;
    Ok(st.query_row([id], asset_from_row).optional()?)
}

pub fn asset_by_post(db: &Connection, post_id: &str) -> Result<Option<AssetRow>, ApiErr> {
    let mut st =
        db.prepare_cached("SELECT id, post_id, saved_at, saved_by FROM assets WHERE post_id = ?1")?;
    Ok(st.query_row([post_id], asset_from_row).optional()?)
}

pub fn saved_map(db: &Connection) -> Result<HashMap<String, String>, ApiErr> {
    let mut st = db.prepare_cached("SELECT post_id, id FROM assets")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<Result<HashMap<_, _>, _>>()?)
}

pub fn insert_asset(
    db: &Connection,
    id: &str,
    post_id: &str,
    at: Ts,
    by: &str,
) -> Result<(), ApiErr> {
    db.execute(
        "INSERT INTO assets (id, post_id, saved_at, saved_by) VALUES (?1, ?2, ?3, ?4)",
        params![id, post_id, at, by],
    )?;
    Ok(())
}
