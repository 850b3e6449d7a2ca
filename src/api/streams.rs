//! Typed calls for streams (STR) and for refreshing a token (TOK-4, OAUTH). Paths and bodies are
//! built here only; pages get typed answers.

use api_types::{
    AuthorizationStart, OAuthFlow, RefreshRequest, SocialAccount, Stream, SwitchStreamAccount,
};
use gloo_net::http::Method;

use super::{Api, AppError};
use crate::domain::oauth::api_origin;

/// One path segment, percent-encoded (ids are opaque strings).
fn segment(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}

fn json<T: serde::Serialize>(body: &T) -> Result<String, AppError> {
    serde_json::to_string(body).map_err(|_| AppError::Undecodable)
}

impl Api {
    /// `GET /streams` (STR-1).
    pub async fn streams(&self) -> Result<Vec<Stream>, AppError> {
        self.get("/streams").await
    }

    /// `PUT /streams/{id}/account` (STR-3): the stream as it is afterwards.
    pub async fn switch_stream_account(
        &self,
        stream_id: &str,
        account_id: &str,
    ) -> Result<Stream, AppError> {
        let body = json(&SwitchStreamAccount {
            account_id: account_id.to_string(),
        })?;
        self.send(
            Method::PUT,
            &format!("/streams/{}/account", segment(stream_id)),
            Some(body),
        )
        .await
    }

    /// `GET /social-accounts`: every account with its token facts.
    pub async fn social_accounts(&self) -> Result<Vec<SocialAccount>, AppError> {
        self.get("/social-accounts").await
    }

    /// `POST /social-accounts/{id}/refresh` (TOK-4): refreshed silently, or the authorization to
    /// run. `return_to` is where a same-tab authorization comes back to (OAUTH-3).
    pub async fn refresh_account(
        &self,
        account_id: &str,
        return_to: Option<String>,
    ) -> Result<AuthorizationStart, AppError> {
        let body = json(&RefreshRequest { return_to })?;
        self.send(
            Method::POST,
            &format!("/social-accounts/{}/refresh", segment(account_id)),
            Some(body),
        )
        .await
    }

    /// `GET /oauth/flows/{state}` (OAUTH-2): the outcome the app trusts, not the popup's message.
    pub async fn oauth_flow(&self, state: &str) -> Result<OAuthFlow, AppError> {
        self.get(&format!("/oauth/flows/{}", segment(state))).await
    }

    /// The API's origin: where the provider's callback page posts from (OAUTH-2) and what an
    /// `authorize_url` path is resolved against (OAUTH-1).
    pub fn origin(&self) -> String {
        let page = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        api_origin(&self.base, &page)
    }
}
