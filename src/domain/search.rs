//! Instagram search: what a person may type, and how a search lives in the URL (SRCH-1, SRCH-3).
//!
//! Pure: the page reads the URL's `type`, `q` and `media` through the router and hands the raw
//! strings here; invalid input is named before any request is sent.

use std::borrow::Borrow;
use std::collections::HashSet;

use api_types::{MediaFilter, Post, SearchType};

/// The longest hashtag (without `#`) the API accepts.
pub const HASHTAG_MAX: usize = 100;
/// The longest username (without `@`) the API accepts.
pub const USERNAME_MAX: usize = 30;
/// Posts asked for per page: the API's maximum, so a session spends as few calls of the hourly
/// quota (200 per token, SRCH-9) as possible.
pub const PAGE_SIZE: u32 = 100;
/// The search type a fresh form starts with.
pub const DEFAULT_TYPE: SearchType = SearchType::RecentTags;

/// One search: what the URL holds and what is sent (without account and cursor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery {
    pub ty: SearchType,
    /// Normalised: trimmed, without the leading `#` or `@`.
    pub q: String,
    pub media: MediaFilter,
}

/// Why the typed text cannot be searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryProblem {
    EmptyHashtag,
    EmptyUsername,
    /// Something other than letters, digits and `_`.
    HashtagCharacters,
    HashtagTooLong,
    /// Something other than ASCII letters, digits, `.` and `_`.
    UsernameCharacters,
    UsernameTooLong,
}

/// Checks and normalises what was typed for a search type (SRCH-1).
///
/// Tag searches take a hashtag with or without `#`: letters (any script, as Instagram allows),
/// digits and `_`, 1 to 100. Business user search takes a username with or without `@`: ASCII
/// letters, digits, `.` and `_`, 1 to 30.
pub fn validate(ty: SearchType, raw: &str) -> Result<String, QueryProblem> {
    let raw = raw.trim();
    match ty {
        SearchType::BusinessUser => {
            let u = raw.strip_prefix('@').unwrap_or(raw);
            if u.is_empty() {
                Err(QueryProblem::EmptyUsername)
            } else if !u
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
            {
                Err(QueryProblem::UsernameCharacters)
            } else if u.chars().count() > USERNAME_MAX {
                Err(QueryProblem::UsernameTooLong)
            } else {
                Ok(u.to_string())
            }
        }
        SearchType::TopTags | SearchType::RecentTags => {
            let t = raw.strip_prefix('#').unwrap_or(raw);
            if t.is_empty() {
                Err(QueryProblem::EmptyHashtag)
            } else if !t.chars().all(|c| c.is_alphanumeric() || c == '_') {
                Err(QueryProblem::HashtagCharacters)
            } else if t.chars().count() > HASHTAG_MAX {
                Err(QueryProblem::HashtagTooLong)
            } else {
                Ok(t.to_string())
            }
        }
    }
}

/// What the URL says about the search (SRCH-3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlSearch {
    /// No search in the URL: the form starts empty (with the type and media if given).
    Empty { ty: SearchType, media: MediaFilter },
    /// A search to run.
    Valid(SearchQuery),
    /// Someone edited the URL: fill the form, name the problem, send nothing.
    Invalid {
        ty: SearchType,
        q: String,
        media: MediaFilter,
        problem: QueryProblem,
    },
}

impl UrlSearch {
    /// Reads the URL's `type`, `q` and `media`. Unknown types and media fall back to the defaults.
    pub fn from_params(ty: Option<&str>, q: Option<&str>, media: Option<&str>) -> Self {
        let ty = ty.and_then(SearchType::parse).unwrap_or(DEFAULT_TYPE);
        let media = media.and_then(MediaFilter::parse).unwrap_or_default();
        match q.map(str::trim).filter(|q| !q.is_empty()) {
            None => UrlSearch::Empty { ty, media },
            Some(raw) => match validate(ty, raw) {
                Ok(q) => UrlSearch::Valid(SearchQuery { ty, q, media }),
                Err(problem) => UrlSearch::Invalid {
                    ty,
                    q: raw.to_string(),
                    media,
                    problem,
                },
            },
        }
    }

    pub fn ty(&self) -> SearchType {
        match self {
            UrlSearch::Empty { ty, .. } | UrlSearch::Invalid { ty, .. } => *ty,
            UrlSearch::Valid(s) => s.ty,
        }
    }

    pub fn media(&self) -> MediaFilter {
        match self {
            UrlSearch::Empty { media, .. } | UrlSearch::Invalid { media, .. } => *media,
            UrlSearch::Valid(s) => s.media,
        }
    }

    /// The text for the search box.
    pub fn text(&self) -> &str {
        match self {
            UrlSearch::Empty { .. } => "",
            UrlSearch::Invalid { q, .. } => q,
            UrlSearch::Valid(s) => &s.q,
        }
    }
}

