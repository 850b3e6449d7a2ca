//! Message catalogs (I18N-1).
//!
//! Every string a person reads is a [`Msg`]. Each language is one file with one exhaustive
//! `match` over `Msg` (`en.rs`, `nl.rs`), so a catalog that misses a message does not compile:
//! completeness is checked by the compiler, not by a test that could be forgotten. Parameters are
//! typed (a count is a number, not a string), and each language decides its own plural forms.
//!
//! Why not a library: `leptos_i18n` and `fluent` bring parsers and locale data that ship to every
//! user (tens of KB of WASM) for two languages whose plural rules are the same; dates and numbers
//! are formatted by the browser's own `Intl`, which costs nothing to ship. See docs/decisions.md.
//!
//! In the release build the Dutch catalogue's code is fetched when Dutch is the language
//! (`on_demand`); until then [`text`] answers in English, and the app does not switch before.

mod en;
mod nl;
mod on_demand;

pub use on_demand::{load, ready};

use std::borrow::Cow;

use api_types::{InvalidationReason, RightsStatus, SocialNetwork};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Nl,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Nl];

    /// BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }

    /// The language's own name, as a language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nl => "Nederlands",
        }
    }

    /// `nl`, `nl-BE`, `NL_nl` → Dutch; `en-GB` → English; anything else → `None`.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.tag() == primary)
    }

    /// The first supported language in the browser's preference list, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Self {
        preferred
            .into_iter()
            .find_map(Self::from_tag)
            .unwrap_or(Locale::En)
    }
}

/// Every message the app shows.
#[derive(Debug, PartialEq, Eq)]
pub enum Msg {
    // Chrome and navigation (SHELL)
    ProductName,
    SkipToContent,
    MainNavigation,
    TabLibrary,
    TabStreams,
    TabSettings,
    NetworkSettings,
    SettingsNavigation,
    RightsManagement,
    SocialAccounts,
    SocialSearch,
    Instagram,
    NotificationsUnread(u32),
    SignedInAs {
        name: String,
        role: Msg2,
    },
    NetworkLabel(String),
    Language,
    /// A language's catalogue could not be fetched (its own name).
    LanguageNotLoaded(String),
    FooterHelp,
    FooterTerms,
    FooterPrivacy,
    Loading,
    NotBuiltYet,
    NotBuiltYetBody,
    ScreenNotLoaded,
    /// The expanded card's code could not be fetched.
    PanelNotLoaded,
    /// The bell's panel: its code could not be fetched.
    NotPanelNotLoaded,
    NotFoundTitle,
    NotFoundBody,
    NotFoundBack,
    Retry,
    SignIn,
    // Start-up
    ConfigInvalidTitle,
    ConfigInvalidBody(String),
    /// The console's own code could not be fetched or started. Said by public/boot.js, which has
    /// a copy of it (the catalogue is in that code); see `fail_1_boot_words_are_the_catalogues`.
    AppNotLoaded,
    // Errors (FAIL)
    ErrOffline,
    ErrTimeout,
    ErrSessionEnded,
    ErrForbidden,
    ErrNotFound,
    ErrConflict,
    ErrValidation,
    ErrRateLimited,
    ErrTokenExpired,
    ErrTokenRevoked,
    ErrIdentityMismatch,
    ErrPayloadTooLarge,
    ErrServer,
    ErrUndecodable,
    ErrUnexpected(u16),

