//! The console API's wire types: the JSON that crosses between the app and any server that honours
//! `api/openapi.yaml`. The app decodes with these types and the stand-in server encodes with them,
//! and the contract tests hold both to the OpenAPI document.
//!
//! Conventions (see `api/openapi.yaml`):
//! - every success body is `{"now": <server time>, "data": <payload>}`;
//! - every error body is `{"now": <server time>, "error": {"code": .., "message": .., ..}}`;
//! - timestamps are RFC 3339 in UTC; ids are opaque strings;
//! - unknown fields are ignored by readers (servers may add fields without breaking the app).
//!
//! Token *state* is not on the wire: the API reports the facts (`expires_at`, an invalidation) and
//! the app derives one state from them against the server's `now` (TOK-1, TOK-2).

pub mod message;

use serde::{Deserialize, Serialize};
pub use time::OffsetDateTime;

/// A point in time, RFC 3339 on the wire.
pub type Timestamp = OffsetDateTime;

/// The base every resource lives under.
pub const API_PREFIX: &str = "/api/v1";
/// The header that makes a rights request idempotent (RR-5).
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// The `type` field of the message the OAuth callback page posts to its opener (OAUTH-2).
pub const OAUTH_MESSAGE_TYPE: &str = "social-console-oauth";

/// Every successful response.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Envelope<T> {
    #[serde(with = "time::serde::rfc3339")]
    pub now: Timestamp,
    pub data: T,
}

/// Every error response, whatever the status code.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ErrorEnvelope {
    #[serde(with = "time::serde::rfc3339")]
    pub now: Timestamp,
    pub error: ApiError,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ApiError {
    pub code: ErrorCode,
    /// English text for logs and developers; the app shows its own words per `code`.
    pub message: String,
    /// The social account the error is about (`token_expired`, `token_revoked`, `rate_limited`,
    /// `identity_mismatch`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// When a rate limit resets (`rate_limited`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub resets_at: Option<Timestamp>,
    /// The fields that failed validation (`validation_failed`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    /// A stable machine reason, e.g. `required`, `too_long`, `missing_placeholder`.
    pub reason: String,
    /// Extra detail for the reason, e.g. the placeholder that is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Stable machine codes. Readers map codes they do not know to `Unknown`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    TokenExpired,
    TokenRevoked,
    IdentityMismatch,
    RateLimited,
    ValidationFailed,
    NotFound,
    Forbidden,
    /// The console session is missing or ended (FAIL-2), never a social token.
    Unauthenticated,
    Conflict,
    PayloadTooLarge,
    Internal,
    #[serde(other)]
    Unknown,
}

// ---------------------------------------------------------------- session

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Moderator,
    Curator,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
}

