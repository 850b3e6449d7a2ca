//! Typed calls for rights requests (RR): rights accounts and their settings, requests with an
//! idempotency key, manual grants and a post's Activity History.

use api_types::{
    ActivityEntry, Asset, CreateGrant, CreateRightsRequest, RightsAccount, RightsAccountInput,
    RightsRequest,
};
use gloo_net::http::Method;

use super::client::{json, segment};
use super::{Api, AppError};

impl Api {
    /// `GET /rights/accounts`: every rights account with its settings (RR-2 picker, RR-9).
    pub async fn rights_accounts(&self) -> Result<Vec<RightsAccount>, AppError> {
        self.get("/rights/accounts").await
    }

    /// `POST /rights/accounts` (RR-9).
    pub async fn create_rights_account(
        &self,
        input: &RightsAccountInput,
    ) -> Result<RightsAccount, AppError> {
        self.send(Method::POST, "/rights/accounts", Some(json(input)?))
            .await
    }

    /// `PUT /rights/accounts/{id}` (RR-9).
    pub async fn update_rights_account(
        &self,
        id: &str,
        input: &RightsAccountInput,
    ) -> Result<RightsAccount, AppError> {
        self.send(
            Method::PUT,
            &format!("/rights/accounts/{}", segment(id)),
            Some(json(input)?),
        )
        .await
    }

    /// `POST /rights/requests` with `Idempotency-Key: key` (RR-5): the same key and body can be
    /// sent again safely; the API answers with the one request it made.
    pub async fn request_rights(
        &self,
        key: &str,
        body: &CreateRightsRequest,
    ) -> Result<RightsRequest, AppError> {
        self.send_with_headers(
            Method::POST,
            "/rights/requests",
            Some(json(body)?),
            &[("Idempotency-Key", key)],
        )
        .await
    }

    /// `POST /rights/grants` (RR-8).
    pub async fn grant_rights(&self, post_id: &str, note: &str) -> Result<RightsRequest, AppError> {
        let body = CreateGrant {
            post_id: post_id.to_string(),
            note: note.to_string(),
        };
        self.send(Method::POST, "/rights/grants", Some(json(&body)?))
            .await
    }

    /// `GET /rights/requests?post_id=`: the post's requests, newest first (RR-6).
    pub async fn rights_requests(&self, post_id: &str) -> Result<Vec<RightsRequest>, AppError> {
        self.get(&format!("/rights/requests?post_id={}", segment(post_id)))
            .await
    }

    /// `GET /rights/activity?post_id=`: the post's Activity History, oldest first (RR-6).
    pub async fn activity(&self, post_id: &str) -> Result<Vec<ActivityEntry>, AppError> {
        self.get(&format!("/rights/activity?post_id={}", segment(post_id)))
            .await
    }

    /// `GET /library/assets`: the saved assets with their latest rights status.
    pub async fn assets(&self) -> Result<Vec<Asset>, AppError> {
        self.get("/library/assets").await
    }
}
