//! Typed calls for expiry notifications (NOT-2, NOT-4). `GET /notifications` is in client.rs.

use api_types::{Notification, NotificationList};
use gloo_net::http::Method;

use super::client::segment;
use super::{Api, AppError};

fn path(id: &str, action: &str) -> String {
    format!("/notifications/{}/{action}", segment(id))
}

impl Api {
    /// `POST /notifications/{id}/read` (NOT-4: per user, on the server).
    pub async fn mark_notification_read(&self, id: &str) -> Result<Notification, AppError> {
        self.send(Method::POST, &path(id, "read"), None).await
    }

    /// `POST /notifications/{id}/dismiss` (NOT-4).
    pub async fn dismiss_notification(&self, id: &str) -> Result<Notification, AppError> {
        self.send(Method::POST, &path(id, "dismiss"), None).await
    }

    /// `POST /notifications/read-all`: the list afterwards.
    pub async fn mark_all_notifications_read(&self) -> Result<NotificationList, AppError> {
        self.send(Method::POST, "/notifications/read-all", None)
            .await
    }
}