    // ---- Instagram search (issue 6: SRCH-1..10) and the token refresh it offers (OAUTH)
    SearchFormLabel,
    SearchTypeLabel,
    SearchTypeName(api_types::SearchType),
    SearchTermHashtag,
    SearchTermUsername,
    SearchHintHashtag,
    SearchHintUsername,
    SearchButton,
    ShowFilter,
    HideFilter,
    MediaFilterLabel,
    MediaFilterName(api_types::MediaFilter),
    SearchInvalid(crate::domain::search::QueryProblem),
    SearchPrompt,
    Searching,
    SearchResultsHeading,
    SearchedWith(String),
    SearchShowingCount(usize),
    SearchNoResults,
    SearchSkippedExpired(String),
    SearchSkippedRevoked(String),
    SearchSkippedRateLimited(String),
    LoadMore,
    LoadingMore,
    SearchAllExpired,
    SearchNoneLeft,
    SearchNoAccountTags,
    SearchNoAccountBusiness,
    SearchOpenSocialAccounts,
    SearchAgain,
    SearchAgainWith(String),
    SearchRefreshedOffer(String),
    PostImageAlt {
        video: bool,
        handle: String,
    },
    PostImageNotShown,
    PostVideo,
    PostLikes(u64, String),
    PostComments(u64, String),
    ViewDetails,
    Save,
    Saving,
    Saved,
    PostDetailsTitle,
    Close,
    DetailsAuthor,
    DetailsName,
    DetailsUsername,
    DetailsContent,
    DetailsCaption,
    DetailsHashtags,
    DetailsPosted,
    DetailsMedia,
    MediaTypeName {
        video: bool,
    },
    DetailsLikes,
    DetailsComments,
    DetailsOpenOnInstagram,
    OpensInNewTab,
    DetailsLinkNotShown,
    TokenPopupRegion,
    TokenPopupTitleExpired,
    TokenPopupTitleRevoked,
    TokenPopupTitleRateLimited,
    TokenPopupExpired(String),
    TokenPopupRevoked(String),
    TokenPopupRateLimited {
        handle: String,
        resets_at: Option<String>,
    },
    TokenPopupTrying(String),
    TokenPopupUsedInstead(String),
    TokenPopupNoneInstead,
    TokenPopupStopped,
    TokenPopupClose(String),
    AskAdmin(String),
    // ---- Streams (STR) and token refresh (TOK-4, OAUTH): issue 8
    StreamsIntro,
    StreamsEmpty,
    StreamDestination,
    StreamDestinationApp(String),
    StreamDestinationFolder(String),
    StreamRules,
    StreamRulesSummary {
        network: SocialNetwork,
        terms: Vec<String>,
    },
    StreamAccount,
    StreamAccountNone,
    StreamStatusLabel,
    StreamRunning,
    StreamStopped,
    StreamStopTokenExpired {
        network: SocialNetwork,
        handle: String,
        date: String,
    },
    StreamStopNeedsReauth {
        network: SocialNetwork,
        handle: String,
        reason: Option<InvalidationReason>,
        date: String,
    },
    StreamStopAccountDeleted {
        network: SocialNetwork,
        handle: String,
        date: String,
    },
    StreamStopOther {
        date: Option<String>,
    },
    StreamGapNote {
        from: String,
        to: String,
    },
    /// A running stream's account expires within 10 days (TOK-2): it stops then.
    StreamExpiring {
        network: SocialNetwork,
        handle: String,
        days_left: u32,
        date: String,
    },
    /// The summary above the list: how many streams need attention, and why in short.
    StreamsAttentionTitle(u32),
    StreamsAttentionIntro {
        stopped: u32,
        stopping: u32,
    },
    StreamsAttentionStopped,
    StreamsAttentionStopping(u32),
    StreamsAttentionGoTo(String),
    StreamAskAdmin(Vec<String>),
    StreamSwitchAccount,
    StreamSwitchTitle(String),
    StreamSwitchIntro(SocialNetwork),
    StreamSwitchLegend(SocialNetwork),
    StreamSwitchConfirm(String),
    StreamSwitching,
    StreamSwitchNone(SocialNetwork),
    StreamSwitchRefused(String),
    StreamSwitched {
        stream: String,
        handle: String,
    },
    Cancel,
    CandidateActiveUntil(String),
    CandidateActiveNoExpiry,
    CandidateExpiresIn(u32),
    NetworkName(SocialNetwork),
    RefreshToken,
    Refreshing,
    RefreshWaiting(SocialNetwork),
    RefreshDone {
        handle: String,
    },
    RefreshCancelled,
    RefreshDenied {
        network: SocialNetwork,
    },
    RefreshIdentityMismatch {
        network: SocialNetwork,
        expected: String,
        authorized: Option<String>,
    },
    RefreshFlowExpired,
    RefreshPopupBlocked(SocialNetwork),
    RefreshContinueHere,
    // ---- social accounts (ACC, TOK, OAUTH): issue 4 ----
    AccTwitterAccounts,
    AccInstagramAccounts,
    AccBusinessAccounts,
    AccBusinessInfoBefore,
    AccBusinessInfoLink,
    AccBusinessInfoAfter,
    AccOpensInNewTab,
    AccSectionEmpty(api_types::SocialNetwork),
    AccAddAccount,
    AccAdding,
    AccDetailsFor(String),
    /// The token state (ACC-2): `Some(date)` for a token that expires, `None` for one that does not.
    AccStateActive(Option<String>),
    AccStateExpiring(u32),
    AccStateExpired,
    AccStateNeedsReauth(api_types::InvalidationReason),
    AccSocialAccount,
    AccDisplayName,
    AccDisplayNameHelp,
    AccDisplayNameTooLong,
    AccDisplayNameInvalid,
    AccSaveSettings,
    AccSaving,
    AccSaved,
    AccDelete,
    AccMoveUp,
    AccMoveDown,
    AccOrderHeading,
    AccOrderPlace {
        place: u32,
        of: u32,
    },
    AccMovedTo {
        name: String,
        place: u32,
        of: u32,
    },
    AccTokenHeading,
    AccExpiresAtLabel,
    AccDoesNotExpire,
    AccStateLabel,
    AccLastRefreshLabel,
    AccLastRefreshValue {
        when: String,
        by: Option<String>,
    },
    AccNeverRefreshed,
    AccConnectedLabel,
    AccConnectedValue {
        when: String,
        by: Option<String>,
    },
    AccDependsHeading,
    AccDepStreams {
        count: u32,
        names: String,
    },
    AccDepSearchRank(u32),
    AccDepNoSearch,
    AccDepFallback(String),
    AccDepNoFallback,
    AccDepRights(u32),
    AccHistoryHeading,
    AccHistoryEmpty,
    AccHistConnected(Option<String>),
    AccHistRefreshed(Option<String>),
    AccHistRefreshFailed {
        by: Option<String>,
        why: FailureReason,
    },
    AccHistWarning(Option<u32>),
    AccHistExpired,
    AccHistRevoked(api_types::InvalidationReason),
    AccHistReconnected(Option<String>),
    AccHistOther,
    AccAskAdmin(String),
    AccAskAdminToManage(String),
    AccCuratorNote(String),
    AccDeleteTitle(String),
    AccDeleteStreams {
        count: u32,
        names: String,
    },
    AccDeleteRights(u32),
    AccDeleteSearch(Option<String>),
    AccDeleteForever,
    AccDeleteConfirm,
    AccDeleting,
    AccCancel,
    AccDeleted {
        name: String,
        stopped: u32,
    },
    AccOauthRefreshed(Option<String>),
    AccOauthConnected(String),
    AccOauthAlreadyConnected(String),
    AccOauthFlowExpired,
    /// `adding`: a new account (no account to come back to yet).
    AccOauthBlocked {
        adding: bool,
    },
    AccOauthCheckAgain,
    // ---- end of social accounts ----
    // ---- expiry notifications (issue 5: NOT-1..4) ----
    NotPanelTitle,
    NotBellFailed,
    NotLoadFailed,
    NotLoading,
    NotEmpty,
    NotMilestone(api_types::Milestone),
    NotImpact(crate::domain::notifications::Impact),
    NotUnread,
    NotResolved,
    NotSent(String),
    NotMarkRead,
    NotMarkAllRead,
    NotDismiss,
    NotOpenAccount,
    NotActionFailed,
    NotMarkedRead,
    NotDismissed,
    NotBannerTitle(u32),
    NotBannerIntro {
        expired: u32,
        reauth: u32,
        expiring: u32,
    },
    NotBannerExpired,
    NotBannerReauth,
    NotBannerExpiring(u32),
    NotBannerShow(String),
    /// The banner lists the most urgent few of a long list; this shows the rest.
    NotBannerShowAll(u32),
    NotBannerShowFewer,
    // ---- end of expiry notifications ----
    // ---- Rights requests (issue 7: RR-1..8) and Library › Saved assets ----
    RightsRequestAction,
    RightsDialogTitle,
    RightsDialogPost(String),
    RightsReopening,
    RightsReopenFailed,
    RightsTabRequest,
    RightsTabGrant,
    RightsTabs,
    RightsAccountLegend,
    RightsAccountDefault,
    RightsAccountDeleted,
    RightsAccountsLoading,
    RightsNoAccounts,
    RightsOpenRightsManagement,
    RightsMessageLabel,
    RightsPlaceholderHelp,
    /// Characters left (negative: over the limit), and that count's size written for the reader.
    /// Characters left in a message (negative: too many); `shown` is the count, formatted.
    CharsLeft {
        left: i64,
        shown: String,
    },
    /// A message's limit on a network, and how that network counts.
    CharsLimitNote(SocialNetwork),
    RightsPreviewLabel,
    RightsUseDefault(String),
    RightsMessageEmpty,
    RightsPlaceholderMissing(String),
    RightsPlaceholderUnknown(String),
    RightsMessageTooLong(usize),
    RightsFixBeforeSending,
    RightsTokenExpired {
        account: String,
        handle: String,
        network: SocialNetwork,
    },
    RightsTokenRevoked {
        account: String,
        handle: String,
        network: SocialNetwork,
    },
    RightsAccountGone(String),
    RightsRequesting,
    RightsRequestedSent(String),
    RightsRequestedInstagram(String),
    RightsInstagramNote,
    RightsCopy,
    RightsCopied,
    RightsCopiedOpenPost,
    RightsCopyFailed,
    RightsGrantNoteLabel,
    RightsGrantNoteHelp,
    RightsGrantWarning,
    RightsGrant,
    RightsGranting,
    RightsGranted,
    RightsNoteRequired,
    RightsNoteTooLong(usize),
    RightsStatusLabel(RightsStatus),
    RightsStatusNone,
    RightsStatusHeading,
    ActivityHeading,
    ActivityEmpty,
    ActivityRequested(Option<String>),
    ActivityReplied,
    ActivityStatusChanged(RightsStatus),
    ActivityGranted,
    ActivityNote,
    ActivityError {
        account: Option<String>,
        revoked: bool,
        token: bool,
    },
    ActivityOther,
    ActivityBy(String),
    ActivityBySystem,
    SavedAssets,
    AssetsHeading,
    AssetsEmpty,
    AssetsSavedBy {
        name: String,
        date: String,
    },
    AssetsCount(usize),
    // ---- end of rights requests ----
    // ---- embedding (issue 11: EMB-1..4) ----
    /// What is wrong with the host's configuration, inside `ConfigInvalidBody`.
    ConfigProblem(crate::config::ConfigError),
    // ---- end of embedding ----
    // ---- Rights Management (RR-9)
    RmIntro,
    RmNoAccessTitle,
    RmNoAccess(String),
    RmAdd,
    RmEmpty,
    RmEdit,
    RmField(crate::domain::rights_settings::Field),
    RmTokenLabel,
    RmStatusLabel,
    RmEnabledYes,
    RmEnabledNo,
    RmDefaultLabel,
    RmIsDefault(SocialNetwork),
    RmNotDefault,
    RmLinked {
        handle: String,
        network: SocialNetwork,
    },
    RmLinkedMissing,
    RmTermsNotLink,
    RmEditTitle(String),
    RmAddTitle,
    RmAccountOption {
        handle: String,
        network: SocialNetwork,
        state: Box<Msg>,
    },
    RmChooseAccount,
    RmFieldEnabled,
    RmFieldDefault(Option<SocialNetwork>),
    RmHashtagHelp,
    RmTermsHelp,
    RmPlaceholdersIntro,
    RmPlaceholder(&'static str),
    /// Characters left (negative: too many), and that number's absolute value as the locale writes it.
    RmSave,
    RmSaving,
    RmSaved(String),
    RmAdded(String),
    RmSummary(u32),
    RmNotSaved,
    RmProblem(crate::domain::rights_settings::Problem),
    RmAccountsFailed,
    RmNewTemplate,
}

/// Why a token refresh failed, in the words of the token history (ACC-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureReason {
    Denied,
    IdentityMismatch,
    TokenExpired,
    TokenRevoked,
    Unknown,
}