/// What the signed-in user may do; the server decides, the app only reads.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Permissions {
    /// Add, rename, reorder and delete social accounts (Admins).
    pub manage_accounts: bool,
    /// Refresh a social account's token (Admins, Moderators).
    pub refresh_tokens: bool,
    /// Rights accounts, approval hashtag, terms link, default messages (Admins, Moderators).
    pub manage_rights_settings: bool,
    /// Request and grant rights (everyone).
    pub request_rights: bool,
    /// Switch a stream's account (Admins, Moderators).
    pub manage_streams: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Session {
    pub user: User,
    pub network: Network,
    pub permissions: Permissions,
    /// The people who can fix token problems (ACC-8: "Ask an admin: NAME, NAME").
    pub admins: Vec<Person>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct User {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Network {
    pub id: String,
    pub name: String,
}

// ---------------------------------------------------------------- social accounts

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SocialNetwork {
    Twitter,
    Instagram,
    /// Instagram Business accounts, whose tokens are Facebook user tokens.
    InstagramBusiness,
}

impl SocialNetwork {
    pub const ALL: [SocialNetwork; 3] = [
        SocialNetwork::Twitter,
        SocialNetwork::Instagram,
        SocialNetwork::InstagramBusiness,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SocialNetwork::Twitter => "twitter",
            SocialNetwork::Instagram => "instagram",
            SocialNetwork::InstagramBusiness => "instagram_business",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.as_str() == s)
    }

    /// Both Instagram kinds search Instagram and fall back among each other (SRCH-4).
    pub fn is_instagram(self) -> bool {
        matches!(
            self,
            SocialNetwork::Instagram | SocialNetwork::InstagramBusiness
        )
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Twitter OAuth 1.0a: never expires, can be revoked.
    Oauth1,
    /// Instagram long-lived token: 60 days, silently refreshable when ≥ 24 h old and unexpired.
    InstagramLongLived,
    /// Facebook user token behind an Instagram Business account: about 60 days, log in again.
    FacebookUser,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum InvalidationReason {
    /// The person or the provider revoked the app's access (Twitter error 89; Graph error 190
    /// without one of the subcodes below).
    Revoked,
    /// The account's password changed (Graph subcode 460).
    PasswordChanged,
    /// The app was removed from the account (Graph subcode 458).
    AppRemoved,
    /// The provider reports the session as invalid for another reason (Graph 467, 492).
    SessionInvalid,
    #[serde(other)]
    Other,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Invalidation {
    pub reason: InvalidationReason,
    #[serde(with = "time::serde::rfc3339")]
    pub at: Timestamp,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// `None` for tokens that do not expire (Twitter OAuth 1.0a).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub expires_at: Option<Timestamp>,
    /// Set when the provider has invalidated the token before its expiry.
    #[serde(default)]
    pub invalidated: Option<Invalidation>,
    #[serde(with = "time::serde::rfc3339")]
    pub connected_at: Timestamp,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_refreshed_at: Option<Timestamp>,
    #[serde(default)]
    pub last_refreshed_by: Option<Person>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SocialAccount {
    pub id: String,
    pub network: SocialNetwork,
    /// The provider's username, without `@`.
    pub handle: String,
    /// The internal name people give the account (ACC-4); may be empty.
    pub display_name: String,
    /// An `https:` URL or `None`; the app ignores anything else.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// The provider's id for the identity behind the token (ACC-5 identity checks).
    pub identity_id: String,
    /// 0-based place in its network's fallback order (ACC-7, SRCH-4).
    pub position: u32,
    pub token: Token,
}

/// `PATCH /social-accounts/{id}`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UpdateAccount {
    pub display_name: String,
}

/// `PUT /social-accounts/order`: the complete new order of one network's accounts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReorderAccounts {
    pub network: SocialNetwork,
    pub account_ids: Vec<String>,
}

/// What depends on an account (ACC-4, ACC-6, NOT-2).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Dependents {
    pub account_id: String,
    pub streams: Vec<StreamRef>,
    /// 1-based rank in the Instagram search fallback order; `None` for Twitter.
    #[serde(default)]
    pub search_rank: Option<u32>,
    /// The account Instagram search would use instead if this one stopped (NOT-2).
    #[serde(default)]
    pub search_fallback: Option<AccountRef>,
    /// Rights requests still waiting for a reply that are tracked through this account.
    pub open_rights_requests: u32,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StreamRef {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AccountRef {
    pub id: String,
    pub network: SocialNetwork,
    pub handle: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    Connected,
    Refreshed,
    RefreshFailed,
    WarningSent,
    Expired,
    Revoked,
    Reconnected,
    #[serde(other)]
    Other,
}

/// One line of an account's token history (ACC-9).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: Timestamp,
    pub kind: HistoryKind,
    #[serde(default)]
    pub actor: Option<Person>,
    /// Machine detail: the failure reason code, the warning milestone, the invalidation reason.
    #[serde(default)]
    pub detail: Option<String>,
}

/// `POST /social-accounts` (add).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AddAccount {
    pub network: SocialNetwork,
    /// Where the callback returns to when the person continues in this tab (OAUTH-3).
    #[serde(default)]
    pub return_to: Option<String>,
}

/// `POST /social-accounts/{id}/refresh`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[serde(default)]
    pub return_to: Option<String>,
}

/// The answer to a refresh or add (TOK-4): done silently, or authorize in a popup. On the wire
/// `{"outcome": "refreshed", "account": ..}` or `{"outcome": "authorize", "authorize_url": ..,
/// "state": ..}`.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum AuthorizationStart {
    Refreshed {
        account: SocialAccount,
    },
    Authorize {
        authorize_url: String,
        state: String,
    },
}