impl SearchQuery {
    /// The app's own query string for this search (`type=…&q=…&media=…`), percent-encoded.
    /// `media` is left out when it is `all`, so shared links stay short.
    pub fn to_url_query(&self) -> String {
        let mut s = format!("type={}&q={}", self.ty.as_str(), encode_component(&self.q));
        if self.media != MediaFilter::All {
            s.push_str("&media=");
            s.push_str(self.media.as_str());
        }
        s
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, byte by byte (UTF-8).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Adds a page of results to those shown, leaving out posts already there (a post can only be
/// shown once; the grid is keyed by post id). Returns how many were added.
pub fn append_page<P: Borrow<Post>>(shown: &mut Vec<P>, page: Vec<P>) -> usize {
    let before = shown.len();
    let mut ids: HashSet<String> = shown.iter().map(|p| p.borrow().id.clone()).collect();
    for post in page {
        if ids.insert(post.borrow().id.clone()) {
            shown.push(post);
        }
    }
    shown.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srch_1_hashtags_with_or_without_hash() {
        for ty in [SearchType::TopTags, SearchType::RecentTags] {
            assert_eq!(validate(ty, "summer"), Ok("summer".into()));
            assert_eq!(validate(ty, "#summer"), Ok("summer".into()));
            assert_eq!(validate(ty, "  #Summer_2026 "), Ok("Summer_2026".into()));
            assert_eq!(validate(ty, "café"), Ok("café".into()));
            assert_eq!(validate(ty, &"a".repeat(100)), Ok("a".repeat(100)));
        }
    }

    #[test]
    fn srch_1_invalid_hashtags_are_named() {
        let ty = SearchType::RecentTags;
        assert_eq!(validate(ty, ""), Err(QueryProblem::EmptyHashtag));
        assert_eq!(validate(ty, "   "), Err(QueryProblem::EmptyHashtag));
        assert_eq!(validate(ty, "#"), Err(QueryProblem::EmptyHashtag));
        assert_eq!(
            validate(ty, "##summer"),
            Err(QueryProblem::HashtagCharacters)
        );
        assert_eq!(
            validate(ty, "summer sun"),
            Err(QueryProblem::HashtagCharacters)
        );
        assert_eq!(
            validate(ty, "sum-mer"),
            Err(QueryProblem::HashtagCharacters)
        );
        assert_eq!(
            validate(ty, "<script>"),
            Err(QueryProblem::HashtagCharacters)
        );
        assert_eq!(validate(ty, "@lfqa"), Err(QueryProblem::HashtagCharacters));
        assert_eq!(
            validate(ty, &"a".repeat(101)),
            Err(QueryProblem::HashtagTooLong)
        );
    }

    #[test]
    fn srch_1_usernames_with_or_without_at() {
        let ty = SearchType::BusinessUser;
        assert_eq!(validate(ty, "sunny.days"), Ok("sunny.days".into()));
        assert_eq!(validate(ty, "@coffee.lab"), Ok("coffee.lab".into()));
        assert_eq!(validate(ty, "brand_fan_01"), Ok("brand_fan_01".into()));
        assert_eq!(validate(ty, &"u".repeat(30)), Ok("u".repeat(30)));
        assert_eq!(validate(ty, ""), Err(QueryProblem::EmptyUsername));
        assert_eq!(validate(ty, "@"), Err(QueryProblem::EmptyUsername));
        assert_eq!(
            validate(ty, &"u".repeat(31)),
            Err(QueryProblem::UsernameTooLong)
        );
        assert_eq!(
            validate(ty, "#summer"),
            Err(QueryProblem::UsernameCharacters)
        );
        assert_eq!(validate(ty, "café"), Err(QueryProblem::UsernameCharacters));
        assert_eq!(validate(ty, "a b"), Err(QueryProblem::UsernameCharacters));
    }

    #[test]
    fn srch_3_the_url_holds_the_search_and_reads_back() {
        let q = SearchQuery {
            ty: SearchType::TopTags,
            q: "summer".into(),
            media: MediaFilter::Photos,
        };
        assert_eq!(q.to_url_query(), "type=top_tags&q=summer&media=photos");
        assert_eq!(
            UrlSearch::from_params(Some("top_tags"), Some("summer"), Some("photos")),
            UrlSearch::Valid(q)
        );
        let all = SearchQuery {
            ty: SearchType::BusinessUser,
            q: "coffee.lab".into(),
            media: MediaFilter::All,
        };
        assert_eq!(all.to_url_query(), "type=business_user&q=coffee.lab");
        assert_eq!(
            UrlSearch::from_params(Some("business_user"), Some("@coffee.lab"), None),
            UrlSearch::Valid(all)
        );
    }

    #[test]
    fn srch_3_an_edited_url_is_named_not_sent() {
        assert_eq!(
            UrlSearch::from_params(Some("recent_tags"), Some("sum mer"), Some("videos")),
            UrlSearch::Invalid {
                ty: SearchType::RecentTags,
                q: "sum mer".into(),
                media: MediaFilter::Videos,
                problem: QueryProblem::HashtagCharacters
            }
        );
        assert_eq!(
            UrlSearch::from_params(Some("nonsense"), None, Some("gifs")),
            UrlSearch::Empty {
                ty: DEFAULT_TYPE,
                media: MediaFilter::All
            }
        );
        assert_eq!(
            UrlSearch::from_params(None, Some("  "), None).text(),
            "",
            "blank q is no search"
        );
    }

    #[test]
    fn srch_3_query_values_are_percent_encoded() {
        assert_eq!(encode_component("café"), "caf%C3%A9");
        assert_eq!(encode_component("a&b=c d#"), "a%26b%3Dc%20d%23");
        assert_eq!(encode_component("x.y_z-~"), "x.y_z-~");
    }

    fn post(id: &str) -> Post {
        Post {
            id: id.into(),
            author_handle: "a".into(),
            author_name: "A".into(),
            author_avatar_url: None,
            caption: String::new(),
            hashtags: vec![],
            media_type: api_types::MediaType::Photo,
            image_url: String::new(),
            permalink: String::new(),
            posted_at: time::macros::datetime!(2026-11-26 10:00 UTC),
            likes: 0,
            comments: 0,
            saved_asset_id: None,
        }
    }

    #[test]
    fn srch_2_load_more_appends_without_duplicates() {
        let mut shown = vec![post("p1"), post("p2")];
        let added = append_page(&mut shown, vec![post("p2"), post("p3")]);
        assert_eq!(added, 1);
        let ids: Vec<_> = shown.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3"]);
    }
}