/// Small closed vocabularies used inside other messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg2 {
    RoleAdmin,
    RoleModerator,
    RoleCurator,
}

impl From<api_types::Role> for Msg2 {
    fn from(r: api_types::Role) -> Self {
        match r {
            api_types::Role::Admin => Msg2::RoleAdmin,
            api_types::Role::Moderator => Msg2::RoleModerator,
            api_types::Role::Curator => Msg2::RoleCurator,
        }
    }
}

/// The text of a message in a language.
/// English while a language's catalogue has not arrived (`on_demand`); the app does not switch
/// to a language before it has.
pub fn text(locale: Locale, msg: &Msg) -> Cow<'static, str> {
    match locale {
        Locale::En => en::text(msg),
        Locale::Nl => on_demand::nl_text(msg).unwrap_or_else(|| en::text(msg)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ConfigError;
    use crate::domain::rights_settings::{Field, Problem};
    use crate::domain::search::QueryProblem;

    #[test]
    fn i18n_1_locale_follows_the_browser_preference() {
        assert_eq!(Locale::negotiate(["nl-BE", "en"]), Locale::Nl);
        assert_eq!(Locale::negotiate(["fr-FR", "en-GB"]), Locale::En);
        assert_eq!(Locale::negotiate(["de", "fr"]), Locale::En);
        assert_eq!(Locale::negotiate(["NL_nl"]), Locale::Nl);
        assert_eq!(Locale::negotiate(std::iter::empty()), Locale::En);
    }

    /// FAIL-1: when the console's code cannot be fetched, public/boot.js says so in the
    /// catalogues' words, in the language the console would have spoken.
    #[test]
    fn fail_1_boot_words_are_the_catalogues() {
        let boot = include_str!("../../public/boot.js");
        for (tag, catalogue) in [("en", en::text as fn(&Msg) -> _), ("nl", nl::text)] {
            let words =
                [Msg::ConfigInvalidTitle, Msg::AppNotLoaded, Msg::Retry].map(|m| catalogue(&m));
            let line = format!(
                "  {tag}: {},",
                serde_json::to_string(&words).unwrap_or_default()
            );
            assert!(
                boot.contains(&line),
                "public/boot.js should hold the line {line:?}"
            );
        }
    }

    /// A sample of every message; Dutch must not be English copied over.
    fn samples() -> Vec<Msg> {
        use Msg::*;
        vec![
            SkipToContent,
            TabLibrary,
            TabSettings,
            NetworkSettings,
            SettingsNavigation,
            RightsManagement,
            SocialAccounts,
            SocialSearch,
            NotificationsUnread(0),
            NotificationsUnread(1),
            NotificationsUnread(3),
            SignedInAs {
                name: "Ada".into(),
                role: Msg2::RoleAdmin,
            },
            NetworkLabel("N".into()),
            Language,
            LanguageNotLoaded("Nederlands".into()),
            FooterHelp,
            FooterTerms,
            FooterPrivacy,
            Loading,
            NotBuiltYet,
            NotBuiltYetBody,
            ScreenNotLoaded,
            PanelNotLoaded,
            NotPanelNotLoaded,
            NotFoundTitle,
            NotFoundBody,
            NotFoundBack,
            Retry,
            SignIn,
            ConfigInvalidTitle,
            ConfigInvalidBody("x".into()),
            AppNotLoaded,
            ErrOffline,
            ErrTimeout,
            ErrSessionEnded,
            ErrForbidden,
            ErrNotFound,
            ErrConflict,
            ErrValidation,
            ErrRateLimited,
            ErrTokenExpired,
            ErrTokenRevoked,
            ErrIdentityMismatch,
            ErrPayloadTooLarge,
            ErrServer,
            ErrUndecodable,
            ErrUnexpected(418),
            // ---- Instagram search (issue 6)
            SearchFormLabel,
            SearchTypeLabel,
            SearchTypeName(api_types::SearchType::BusinessUser),
            SearchTypeName(api_types::SearchType::TopTags),
            SearchTypeName(api_types::SearchType::RecentTags),
            SearchTermUsername,
            SearchHintHashtag,
            SearchHintUsername,
            SearchButton,
            ShowFilter,
            HideFilter,
            MediaFilterLabel,
            MediaFilterName(api_types::MediaFilter::All),
            MediaFilterName(api_types::MediaFilter::Photos),
            MediaFilterName(api_types::MediaFilter::Videos),
            SearchInvalid(QueryProblem::EmptyHashtag),
            SearchInvalid(QueryProblem::EmptyUsername),
            SearchInvalid(QueryProblem::HashtagCharacters),
            SearchInvalid(QueryProblem::HashtagTooLong),
            SearchInvalid(QueryProblem::UsernameCharacters),
            SearchInvalid(QueryProblem::UsernameTooLong),
            SearchPrompt,
            Searching,
            SearchResultsHeading,
            SearchedWith("lfqa".into()),
            SearchShowingCount(1),
            SearchShowingCount(30),
            SearchNoResults,
            SearchSkippedExpired("hurray".into()),
            SearchSkippedRevoked("brandhq".into()),
            SearchSkippedRateLimited("lfqa".into()),
            LoadMore,
            LoadingMore,
            SearchAllExpired,
            SearchNoneLeft,
            SearchNoAccountTags,
            SearchNoAccountBusiness,
            SearchOpenSocialAccounts,
            SearchAgain,
            SearchAgainWith("hurray".into()),
            SearchRefreshedOffer("hurray".into()),
            PostImageAlt {
                video: false,
                handle: "a".into(),
            },
            PostImageAlt {
                video: true,
                handle: "a".into(),
            },
            PostImageNotShown,
            PostLikes(1, "1".into()),
            PostLikes(2, "2".into()),
            PostComments(1, "1".into()),
            PostComments(2, "2".into()),
            ViewDetails,
            Save,
            Saving,
            Saved,
            PostDetailsTitle,
            Close,
            DetailsAuthor,
            DetailsName,
            DetailsUsername,
            DetailsContent,
            DetailsCaption,
            DetailsPosted,
            MediaTypeName { video: false },
            DetailsLikes,
            DetailsComments,
            DetailsOpenOnInstagram,
            OpensInNewTab,
            DetailsLinkNotShown,
            TokenPopupRegion,
            TokenPopupTitleExpired,
            TokenPopupTitleRevoked,
            TokenPopupTitleRateLimited,
            TokenPopupExpired("hurray".into()),
            TokenPopupRevoked("hurray".into()),
            TokenPopupRateLimited {
                handle: "lfqa".into(),
                resets_at: Some("11:00".into()),
            },
            TokenPopupRateLimited {
                handle: "lfqa".into(),
                resets_at: None,
            },
            TokenPopupTrying("lfqa".into()),
            TokenPopupUsedInstead("lfqa".into()),
            TokenPopupNoneInstead,
            TokenPopupStopped,
            TokenPopupClose("hurray".into()),
            AskAdmin("Ada".into()),
            // ---- Streams and token refresh: issue 8 ("Account", "Status" and "App: …" are the
            // same words in Dutch, so they are not sampled here)
            StreamsIntro,
            StreamsEmpty,
            StreamDestination,
            StreamDestinationFolder("Coffee".into()),
            StreamRules,
            StreamRulesSummary {
                network: SocialNetwork::InstagramBusiness,
                terms: vec!["#travel".into()],
            },
            StreamRulesSummary {
                network: SocialNetwork::Twitter,
                terms: vec![],
            },
            StreamAccountNone,
            StreamRunning,
            StreamStopped,
            StreamsAttentionTitle(1),
            StreamsAttentionTitle(3),
            StreamsAttentionIntro {
                stopped: 2,
                stopping: 1,
            },
            StreamsAttentionStopped,
            StreamsAttentionStopping(1),
            StreamsAttentionStopping(5),
            StreamsAttentionGoTo("Travel".into()),
            StreamExpiring {
                network: SocialNetwork::InstagramBusiness,
                handle: "johnny".into(),
                days_left: 5,
                date: "D".into(),
            },
            StreamExpiring {
                network: SocialNetwork::Instagram,
                handle: "danni".into(),
                days_left: 1,
                date: "D".into(),
            },
            StreamStopTokenExpired {
                network: SocialNetwork::Instagram,
                handle: "hurray".into(),
                date: "D".into(),
            },
            StreamStopNeedsReauth {
                network: SocialNetwork::Twitter,
                handle: "brand_support".into(),
                reason: Some(InvalidationReason::Revoked),
                date: "D".into(),
            },
            StreamStopNeedsReauth {
                network: SocialNetwork::InstagramBusiness,
                handle: "brandhq".into(),
                reason: Some(InvalidationReason::PasswordChanged),
                date: "D".into(),
            },
            StreamStopNeedsReauth {
                network: SocialNetwork::Instagram,
                handle: "x".into(),
                reason: Some(InvalidationReason::AppRemoved),
                date: "D".into(),
            },
            StreamStopNeedsReauth {
                network: SocialNetwork::Instagram,
                handle: "x".into(),
                reason: Some(InvalidationReason::SessionInvalid),
                date: "D".into(),
            },
            StreamStopNeedsReauth {
                network: SocialNetwork::Instagram,
                handle: "x".into(),
                reason: None,
                date: "D".into(),
            },
            StreamStopAccountDeleted {
                network: SocialNetwork::Instagram,
                handle: "x".into(),
                date: "D".into(),
            },
            StreamStopOther {
                date: Some("D".into()),
            },
            StreamStopOther { date: None },
            StreamGapNote {
                from: "A".into(),
                to: "B".into(),
            },
            StreamAskAdmin(vec!["Ada Admin".into(), "Bram Beheer".into()]),
            StreamAskAdmin(vec![]),
            StreamSwitchAccount,
            StreamSwitchTitle("Summer UGC".into()),
            StreamSwitchIntro(SocialNetwork::Instagram),
            StreamSwitchLegend(SocialNetwork::Instagram),
            StreamSwitchConfirm("lfqa".into()),
            StreamSwitching,
            StreamSwitchNone(SocialNetwork::Instagram),
            StreamSwitchRefused("lfqa".into()),
            StreamSwitched {
                stream: "Summer UGC".into(),
                handle: "lfqa".into(),
            },
            Cancel,
            CandidateActiveUntil("D".into()),
            CandidateActiveNoExpiry,
            CandidateExpiresIn(1),
            CandidateExpiresIn(5),
            NetworkName(SocialNetwork::InstagramBusiness),
            RefreshToken,
            Refreshing,
            RefreshWaiting(SocialNetwork::Instagram),
            RefreshDone {
                handle: "hurray".into(),
            },
            RefreshCancelled,
            RefreshDenied {
                network: SocialNetwork::Instagram,
            },
            RefreshIdentityMismatch {
                network: SocialNetwork::Instagram,
                expected: "hurray".into(),
                authorized: Some("lfqa".into()),
            },
            RefreshIdentityMismatch {
                network: SocialNetwork::Instagram,
                expected: "hurray".into(),
                authorized: None,
            },
            RefreshFlowExpired,
            RefreshPopupBlocked(SocialNetwork::Twitter),
            RefreshContinueHere,
            // ---- social accounts (issue 4) ----
            AccTwitterAccounts,
            AccInstagramAccounts,
            AccBusinessAccounts,
            AccBusinessInfoBefore,
            AccBusinessInfoLink,
            AccOpensInNewTab,
            AccSectionEmpty(api_types::SocialNetwork::Twitter),
            AccSectionEmpty(api_types::SocialNetwork::InstagramBusiness),
            AccAddAccount,
            AccAdding,
            AccDetailsFor("Hurray (@hurray)".into()),
            AccStateActive(Some("1 Jan".into())),
            AccStateActive(None),
            AccStateExpiring(1),
            AccStateExpiring(10),
            AccStateExpired,
            AccStateNeedsReauth(api_types::InvalidationReason::PasswordChanged),
            AccStateNeedsReauth(api_types::InvalidationReason::Other),
            AccSocialAccount,
            AccDisplayName,
            AccDisplayNameHelp,
            AccDisplayNameTooLong,
            AccSaveSettings,
            AccSaving,
            AccSaved,
            AccDelete,
            AccMoveUp,
            AccMoveDown,
            AccOrderHeading,
            AccOrderPlace { place: 1, of: 3 },
            AccMovedTo {
                name: "Hurray".into(),
                place: 2,
                of: 3,
            },
            AccTokenHeading,
            AccExpiresAtLabel,
            AccDoesNotExpire,
            AccLastRefreshLabel,
            AccLastRefreshValue {
                when: "1 Jan".into(),
                by: Some("Ada".into()),
            },
            AccNeverRefreshed,
            AccConnectedLabel,
            AccDependsHeading,
            AccDepStreams {
                count: 0,
                names: String::new(),
            },
            AccDepStreams {
                count: 2,
                names: "A, B".into(),
            },
            AccDepSearchRank(1),
            AccDepNoSearch,
            AccDepFallback("lfqa".into()),
            AccDepNoFallback,
            AccDepRights(0),
            AccDepRights(1),
            AccDepRights(4),
            AccHistoryHeading,
            AccHistoryEmpty,
            AccHistConnected(Some("Ada".into())),
            AccHistRefreshed(None),
            AccHistRefreshFailed {
                by: None,
                why: FailureReason::Denied,
            },
            AccHistWarning(Some(5)),
            AccHistExpired,
            AccHistRevoked(api_types::InvalidationReason::Revoked),
            AccHistReconnected(Some("Ada".into())),
            AccHistOther,
            AccAskAdmin("Ada Admin, Bram Beheer".into()),
            AccAskAdminToManage("Ada Admin".into()),
            AccCuratorNote("Ada Admin".into()),
            AccDeleteTitle("Hurray".into()),
            AccDeleteStreams {
                count: 1,
                names: "Summer UGC".into(),
            },
            AccDeleteStreams {
                count: 0,
                names: String::new(),
            },
            AccDeleteRights(0),
            AccDeleteRights(2),
            AccDeleteSearch(Some("lfqa".into())),
            AccDeleteSearch(None),
            AccDeleteForever,
            AccDeleteConfirm,
            AccDeleting,
            AccCancel,
            AccDeleted {
                name: "Hurray".into(),
                stopped: 1,
            },
            AccOauthRefreshed(Some("1 Jan".into())),
            AccOauthRefreshed(None),
            AccOauthConnected("new".into()),
            AccOauthAlreadyConnected("lfqa".into()),
            AccOauthFlowExpired,
            AccOauthBlocked { adding: false },
            AccOauthBlocked { adding: true },
            AccOauthCheckAgain,
            AccStateLabel,
            AccConnectedValue {
                when: "1 Jan".into(),
                by: Some("Ada".into()),
            },
            AccDisplayNameInvalid,
            // ---- expiry notifications ----
            NotPanelTitle,
            NotBellFailed,
            NotLoadFailed,
            NotLoading,
            NotEmpty,
            NotMilestone(api_types::Milestone::Days10),
            NotMilestone(api_types::Milestone::Days5),
            NotMilestone(api_types::Milestone::Expired),
            NotImpact(crate::domain::notifications::Impact {
                expired: false,
                streams: 2,
                fallback: Some("lfqa".into()),
                search_stops: false,
                rights_requests: 1,
            }),
            NotImpact(crate::domain::notifications::Impact {
                expired: true,
                streams: 1,
                fallback: None,
                search_stops: true,
                rights_requests: 0,
            }),
            NotImpact(crate::domain::notifications::Impact {
                expired: false,
                streams: 0,
                fallback: None,
                search_stops: false,
                rights_requests: 0,
            }),
            NotUnread,
            NotResolved,
            NotSent("1 Jan".into()),
            NotMarkRead,
            NotMarkAllRead,
            NotDismiss,
            NotOpenAccount,
            NotActionFailed,
            NotMarkedRead,
            NotDismissed,
            NotBannerTitle(1),
            NotBannerTitle(3),
            NotBannerIntro {
                expired: 1,
                reauth: 2,
                expiring: 3,
            },
            NotBannerExpired,
            NotBannerReauth,
            NotBannerExpiring(1),
            NotBannerExpiring(5),
            NotBannerShow("danni".into()),
            NotBannerShowAll(303),
            NotBannerShowFewer,
            // ---- rights requests
            RightsRequestAction,
            RightsDialogTitle,
            RightsDialogPost("sunny.days".into()),
            RightsReopening,
            RightsReopenFailed,
            RightsTabRequest,
            RightsTabGrant,
            RightsAccountLegend,
            RightsAccountDefault,
            RightsAccountDeleted,
            RightsNoAccounts,
            RightsMessageLabel,
            RightsPlaceholderHelp,
            CharsLeft {
                left: 40,
                shown: "40".into(),
            },
            CharsLeft {
                left: -3,
                shown: "3".into(),
            },
            CharsLimitNote(SocialNetwork::Twitter),
            RightsPreviewLabel,
            RightsUseDefault("lfqa rights".into()),
            RightsMessageEmpty,
            RightsPlaceholderMissing("{termsLink}".into()),
            RightsPlaceholderUnknown("{Handle}".into()),
            RightsMessageTooLong(3),
            RightsFixBeforeSending,
            RightsTokenExpired {
                account: "Instagram rights".into(),
                handle: "hurray".into(),
                network: SocialNetwork::Instagram,
            },
            RightsTokenRevoked {
                account: "Twitter rights".into(),
                handle: "brand".into(),
                network: SocialNetwork::Twitter,
            },
            RightsAccountGone("lfqa rights".into()),
            RightsRequesting,
            RightsRequestedSent("sunny.days".into()),
            RightsRequestedInstagram("sunny.days".into()),
            RightsInstagramNote,
            RightsCopied,
            RightsCopiedOpenPost,
            RightsCopyFailed,
            RightsGrantNoteLabel,
            RightsGrantWarning,
            RightsGrant,
            RightsGranted,
            RightsNoteRequired,
            RightsNoteTooLong(2000),
            RightsStatusLabel(RightsStatus::Requested),
            RightsStatusLabel(RightsStatus::Granted),
            RightsStatusLabel(RightsStatus::NeedsReview),
            RightsStatusLabel(RightsStatus::Expired),
            RightsStatusLabel(RightsStatus::RequestFailed),
            RightsStatusLabel(RightsStatus::RequestPending),
            RightsStatusNone,
            ActivityHeading,
            ActivityEmpty,
            ActivityRequested(Some("lfqa rights".into())),
            ActivityReplied,
            ActivityStatusChanged(RightsStatus::NeedsReview),
            ActivityGranted,
            ActivityError {
                account: Some("Instagram rights".into()),
                revoked: false,
                token: true,
            },
            ActivityBy("Cas Curator".into()),
            ActivityBySystem,
            SavedAssets,
            AssetsEmpty,
            AssetsSavedBy {
                name: "Cas".into(),
                date: "1 Jan".into(),
            },
            AssetsCount(3),
            // embedding (issue 11)
            ConfigProblem(ConfigError::Unreadable("EOF".into())),
            ConfigProblem(ConfigError::ApiBase("api".into())),
            ConfigProblem(ConfigError::BasePath("x".into())),
            ConfigProblem(ConfigError::Locale("fr".into())),
            ConfigProblem(ConfigError::Mode("popup".into())),
            ConfigProblem(ConfigError::HostOrigin("*".into())),
            ConfigProblem(ConfigError::HostElement("1".into())),
            ConfigProblem(ConfigError::HostElementMissing("root".into())),
            ConfigProblem(ConfigError::Theme("--stc-x".into(), true)),
            ConfigProblem(ConfigError::Theme("--stc-x".into(), false)),
            ConfigProblem(ConfigError::NotLoaded("/config.json".into(), Some(404))),
            ConfigProblem(ConfigError::NotLoaded("/config.json".into(), None)),
            ConfigProblem(ConfigError::NoDocument),
            // ---- Rights Management (RR-9)
            RmIntro,
            RmNoAccessTitle,
            RmNoAccess("Ada Admin".into()),
            RmNoAccess(String::new()),
            RmAdd,
            RmEmpty,
            RmEdit,
            RmField(Field::DisplayName),
            RmField(Field::SocialAccount),
            RmField(Field::ApprovalHashtag),
            RmField(Field::TermsUrl),
            RmField(Field::DefaultTemplate),
            RmTokenLabel,
            // RmStatusLabel: "Status" is Dutch too.
            RmEnabledYes,
            RmEnabledNo,
            RmDefaultLabel,
            RmIsDefault(SocialNetwork::Twitter),
            RmNotDefault,
            RmLinked {
                handle: "lfqa".into(),
                network: SocialNetwork::InstagramBusiness,
            },
            RmLinkedMissing,
            RmTermsNotLink,
            RmEditTitle("lfqa rights".into()),
            RmAddTitle,
            RmAccountOption {
                handle: "hurray".into(),
                network: SocialNetwork::Instagram,
                state: Box::new(AccStateExpired),
            },
            RmChooseAccount,
            RmFieldEnabled,
            RmFieldDefault(Some(SocialNetwork::Instagram)),
            RmFieldDefault(None),
            RmHashtagHelp,
            RmTermsHelp,
            RmPlaceholdersIntro,
            RmPlaceholder("handle"),
            RmPlaceholder("grantTag"),
            RmPlaceholder("termsLink"),
            CharsLeft {
                left: 1,
                shown: "1".into(),
            },
            CharsLeft {
                left: 2_040,
                shown: "2,040".into(),
            },
            CharsLeft {
                left: -3,
                shown: "3".into(),
            },
            CharsLimitNote(SocialNetwork::Instagram),
            CharsLimitNote(SocialNetwork::InstagramBusiness),
            RmSave,
            RmSaving,
            RmSaved("x".into()),
            RmAdded("x".into()),
            RmSummary(1),
            RmSummary(2),
            RmNotSaved,
            RmProblem(Problem::Required(Field::DisplayName)),
            RmProblem(Problem::Required(Field::SocialAccount)),
            RmProblem(Problem::Required(Field::ApprovalHashtag)),
            RmProblem(Problem::Required(Field::TermsUrl)),
            RmProblem(Problem::Required(Field::DefaultTemplate)),
            RmProblem(Problem::TooLong(Field::DisplayName, 100)),
            RmProblem(Problem::InvalidHashtag),
            RmProblem(Problem::NotHttps),
            RmProblem(Problem::NoSuchAccount),
            RmProblem(Problem::MissingPlaceholder("{termsLink}".into())),
            RmProblem(Problem::UnknownPlaceholder("{grantTAG}".into())),
            RmProblem(Problem::MessageTooLong {
                network: SocialNetwork::Twitter,
                over: 4,
            }),
            RmProblem(Problem::MessageTooLong {
                network: SocialNetwork::Twitter,
                over: 0,
            }),
            RmProblem(Problem::Other(Field::TermsUrl)),
            RmAccountsFailed,
            RmNewTemplate,
        ]
    }

    #[test]
    fn i18n_1_dutch_is_translated_not_copied() {
        for m in samples() {
            let en = text(Locale::En, &m);
            let nl = text(Locale::Nl, &m);
            assert!(!en.trim().is_empty(), "{m:?} empty in English");
            assert!(!nl.trim().is_empty(), "{m:?} empty in Dutch");
            assert_ne!(en, nl, "{m:?} is not translated");
        }
        for w in [Msg2::RoleAdmin, Msg2::RoleModerator, Msg2::RoleCurator] {
            assert!(!nl::word(w).is_empty());
        }
    }

    #[test]
    fn i18n_1_dutch_verbs_agree_with_one_stream() {
        let one = crate::domain::notifications::Impact {
            expired: false,
            streams: 1,
            fallback: None,
            search_stops: false,
            rights_requests: 0,
        };
        assert!(text(Locale::Nl, &Msg::NotImpact(one.clone())).starts_with("1 stream stopt"));
        let two = crate::domain::notifications::Impact { streams: 2, ..one };
        assert!(text(Locale::Nl, &Msg::NotImpact(two)).starts_with("2 streams stoppen"));
    }

    #[test]
    fn i18n_1_counts_take_the_right_plural() {
        assert_eq!(
            text(Locale::En, &Msg::NotificationsUnread(1)),
            "Notifications, 1 unread"
        );
        assert_eq!(
            text(Locale::En, &Msg::NotificationsUnread(2)),
            "Notifications, 2 unread"
        );
        assert_eq!(
            text(Locale::En, &Msg::NotificationsUnread(0)),
            "Notifications, none unread"
        );
        assert_eq!(
            text(Locale::Nl, &Msg::NotificationsUnread(2)),
            "Meldingen, 2 ongelezen"
        );
    }
}