/// Decoded through a flat record rather than serde's internally tagged enums, which buffer the
/// whole object first and so compile a second decoder for `SocialAccount` and everything in it
/// (about 15 KB of the app's wasm). Same wire format, same errors for a missing field.
impl<'de> Deserialize<'de> for AuthorizationStart {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Outcome {
            Refreshed,
            Authorize,
        }
        #[derive(Deserialize)]
        struct Flat {
            outcome: Outcome,
            #[serde(default)]
            account: Option<SocialAccount>,
            #[serde(default)]
            authorize_url: Option<String>,
            #[serde(default)]
            state: Option<String>,
        }

        let flat = Flat::deserialize(deserializer)?;
        match flat.outcome {
            Outcome::Refreshed => Ok(AuthorizationStart::Refreshed {
                account: flat
                    .account
                    .ok_or_else(|| D::Error::missing_field("account"))?,
            }),
            Outcome::Authorize => Ok(AuthorizationStart::Authorize {
                authorize_url: flat
                    .authorize_url
                    .ok_or_else(|| D::Error::missing_field("authorize_url"))?,
                state: flat.state.ok_or_else(|| D::Error::missing_field("state"))?,
            }),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum OAuthFlowStatus {
    Pending,
    Connected,
    Denied,
    IdentityMismatch,
    Expired,
}

/// `GET /oauth/flows/{state}`: the outcome of an authorization the app started. The popup's
/// message only says "look now"; the app trusts this answer, not the message.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct OAuthFlow {
    pub state: String,
    pub status: OAuthFlowStatus,
    /// The account being refreshed, or `None` for an add.
    #[serde(default)]
    pub account_id: Option<String>,
    /// The account as it is after a successful flow.
    #[serde(default)]
    pub account: Option<SocialAccount>,
    /// For `identity_mismatch`: the handle the account belongs to.
    #[serde(default)]
    pub expected_handle: Option<String>,
    /// For `identity_mismatch`: the handle that was authorized instead.
    #[serde(default)]
    pub authorized_handle: Option<String>,
}

/// What the callback page posts to its opener.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct OAuthMessage {
    #[serde(rename = "type")]
    pub kind: String,
    pub state: String,
    pub status: OAuthFlowStatus,
}

// ---------------------------------------------------------------- notifications

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    Days10,
    Days5,
    Expired,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Notification {
    pub id: String,
    pub account: AccountRef,
    pub milestone: Milestone,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: Timestamp,
    /// The token's expiry the milestone refers to.
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: Timestamp,
    pub read: bool,
    /// A refresh resolved it: kept for the record, no longer needs attention.
    pub resolved: bool,
    pub impact: Dependents,
}

/// `GET /notifications`: newest first; dismissed ones are not listed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NotificationList {
    pub unread_count: u32,
    pub notifications: Vec<Notification>,
}

// ---------------------------------------------------------------- Instagram search

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum SearchType {
    BusinessUser,
    TopTags,
    RecentTags,
}

