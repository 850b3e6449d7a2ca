//! Typed calls for streams (STR). Paths and bodies are built here only; pages get typed answers.
//! Accounts, refresh and OAuth flows are in client.rs.

use api_types::{Stream, SwitchStreamAccount};
use gloo_net::http::Method;

use super::client::{json, segment};
use super::{Api, AppError};

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
