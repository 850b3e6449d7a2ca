//! Typed calls for Instagram search (SRCH), saving to the library, and the token refresh it
//! offers (OAUTH). Browser only, like the rest of the transport.

use api_types::{
    Asset, AuthorizationStart, OAuthFlow, RefreshRequest, SaveAsset, SearchPage, SocialAccount,
};

use super::{Api, AppError};
use crate::domain::search::{SearchQuery, PAGE_SIZE};

fn enc(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

impl Api {
    /// `GET /social-accounts`: every account with its token facts and fallback position.
    pub async fn social_accounts(&self) -> Result<Vec<SocialAccount>, AppError> {
        self.get("/social-accounts").await
    }

    /// `GET /instagram/search`: one page of one search, with one explicit account (SRCH-4).
    pub async fn search_instagram(
        &self,
        query: &SearchQuery,
        account_id: &str,
        cursor: Option<&str>,
    ) -> Result<SearchPage, AppError> {
        let mut path = format!(
            "/instagram/search?type={}&q={}&media={}&account_id={}&limit={PAGE_SIZE}",
            query.ty.as_str(),
            enc(&query.q),
            query.media.as_str(),
            enc(account_id),
        );
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&enc(cursor));
        }
        self.get(&path).await
    }

    /// `POST /library/assets`: saves a post; saving it again answers the same asset.
    pub async fn save_asset(&self, post_id: &str) -> Result<Asset, AppError> {
        self.post(
            "/library/assets",
            &SaveAsset {
                post_id: post_id.to_string(),
            },
        )
        .await
    }

    /// `POST /social-accounts/{id}/refresh` (TOK-4): refreshed silently, or authorize.
    pub async fn refresh_account(&self, account_id: &str) -> Result<AuthorizationStart, AppError> {
        self.post(
            &format!("/social-accounts/{}/refresh", enc(account_id)),
            &RefreshRequest::default(),
        )
        .await
    }

    /// `GET /oauth/flows/{state}`: the outcome of an authorization this person started.
    pub async fn oauth_flow(&self, state: &str) -> Result<OAuthFlow, AppError> {
        self.get(&format!("/oauth/flows/{}", enc(state))).await
    }

    /// The API base as an absolute URL (it may be configured as a path on this origin).
    fn absolute_base(&self) -> Option<web_sys::Url> {
        let here = web_sys::window()?.location().href().ok()?;
        web_sys::Url::new_with_base(self.base(), &here).ok()
    }

    /// The API's origin (`scheme://host[:port]`): where images may come from and where OAuth
    /// messages must come from (SRCH-10, OAUTH-2).
    pub fn origin(&self) -> Option<String> {
        self.absolute_base().map(|u| u.origin())
    }

    /// An address the API gave (e.g. an authorize URL, often a path) resolved against the API's
    /// origin; only `http(s)` results.
    pub fn resolve(&self, url: &str) -> Option<String> {
        let base = self.absolute_base()?;
        let u = web_sys::Url::new_with_base(url, &base.href()).ok()?;
        matches!(u.protocol().as_str(), "https:" | "http:").then(|| u.href())
    }
}
