//! Test data shared by the domain's unit tests.

use api_types::{SocialAccount, SocialNetwork, Timestamp, Token, TokenKind};
use time::macros::datetime;

/// A social account `id` (its handle is the id without `acc_`) at `position` in its network's
/// order, whose token expires at `expires_at` (`None`: never, as Twitter's). The token kind
/// follows the network.
pub fn account(
    id: &str,
    network: SocialNetwork,
    position: u32,
    expires_at: Option<Timestamp>,
) -> SocialAccount {
    SocialAccount {
        id: id.into(),
        network,
        handle: id.trim_start_matches("acc_").into(),
        display_name: String::new(),
        avatar_url: None,
        identity_id: format!("idn_{id}"),
        position,
        token: Token {
            kind: match network {
                SocialNetwork::Twitter => TokenKind::Oauth1,
                SocialNetwork::Instagram => TokenKind::InstagramLongLived,
                SocialNetwork::InstagramBusiness => TokenKind::FacebookUser,
            },
            expires_at,
            invalidated: None,
            connected_at: datetime!(2026-01-01 0:00 UTC),
            last_refreshed_at: None,
            last_refreshed_by: None,
        },
    }
}
