//! Typed calls for streams (STR). Paths and bodies are built here only; pages get typed answers.
//! Accounts, refresh and OAuth flows are in client.rs.

use api_types::{Stream, SwitchStreamAccount};
use gloo_net::http::Method;

use super::{Api, AppError};

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
}