impl SearchType {
    pub const ALL: [SearchType; 3] = [
        SearchType::BusinessUser,
        SearchType::TopTags,
        SearchType::RecentTags,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SearchType::BusinessUser => "business_user",
            SearchType::TopTags => "top_tags",
            SearchType::RecentTags => "recent_tags",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum MediaFilter {
    #[default]
    All,
    Photos,
    Videos,
}

impl MediaFilter {
    pub const ALL: [MediaFilter; 3] = [MediaFilter::All, MediaFilter::Photos, MediaFilter::Videos];
    pub fn as_str(self) -> &'static str {
        match self {
            MediaFilter::All => "all",
            MediaFilter::Photos => "photos",
            MediaFilter::Videos => "videos",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MediaType {
    Photo,
    Video,
}

/// One Instagram post. Every string here was written by someone on a social network: untrusted.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Post {
    pub id: String,
    pub author_handle: String,
    pub author_name: String,
    #[serde(default)]
    pub author_avatar_url: Option<String>,
    pub caption: String,
    pub hashtags: Vec<String>,
    pub media_type: MediaType,
    pub image_url: String,
    pub permalink: String,
    #[serde(with = "time::serde::rfc3339")]
    pub posted_at: Timestamp,
    pub likes: u64,
    pub comments: u64,
    /// Set when the post is already in the library (SRCH-2 check mark).
    #[serde(default)]
    pub saved_asset_id: Option<String>,
}

/// `GET /instagram/search?type=&q=&media=&account_id=&cursor=`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SearchPage {
    /// The account that served this page (SRCH-6).
    pub account: AccountRef,
    pub posts: Vec<Post>,
    #[serde(default)]
    pub next_cursor: Option<String>,
}

// ---------------------------------------------------------------- library

/// `POST /library/assets`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SaveAsset {
    pub post_id: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Asset {
    pub id: String,
    pub post: Post,
    #[serde(with = "time::serde::rfc3339")]
    pub saved_at: Timestamp,
    pub saved_by: Person,
    /// The latest rights status, `None` when rights were never requested.
    #[serde(default)]
    pub rights_status: Option<RightsStatus>,
}

// ---------------------------------------------------------------- rights

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum RightsStatus {
    Requested,
    Granted,
    NeedsReview,
    Expired,
    RequestFailed,
    RequestPending,
}

impl RightsStatus {
    pub const ALL: [RightsStatus; 6] = [
        RightsStatus::Requested,
        RightsStatus::Granted,
        RightsStatus::NeedsReview,
        RightsStatus::Expired,
        RightsStatus::RequestFailed,
        RightsStatus::RequestPending,
    ];
}

/// A rights account (RR-9): the social account that sends requests, with its settings.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RightsAccount {
    pub id: String,
    pub display_name: String,
    pub social_account_id: String,
    pub network: SocialNetwork,
    pub enabled: bool,
    /// Without `#`.
    pub approval_hashtag: String,
    pub terms_url: String,
    /// Must contain `{handle}`, `{grantTag}` and `{termsLink}` (RR-2).
    pub default_template: String,
    /// The default account for its network in the picker.
    pub is_default: bool,
}

/// `PUT /rights/accounts/{id}` and `POST /rights/accounts`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RightsAccountInput {
    pub display_name: String,
    pub social_account_id: String,
    pub enabled: bool,
    pub approval_hashtag: String,
    pub terms_url: String,
    pub default_template: String,
    pub is_default: bool,
}

/// `POST /rights/requests`, with an `Idempotency-Key` header (RR-5).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CreateRightsRequest {
    pub post_id: String,
    pub rights_account_id: String,
    /// The final text, placeholders already filled in.
    pub message: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RightsRequest {
    pub id: String,
    pub post_id: String,
    pub rights_account_id: String,
    pub message: String,
    pub status: RightsStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: Timestamp,
    pub created_by: Person,
}

/// `POST /rights/grants`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CreateGrant {
    pub post_id: String,
    /// Why rights are granted without a reply; required, not blank.
    pub note: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Requested,
    Replied,
    StatusChanged,
    Granted,
    Note,
    Error,
    #[serde(other)]
    Other,
}

/// One line of a post's Activity History (RR-6).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ActivityEntry {
    pub id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: Timestamp,
    pub kind: ActivityKind,
    #[serde(default)]
    pub actor: Option<Person>,
    #[serde(default)]
    pub status: Option<RightsStatus>,
    #[serde(default)]
    pub rights_account_id: Option<String>,
    /// The request's message, the reply, or the grant note.
    #[serde(default)]
    pub text: Option<String>,
    /// For `error`: the machine code (e.g. `token_expired`).
    #[serde(default)]
    pub error_code: Option<ErrorCode>,
}

