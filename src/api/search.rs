//! Typed calls for Instagram search (SRCH) and saving to the library. Accounts, refresh and
//! OAuth flows are in client.rs. Browser only, like the rest of the transport.

use api_types::{Asset, Post, SaveAsset, SearchPage};

use super::client::segment as enc;
use super::{Api, AppError};
use crate::domain::search::{SearchQuery, PAGE_SIZE};

impl Api {
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

    /// `GET /posts/{id}`: one post, to open its Rights options again after a same-tab
    /// authorization.
    pub async fn post_by_id(&self, id: &str) -> Result<Post, AppError> {
        self.get(&format!("/posts/{}", enc(id))).await
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
}