// ---------------------------------------------------------------- streams

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    App,
    Folder,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Destination {
    pub kind: DestinationKind,
    pub name: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StreamRules {
    pub network: SocialNetwork,
    pub hashtags: Vec<String>,
    #[serde(default)]
    pub handles: Vec<String>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StreamStatus {
    Running,
    Stopped,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    TokenExpired,
    TokenRevoked,
    AccountDeleted,
    #[serde(other)]
    Other,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct StreamStop {
    pub reason: StopReason,
    /// The account whose token stopped it.
    pub account: AccountRef,
    #[serde(with = "time::serde::rfc3339")]
    pub since: Timestamp,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stream {
    pub id: String,
    pub name: String,
    pub destination: Destination,
    pub rules: StreamRules,
    /// `None` once the account was deleted.
    #[serde(default)]
    pub account: Option<AccountRef>,
    pub status: StreamStatus,
    #[serde(default)]
    pub stopped: Option<StreamStop>,
    /// Set when a stopped stream ran again: content posted in between is not filled in (STR-2).
    #[serde(default)]
    pub last_gap: Option<Gap>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Gap {
    #[serde(with = "time::serde::rfc3339")]
    pub from: Timestamp,
    #[serde(with = "time::serde::rfc3339")]
    pub to: Timestamp,
}

/// `PUT /streams/{id}/account` (STR-3).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SwitchStreamAccount {
    pub account_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_error_codes_decode_as_unknown() {
        let e: ErrorEnvelope = serde_json::from_str(
            r#"{"now":"2026-11-26T10:00:00Z","error":{"code":"brand_new","message":"x"}}"#,
        )
        .unwrap();
        assert_eq!(e.error.code, ErrorCode::Unknown);
    }

    #[test]
    fn authorization_start_is_tagged_by_outcome() {
        let a: AuthorizationStart = serde_json::from_str(
            r#"{"outcome":"authorize","authorize_url":"https://x/a","state":"s1"}"#,
        )
        .unwrap();
        assert_eq!(
            a,
            AuthorizationStart::Authorize {
                authorize_url: "https://x/a".into(),
                state: "s1".into()
            }
        );
    }

    #[test]
    fn authorization_start_round_trips_and_needs_its_fields() {
        let account = SocialAccount {
            id: "acc_ig_danni".into(),
            network: SocialNetwork::Instagram,
            handle: "danni".into(),
            display_name: "danni".into(),
            avatar_url: None,
            identity_id: "ig-1".into(),
            position: 1,
            token: Token {
                kind: TokenKind::InstagramLongLived,
                expires_at: Some(OffsetDateTime::UNIX_EPOCH),
                invalidated: None,
                connected_at: OffsetDateTime::UNIX_EPOCH,
                last_refreshed_at: None,
                last_refreshed_by: None,
            },
        };
        for start in [
            AuthorizationStart::Refreshed { account },
            AuthorizationStart::Authorize {
                authorize_url: "https://x/a".into(),
                state: "s1".into(),
            },
        ] {
            let json = serde_json::to_string(&start).unwrap();
            assert_eq!(
                serde_json::from_str::<AuthorizationStart>(&json).unwrap(),
                start
            );
        }
        for (json, missing) in [
            (r#"{"outcome":"refreshed"}"#, "account"),
            (r#"{"outcome":"authorize","state":"s1"}"#, "authorize_url"),
            (
                r#"{"outcome":"authorize","authorize_url":"https://x/a"}"#,
                "state",
            ),
        ] {
            let e = serde_json::from_str::<AuthorizationStart>(json).unwrap_err();
            assert!(e.to_string().contains(missing), "{json}: {e}");
        }
        assert!(serde_json::from_str::<AuthorizationStart>(r#"{"outcome":"other"}"#).is_err());
        assert!(serde_json::from_str::<AuthorizationStart>(r#"{"account":null}"#).is_err());
    }

    #[test]
    fn network_names_round_trip() {
        for n in SocialNetwork::ALL {
            assert_eq!(SocialNetwork::parse(n.as_str()), Some(n));
            let json = serde_json::to_string(&n).unwrap();
            assert_eq!(json, format!("\"{}\"", n.as_str()));
        }
    }
}
