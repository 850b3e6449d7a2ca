//! English catalog. One arm per message: the compiler rejects a missing one.

use std::borrow::Cow;

use api_types::{MediaFilter, SearchType};

use api_types::{InvalidationReason, RightsStatus, SocialNetwork};

use super::{FailureReason, Msg, Msg2};
use crate::domain::rights_settings::{Field, Problem};
use crate::domain::search::QueryProblem;

pub fn text(msg: &Msg) -> Cow<'static, str> {
    use Msg::*;
    Cow::Borrowed(match msg {
        ProductName => "Livefyre",
        SkipToContent => "Skip to content",
        MainNavigation => "Console",
        TabLibrary => "Library",
        TabStreams => "Streams",
        TabSettings => "Settings",
        NetworkSettings => "Network Settings",
        SettingsNavigation => "Network settings sections",
        RightsManagement => "Rights Management",
        SocialAccounts => "Social Accounts",
        SocialSearch => "Social Search",
        Instagram => "Instagram",
        NotificationsUnread(0) => "Notifications, none unread",
        NotificationsUnread(n) => return format!("Notifications, {n} unread").into(),
        SignedInAs { name, role } => {
            return format!("Signed in as {name} ({})", word(*role)).into()
        }
        NetworkLabel(name) => return format!("Network: {name}").into(),
        Language => "Language",
        LanguageNotLoaded(n) => return format!("{n} could not be loaded. Check your connection and choose it again.").into(),
        FooterHelp => "Help",
        FooterTerms => "Terms of Use",
        FooterPrivacy => "Privacy Policy",
        Loading => "Loading…",
        NotBuiltYet => "Not built yet",
        NotBuiltYetBody => "This screen has its place in the console but is not built yet.",
        ScreenNotLoaded => "This screen could not be loaded. Check your connection and try again.",
        PanelNotLoaded => "The details of this account could not be loaded. Check your connection and try again.",
        NotPanelNotLoaded => "The notifications could not be shown. Check your connection and try again.",
        NotFoundTitle => "Page not found",
        NotFoundBody => "There is no page at this address. It may have moved, or the link is incomplete.",
        NotFoundBack => "Go to Social Accounts",
        Retry => "Try again",
        SignIn => "Sign in",
        ConfigInvalidTitle => "The console could not start",
        AppNotLoaded => "Its code could not be loaded. Check your connection and try again.",
        ConfigInvalidBody(detail) => {
            return format!("Its configuration is missing or wrong: {detail}").into()
        }
        ErrOffline => "The console could not reach the server. Check your connection and try again.",
        ErrTimeout => "The server took too long to answer. Try again in a moment.",
        ErrSessionEnded => "You are not signed in to the console, or your session has ended. Sign in to continue; nothing you typed here is lost.",
        ErrForbidden => "Your role does not allow this. Ask a network admin.",
        ErrNotFound => "This item no longer exists. It may have been deleted by someone else.",
        ErrConflict => "Someone changed this at the same time. Reload to see the latest, then try again.",
        ErrValidation => "Some of what was entered is not valid. Check the highlighted fields.",
        ErrRateLimited => "The social network's rate limit was reached. This is not an expired token; try again later.",
        ErrTokenExpired => "The token of this social account has expired. Refresh the token to use it again.",
        ErrTokenRevoked => "This social account needs to be authorized again. Refresh the token to reconnect it.",
        ErrIdentityMismatch => "A different account was authorized than the one being refreshed. Nothing was changed.",
        ErrPayloadTooLarge => "That is too much text to send at once. Shorten it and try again.",
        ErrServer => "The server had a problem. This is temporary and does not change any token. Try again.",
        ErrUndecodable => "The server sent an answer the console could not read. Try again.",
        ErrUnexpected(status) => {
            return format!("The server answered unexpectedly (HTTP {status}). Try again.").into()
        }
        // ---- Instagram search (issue 6: SRCH-1..10) and the token refresh it offers (OAUTH)
        SearchFormLabel => "Instagram search",
        SearchTypeLabel => "Search type",
        SearchTypeName(t) => match t {
            SearchType::BusinessUser => "Business User Search",
            SearchType::TopTags => "Top Tags Search",
            SearchType::RecentTags => "Recent Tags Search",
        },
        SearchTermHashtag => "Hashtag",
        SearchTermUsername => "Username",
        SearchHintHashtag => "With or without #: letters, digits and _, up to 100 characters.",
        SearchHintUsername => "An Instagram Business account's username, with or without @: letters, digits, . and _, up to 30 characters.",
        SearchButton => "Search",
        ShowFilter => "Show Filter",
        HideFilter => "Hide Filter",
        MediaFilterLabel => "Media",
        MediaFilterName(m) => match m {
            MediaFilter::All => "All Content",
            MediaFilter::Photos => "Photos Only",
            MediaFilter::Videos => "Videos Only",
        },
        SearchInvalid(p) => match p {
            QueryProblem::EmptyHashtag => "Enter a hashtag to search for.",
            QueryProblem::EmptyUsername => "Enter a username to search for.",
            QueryProblem::HashtagCharacters => "A hashtag can only contain letters, digits and _ (after an optional #). Remove spaces and other characters.",
            QueryProblem::HashtagTooLong => "A hashtag can be at most 100 characters long.",
            QueryProblem::UsernameCharacters => "A username can only contain letters (a–z), digits, . and _ (after an optional @).",
            QueryProblem::UsernameTooLong => "A username can be at most 30 characters long.",
        },
        SearchPrompt => "Choose a search type, type a hashtag or a username, and press Search.",
        Searching => "Searching Instagram…",
        SearchResultsHeading => "Results",
        SearchedWith(h) => return format!("Searched with @{h}").into(),
        SearchShowingCount(1) => "1 post shown",
        SearchShowingCount(n) => return format!("{n} posts shown").into(),
        SearchNoResults => "No posts match this search.",
        SearchSkippedExpired(h) => return format!("@{h} was skipped: its token has expired.").into(),
        SearchSkippedRevoked(h) => return format!("@{h} was skipped: it must be authorized again.").into(),
        SearchSkippedRateLimited(h) => return format!("@{h} was skipped: it reached Instagram's rate limit (not an expired token).").into(),
        LoadMore => "Load more",
        LoadingMore => "Loading more…",
        SearchAllExpired => "Every Instagram account's token has expired, so this search could not run. Refresh a token to search again; nothing else is affected.",
        SearchNoneLeft => "No Instagram account can run this search right now: each one has an expired token or has reached Instagram's rate limit.",
        SearchNoAccountTags => "No Instagram account is connected, so there is nothing to search with.",
        SearchNoAccountBusiness => "Business User Search needs an Instagram Business account, and none is connected.",
        SearchOpenSocialAccounts => "Go to Social Accounts",
        SearchAgain => "Search again",
        SearchAgainWith(h) => return format!("Search again with @{h}").into(),
        SearchRefreshedOffer(h) => return format!("The token of @{h} was refreshed, so the search can use it again.").into(),
        PostImageAlt { video: false, handle } => return format!("Photo posted by @{handle}").into(),
        PostImageAlt { video: true, handle } => return format!("Video posted by @{handle}").into(),
        PostImageNotShown => "Image not shown: its address is not safe.",
        PostVideo => "Video",
        PostLikes(1, _) => "1 like",
        PostLikes(_, shown) => return format!("{shown} likes").into(),
        PostComments(1, _) => "1 comment",
        PostComments(_, shown) => return format!("{shown} comments").into(),
        ViewDetails => "View Details",
        Save => "Save",
        Saving => "Saving…",
        Saved => "Saved",
        PostDetailsTitle => "Post details",
        Close => "Close",
        DetailsAuthor => "Author",
        DetailsName => "Name",
        DetailsUsername => "Username",
        DetailsContent => "Content",
        DetailsCaption => "Caption",
        DetailsHashtags => "Hashtags",
        DetailsPosted => "Posted",
        DetailsMedia => "Media",
        MediaTypeName { video: false } => "Photo",
        MediaTypeName { video: true } => "Video",
        DetailsLikes => "Likes",
        DetailsComments => "Comments",
        DetailsOpenOnInstagram => "Open on Instagram",
        OpensInNewTab => "(opens in a new tab)",
        DetailsLinkNotShown => "No link: the post's address is not a secure https address.",
        TokenPopupRegion => "Notices about search accounts",
        TokenPopupTitleExpired => "Instagram token expired",
        TokenPopupTitleRevoked => "Instagram account needs re-authorization",
        TokenPopupTitleRateLimited => "Instagram rate limit reached",
        TokenPopupExpired(h) => return format!("The Instagram token of @{h} has expired.").into(),
        TokenPopupRevoked(h) => return format!("The Instagram token of @{h} is no longer valid: the account must be authorized again.").into(),
        TokenPopupRateLimited { handle, resets_at: Some(at) } => return format!("@{handle} has reached Instagram's rate limit. This is not an expired token; the limit resets at {at}.").into(),
        TokenPopupRateLimited { handle, resets_at: None } => return format!("@{handle} has reached Instagram's rate limit. This is not an expired token; the limit resets later.").into(),
        TokenPopupTrying(h) => return format!("Trying @{h} instead…").into(),
        TokenPopupUsedInstead(h) => return format!("The search used @{h} instead.").into(),
        TokenPopupNoneInstead => "No other Instagram account could run the search.",
        TokenPopupStopped => "The search stopped before another account answered.",
        TokenPopupClose(h) => return format!("Close the notice about @{h}").into(),
        AskAdmin(names) => return format!("Ask an admin to refresh it: {names}.").into(),
        // ---- Streams (STR) and token refresh (TOK-4, OAUTH): issue 8
        StreamsIntro => "Each stream collects content from a social network into an app or a folder, through one connected account. When that account's access expires or is revoked, the stream stops until the access is refreshed or the stream uses another account.",
        StreamsEmpty => "This network has no streams yet.",
        StreamDestination => "Destination",
        StreamDestinationApp(name) => return format!("App: {name}").into(),
        StreamDestinationFolder(name) => return format!("Folder: {name}").into(),
        StreamRules => "Rules",
        StreamRulesSummary { network: n, terms } => {
            return if terms.is_empty() {
                format!("{}, no hashtags or handles", network(*n))
            } else {
                format!("{}: {}", network(*n), terms.join(", "))
            }
            .into()
        }
        StreamAccount => "Account",
        StreamAccountNone => "None: the account was deleted",
        StreamStatusLabel => "Status",
        StreamRunning => "Running",
        StreamStopped => "Stopped",
        StreamStopTokenExpired { network: n, handle, date } => {
            return format!("The {} token of @{handle} expired on {date}.", network(*n)).into()
        }
        StreamStopNeedsReauth { network: n, handle, reason, date } => {
            let n = network(*n);
            return match reason {
                Some(InvalidationReason::Revoked) => format!(
                    "The {n} token of @{handle} needs re-authorization: access was revoked on {date}."
                ),
                Some(InvalidationReason::PasswordChanged) => format!(
                    "The {n} token of @{handle} needs re-authorization: the account's password was changed on {date}."
                ),
                Some(InvalidationReason::AppRemoved) => format!(
                    "The {n} token of @{handle} needs re-authorization: the app was removed from the account on {date}."
                ),
                Some(InvalidationReason::SessionInvalid) => format!(
                    "The {n} token of @{handle} needs re-authorization: {n} ended the session on {date}."
                ),
                Some(InvalidationReason::Other) | None => {
                    format!("The {n} token of @{handle} needs re-authorization since {date}.")
                }
            }
            .into();
        }
        StreamStopAccountDeleted { network: n, handle, date } => {
            return format!(
                "The {} account @{handle} that fed this stream was deleted on {date}.",
                network(*n)
            )
            .into()
        }
        StreamStopOther { date: Some(date) } => {
            return format!("This stream stopped on {date}.").into()
        }
        StreamStopOther { date: None } => "This stream has stopped.",
        StreamGapNote { from, to } => {
            return format!(
                "Running again. Content posted while it was stopped ({from} – {to}) is not filled in."
            )
            .into()
        }
        StreamsAttentionTitle(1) => "1 stream needs attention",
        StreamsAttentionTitle(n) => return format!("{n} streams need attention").into(),
        StreamsAttentionIntro { stopped, stopping } => {
            return format!("Stopped: {stopped}. Will stop within 10 days: {stopping}.").into()
        }
        StreamsAttentionStopped => "stopped",
        StreamsAttentionStopping(1) => "stops within 1 day",
        StreamsAttentionStopping(n) => return format!("stops in {n} days").into(),
        StreamsAttentionGoTo(name) => return format!("Go to {name}").into(),
        StreamExpiring { network: n, handle, days_left: 1, date } => {
            return format!(
                "The {} token of @{handle} expires within 1 day, on {date}. The stream stops then unless the token is refreshed.",
                network(*n)
            )
            .into()
        }
        StreamExpiring { network: n, handle, days_left, date } => {
            return format!(
                "The {} token of @{handle} expires in {days_left} days, on {date}. The stream stops then unless the token is refreshed.",
                network(*n)
            )
            .into()
        }
        StreamAskAdmin(names) if names.is_empty() => {
            "You cannot fix this yourself. Ask a network admin."
        }
        StreamAskAdmin(names) => return format!("Ask an admin: {}", names.join(", ")).into(),
        StreamSwitchAccount => "Switch account",
        StreamSwitchTitle(name) => return format!("Switch the account of {name}").into(),
        StreamSwitchIntro(n) => {
            return format!(
                "Choose another {} account with a valid token. The stream runs again with it at once; content posted while it was stopped is not filled in.",
                network(*n)
            )
            .into()
        }
        StreamSwitchLegend(n) => {
            return format!("{} accounts with a valid token", network(*n)).into()
        }
        StreamSwitchConfirm(handle) => return format!("Switch to @{handle}").into(),
        StreamSwitching => "Switching…",
        StreamSwitchNone(n) => {
            let n = network(*n);
            return format!(
                "No other {n} account has a valid token. Refresh this token instead, or connect another {n} account in Social Accounts."
            )
            .into();
        }
        StreamSwitchRefused(handle) => {
            return format!(
                "The token of @{handle} is no longer valid, so the stream cannot use it. Choose another account."
            )
            .into()
        }
        StreamSwitched { stream, handle } => {
            return format!("{stream} now uses @{handle} and is running.").into()
        }
        Cancel => "Cancel",
        CandidateActiveUntil(date) => return format!("Active · expires on {date}").into(),
        CandidateActiveNoExpiry => "Active · does not expire",
        CandidateExpiresIn(1) => "Expires in 1 day",
        CandidateExpiresIn(n) => return format!("Expires in {n} days").into(),
        NetworkName(n) => network(*n),
        RefreshToken => "Refresh Token",
        Refreshing => "Refreshing…",
        RefreshWaiting(n) => {
            return format!(
                "Finish the authorization in the {} window. This page updates when you are done.",
                provider(*n)
            )
            .into()
        }
        RefreshDone { handle } => return format!("The token of @{handle} was refreshed.").into(),
        RefreshCancelled => "Authorization was cancelled.",
        RefreshDenied { network: n } => {
            return format!(
                "The authorization was denied at {}. Nothing was changed.",
                provider(*n)
            )
            .into()
        }
        RefreshIdentityMismatch { network: n, expected, authorized: Some(authorized) } => {
            let p = provider(*n);
            return format!(
                "{p} authorized @{authorized}, but this token belongs to @{expected}. Nothing was changed. Sign out of @{authorized} at {p}, or switch to @{expected} there, then refresh again."
            )
            .into();
        }
        RefreshIdentityMismatch { network: n, expected, authorized: None } => {
            let p = provider(*n);
            return format!(
                "{p} authorized a different account than @{expected}. Nothing was changed. Sign in to {p} as @{expected}, then refresh again."
            )
            .into();
        }
        RefreshFlowExpired => "The authorization was not finished within 15 minutes. Nothing was changed; refresh again to start over.",
        RefreshPopupBlocked(n) => {
            return format!(
                "Your browser blocked the {} authorization window. Allow pop-ups for this console, or continue in this tab: you come back to this page afterwards.",
                provider(*n)
            )
            .into()
        }
        RefreshContinueHere => "Continue in this tab",

        // ---- social accounts (ACC, TOK, OAUTH): issue 4 ----
        AccTwitterAccounts => "Twitter Accounts",
        AccInstagramAccounts => "Instagram Accounts",
        AccBusinessAccounts => "Instagram Business Accounts",
        AccBusinessInfoBefore => "For information about Instagram Business Accounts, view the ",
        AccBusinessInfoLink => "documentation",
        AccBusinessInfoAfter => ".",
        AccOpensInNewTab => "(opens in a new tab)",
        AccSectionEmpty(n) => {
            return format!("No {} accounts are connected yet.", network(*n)).into()
        }
        AccAddAccount => "Add Account",
        AccAdding => "Adding…",
        AccDetailsFor(name) => return format!("Details for {name}").into(),
        AccStateActive(Some(date)) => return format!("Active · expires on {date}").into(),
        AccStateActive(None) => "Active · does not expire",
        AccStateExpiring(1) => "Expires in 1 day",
        AccStateExpiring(n) => return format!("Expires in {n} days").into(),
        AccStateExpired => "Expired",
        AccStateNeedsReauth(r) => {
            return format!("Needs re-authorization: {}", reason(*r)).into()
        }
        AccSocialAccount => "Social Account",
        AccDisplayName => "Display name",
        AccDisplayNameHelp => "Enter an internal name to help identify your Social Account.",
        AccDisplayNameTooLong => "The display name can be at most 100 characters long.",
        AccDisplayNameInvalid => "The display name cannot contain control characters such as line breaks.",
        AccSaveSettings => "Save Settings",
        AccSaving => "Saving…",
        AccSaved => "Settings saved.",
        AccDelete => "Delete",
        AccMoveUp => "Move up",
        AccMoveDown => "Move down",
        AccOrderHeading => "Search fallback order",
        AccOrderPlace { place, of } => {
            return format!("Place {place} of {of} in this section. Searches use the first account that works.").into()
        }
        AccMovedTo { name, place, of } => {
            return format!("{name} is now place {place} of {of}.").into()
        }
        AccTokenHeading => "Token details",
        AccExpiresAtLabel => "Expires",
        AccDoesNotExpire => "Does not expire (Twitter OAuth 1.0a)",
        AccStateLabel => "State",
        AccLastRefreshLabel => "Last refreshed",
        AccLastRefreshValue { when, by: Some(by) } => return format!("{when} by {by}").into(),
        AccLastRefreshValue { when, by: None } => return when.clone().into(),
        AccNeverRefreshed => "Not refreshed since it was connected",
        AccConnectedLabel => "Connected",
        AccConnectedValue { when, by: Some(by) } => return format!("{when} by {by}").into(),
        AccConnectedValue { when, by: None } => return when.clone().into(),
        AccDependsHeading => "What depends on this account",
        AccDepStreams { count: 0, .. } => "It feeds no streams.",
        AccDepStreams { count: 1, names } => return format!("It feeds 1 stream: {names}.").into(),
        AccDepStreams { count, names } => {
            return format!("It feeds {count} streams: {names}.").into()
        }
        AccDepSearchRank(n) => {
            return format!("Place {n} in the Instagram search fallback order.").into()
        }
        AccDepNoSearch => "Instagram search does not use it.",
        AccDepFallback(h) => {
            return format!("If it stops working, Instagram search uses @{h} instead.").into()
        }
        AccDepNoFallback => "If it stops working, no other Instagram account can take over search.",
        AccDepRights(0) => "No open rights requests are tracked through it.",
        AccDepRights(1) => "1 open rights request is tracked through it.",
        AccDepRights(n) => {
            return format!("{n} open rights requests are tracked through it.").into()
        }
        AccHistoryHeading => "Token history",
        AccHistoryEmpty => "No token events yet.",
        AccHistConnected(Some(by)) => return format!("Connected by {by}").into(),
        AccHistConnected(None) => "Connected",
        AccHistRefreshed(Some(by)) => return format!("Token refreshed by {by}").into(),
        AccHistRefreshed(None) => "Token refreshed",
        AccHistRefreshFailed { by: Some(by), why } => {
            return format!("Refresh by {by} failed: {}", failure(*why)).into()
        }
        AccHistRefreshFailed { by: None, why } => {
            return format!("Refresh failed: {}", failure(*why)).into()
        }
        AccHistWarning(Some(n)) => return format!("Expiry warning sent: {n} days left").into(),
        AccHistWarning(None) => "Expiry warning sent",
        AccHistExpired => "Token expired",
        AccHistRevoked(r) => return format!("Access invalidated: {}", reason(*r)).into(),
        AccHistReconnected(Some(by)) => return format!("Reconnected by {by}").into(),
        AccHistReconnected(None) => "Reconnected",
        AccHistOther => "Other token event",
        AccAskAdmin(names) if names.is_empty() => "Ask a network admin.",
        AccAskAdmin(names) => return format!("Ask an admin: {names}").into(),
        AccAskAdminToManage(names) if names.is_empty() => {
            "To rename, reorder, add or delete accounts, ask a network admin."
        }
        AccAskAdminToManage(names) => {
            return format!("To rename, reorder, add or delete accounts, ask an admin: {names}").into()
        }
        AccCuratorNote(names) if names.is_empty() => {
            "You can see every account's token. To fix one, ask a network admin."
        }
        AccCuratorNote(names) => {
            return format!("You can see every account's token. To fix one, ask an admin: {names}").into()
        }
        AccDeleteTitle(name) => return format!("Delete {name}?").into(),
        AccDeleteStreams { count: 0, .. } => "No streams use this account.",
        AccDeleteStreams { count: 1, names } => {
            return format!("1 stream will stop: {names}.").into()
        }
        AccDeleteStreams { count, names } => {
            return format!("{count} streams will stop: {names}.").into()
        }
        AccDeleteRights(0) => "No open rights requests are tracked through it.",
        AccDeleteRights(1) => "1 open rights request will no longer be tracked.",
        AccDeleteRights(n) => {
            return format!("{n} open rights requests will no longer be tracked.").into()
        }
        AccDeleteSearch(Some(h)) => {
            return format!("Instagram search will use @{h} instead.").into()
        }
        AccDeleteSearch(None) => "No other Instagram account can take over search.",
        AccDeleteForever => "The account, its token and its token history are removed. To use it again, add it again.",
        AccDeleteConfirm => "Delete account",
        AccDeleting => "Deleting…",
        AccCancel => "Cancel",
        AccDeleted { name, stopped: 0 } => return format!("{name} was deleted.").into(),
        AccDeleted { name, stopped: 1 } => {
            return format!("{name} was deleted. 1 stream stopped.").into()
        }
        AccDeleted { name, stopped } => {
            return format!("{name} was deleted. {stopped} streams stopped.").into()
        }
        AccOauthRefreshed(Some(date)) => {
            return format!("Token refreshed. It now expires on {date}.").into()
        }
        AccOauthRefreshed(None) => "The token is valid and does not expire: nothing needed refreshing.",
        AccOauthConnected(h) => return format!("@{h} is connected.").into(),
        AccOauthAlreadyConnected(h) => {
            return format!("@{h} was already connected: its token was refreshed instead of adding it twice.").into()
        }
        AccOauthFlowExpired => "The authorization was not finished within 15 minutes and has expired. Nothing was changed; try again.",
        AccOauthBlocked { adding: false } => "The browser blocked the authorization window. Allow pop-ups for this site and try again, or continue in this tab: you will come back to this account afterwards.",
        AccOauthBlocked { adding: true } => "The browser blocked the authorization window. Allow pop-ups for this site and try again, or continue in this tab: you will come back to this page afterwards.",
        AccOauthCheckAgain => "Check again",
        // ---- end of social accounts ----
        // ---- expiry notifications (issue 5) ----
        NotPanelTitle => "Expiry notifications",
        NotBellFailed => "Notifications could not be loaded",
        NotLoadFailed => "Notifications could not be loaded. The rest of the console works as usual.",
        NotLoading => "Loading notifications…",
        NotEmpty => "No notifications. You will be told 10 and 5 days before a token expires.",
        NotMilestone(api_types::Milestone::Days10) => "expires in 10 days",
        NotMilestone(api_types::Milestone::Days5) => "expires in 5 days",
        NotMilestone(api_types::Milestone::Expired) => "expired",
        NotImpact(i) => return impact(i).into(),
        NotUnread => "Unread",
        NotResolved => "Resolved: the token was refreshed",
        NotSent(when) => return format!("Sent {when}").into(),
        NotMarkRead => "Mark as read",
        NotMarkAllRead => "Mark all as read",
        NotDismiss => "Dismiss",
        NotOpenAccount => "Open account",
        NotActionFailed => "That did not work. Check the connection and try again.",
        NotMarkedRead => "Marked as read.",
        NotDismissed => "Notification dismissed.",
        NotBannerTitle(1) => "1 account needs attention",
        NotBannerTitle(n) => return format!("{n} accounts need attention").into(),
        NotBannerIntro { expired, reauth, expiring } => return format!("Expired: {expired}. Needs re-authorization: {reauth}. Expiring within 10 days: {expiring}.").into(),
        NotBannerExpired => "expired",
        NotBannerReauth => "needs re-authorization",
        NotBannerExpiring(1) => "expires within 1 day",
        NotBannerExpiring(n) => return format!("expires in {n} days").into(),
        NotBannerShow(h) => return format!("Show @{h}").into(),
        NotBannerShowAll(n) => return format!("Show all {n}").into(),
        NotBannerShowFewer => "Show the most urgent only",
        // ---- end of expiry notifications ----
        // ---- Rights requests (issue 7) ----
        RightsRequestAction => "Request Rights",
        RightsReopening => "Opening the post again…",
        RightsReopenFailed => "The Rights options of this post could not be opened again. What you typed for it is kept.",
        RightsDialogTitle => "Rights options",
        RightsDialogPost(h) => return format!("Post by @{h}").into(),
        RightsTabRequest => "Manually request rights",
        RightsTabGrant => "Manually grant rights",
        RightsTabs => "How to get the rights",
        RightsAccountLegend => "Send from rights account",
        RightsAccountDefault => "default",
        RightsAccountDeleted => "Its social account was deleted",
        RightsAccountsLoading => "Loading rights accounts…",
        RightsNoAccounts => "There are no rights accounts to send from. Admins and Moderators set them up in Settings › Rights Management.",
        RightsOpenRightsManagement => "Open Rights Management",
        RightsMessageLabel => "Message",
        RightsPlaceholderHelp => "Write {handle} for the author's username, {grantTag} for the approval hashtag and {termsLink} for the terms link; they are filled in when the message is sent.",
        CharsLeft { left: 1, .. } => "1 character remaining",
        CharsLeft { left, shown } if *left >= 0 => return format!("{shown} characters remaining").into(),
        CharsLeft { left: -1, .. } => "1 character too many",
        CharsLeft { shown, .. } => return format!("{shown} characters too many").into(),
        CharsLimitNote(SocialNetwork::Twitter) => "Twitter allows 280; an emoji counts as 2 and a link as 23.",
        CharsLimitNote(n) => return format!("{} allows 2,200.", network(*n)).into(),
        RightsPreviewLabel => "The message as it will be sent",
        RightsUseDefault(name) => return format!("Use the default message of {name}").into(),
        RightsMessageEmpty => "Write a message.",
        RightsPlaceholderMissing(p) => return format!("The message must contain {p}.").into(),
        RightsPlaceholderUnknown(w) => return format!("“{w}” is not a placeholder; use {{handle}}, {{grantTag}} or {{termsLink}} (spelled exactly so).").into(),
        RightsMessageTooLong(1) => "The message is 1 character too long.",
        RightsMessageTooLong(n) => return format!("The message is {n} characters too long.").into(),
        RightsFixBeforeSending => "Fix the message before sending:",
        RightsTokenExpired { account, handle, network: n } => return format!("The {} token of @{handle} ({account}) has expired. Select another account, or refresh the token, then click Request Rights again.", network(*n)).into(),
        RightsTokenRevoked { account, handle, network: n } => return format!("The {} token of @{handle} ({account}) is no longer valid: it must be authorized again. Select another account, or refresh the token, then click Request Rights again.", network(*n)).into(),
        RightsAccountGone(name) => return format!("{name} cannot send: its social account was deleted. Select another account.").into(),
        RightsRequesting => "Requesting…",
        RightsRequestedSent(h) => return format!("Rights requested: the message was sent to @{h}.").into(),
        RightsRequestedInstagram(h) => return format!("Rights request recorded for @{h}. Instagram does not let us comment for you: copy the message and post it as a comment on the post.").into(),
        RightsInstagramNote => "Instagram does not allow Livefyre to post comments on your behalf or to follow replies from a specific user. Request Rights records the request; Copy puts the message on your clipboard to paste as a comment on the post.",
        RightsCopy => "Copy",
        RightsCopied => "Message copied to the clipboard. Paste it in the comments of the Instagram post.",
        RightsCopiedOpenPost => "Open the post on Instagram",
        RightsCopyFailed => "The message could not be copied. It is selected in the box: press Ctrl+C (⌘C on a Mac) to copy it.",
        RightsGrantNoteLabel => "Why are the rights granted? (required)",
        RightsGrantNoteHelp => "For example: “Signed release received by e-mail on 25 November (ticket #4411)”. Everyone who opens this post sees the note.",
        RightsGrantWarning => "Granting rights states that your brand holds the rights to use this content without a reply from its author. Only grant them when you have that permission in writing.",
        RightsGrant => "Grant",
        RightsGranting => "Granting…",
        RightsGranted => "Rights granted. The note is in the Activity History.",
        RightsNoteRequired => "Write why the rights are granted.",
        RightsNoteTooLong(n) => return format!("The note is longer than {n} characters.").into(),
        RightsStatusLabel(s) => match s {
            RightsStatus::Requested => "Requested",
            RightsStatus::Granted => "Granted",
            RightsStatus::NeedsReview => "Needs Review",
            RightsStatus::Expired => "Expired",
            RightsStatus::RequestFailed => "Request Failed",
            RightsStatus::RequestPending => "Request Pending",
        },
        RightsStatusNone => "Rights not requested",
        RightsStatusHeading => "Rights status",
        ActivityHeading => "Activity History",
        ActivityEmpty => "There is no past activity to display",
        ActivityRequested(Some(a)) => return format!("Rights requested through {a}").into(),
        ActivityRequested(None) => "Rights requested",
        ActivityReplied => "The author replied",
        ActivityStatusChanged(s) => return format!("Status changed to {}", text(&RightsStatusLabel(*s))).into(),
        ActivityGranted => "Rights granted manually",
        ActivityNote => "Note",
        ActivityError { account, revoked, token } => {
            return match (account, token, revoked) {
                (Some(a), true, false) => format!("Request failed: the token of {a} had expired"),
                (Some(a), true, true) => format!("Request failed: the token of {a} was no longer valid"),
                (Some(a), false, _) => format!("Request through {a} failed"),
                (None, _, _) => "Request failed".to_string(),
            }
            .into()
        }
        ActivityOther => "Other activity",
        ActivityBy(name) => return format!("by {name}").into(),
        ActivityBySystem => "automatically",
        SavedAssets => "Saved assets",
        AssetsHeading => "Saved assets",
        AssetsEmpty => "Nothing is saved yet. Save posts from Social Search to request rights for them here.",
        AssetsSavedBy { name, date } => return format!("Saved by {name} on {date}").into(),
        AssetsCount(1) => "1 asset",
        AssetsCount(n) => return format!("{n} assets").into(),
        // ---- end of rights requests ----
        // ---- embedding (issue 11: EMB-1..4) ----
        ConfigProblem(e) => {
            use crate::config::ConfigError as E;
            return match e {
                E::Unreadable(d) => format!("the configuration is not valid JSON, or a field is missing, unknown or of the wrong type ({d})."),
                E::ApiBase(v) => format!("api_base must be an absolute path like /api/v1 or an http(s) address, not \u{201c}{v}\u{201d}."),
                E::BasePath(v) => format!("base_path must be a path like /console/social/, not \u{201c}{v}\u{201d}."),
                E::Locale(v) => format!("locale \u{201c}{v}\u{201d} is not supported; use \u{201c}en\u{201d} or \u{201c}nl\u{201d}."),
                E::Mode(v) => format!("mode must be \u{201c}standalone\u{201d} or \u{201c}embedded\u{201d}, not \u{201c}{v}\u{201d}."),
                E::HostOrigin(v) => format!("host_origin must be one origin like https://console.example.com (no path, never *), not \u{201c}{v}\u{201d}."),
                E::HostElement(v) => format!("host_element must be an element id like social-console-root, not \u{201c}{v}\u{201d}."),
                E::HostElementMissing(v) => format!("the page has no element with the id \u{201c}{v}\u{201d} that host_element names."),
                E::Theme(n, true) => format!("theme may only set the app\u{2019}s own custom properties (--stc-\u{2026}), not \u{201c}{n}\u{201d}."),
                E::Theme(n, false) => format!("the theme value of {n} is not a plain colour, font or length."),
                E::NotLoaded(url, Some(status)) => format!("{url} could not be loaded (HTTP {status})."),
                E::NotLoaded(url, None) => format!("{url} could not be loaded."),
                E::NoDocument => "the page has no document to start in.".to_string(),
            }
            .into();
        }
        // ---- end of embedding ----
        // ---- Rights Management (RR-9)
        RmIntro => "Rights requests are sent from these accounts. The default account of each network is chosen first when someone requests rights; disabled accounts are not offered.",
        RmNoAccessTitle => "You do not have access to Rights Management",
        RmNoAccess(names) if names.is_empty() => "Only Admins and Moderators can see and change the rights accounts, approval hashtags, terms links and default messages. Ask a network admin.",
        RmNoAccess(names) => return format!("Only Admins and Moderators can see and change the rights accounts, approval hashtags, terms links and default messages. Ask an admin: {names}.").into(),
        RmAdd => "Add rights account",
        RmEmpty => "There are no rights accounts yet. Add one to send rights requests.",
        RmEdit => "Edit",
        RmField(f) => match f {
            Field::DisplayName => "Display name",
            Field::SocialAccount => "Linked social account",
            Field::ApprovalHashtag => "Approval hashtag",
            Field::TermsUrl => "Terms and conditions link",
            Field::DefaultTemplate => "Default message",
        },
        RmTokenLabel => "Token state",
        RmStatusLabel => "Status",
        RmEnabledYes => "Enabled",
        RmEnabledNo => "Disabled: not offered when requesting rights",
        RmDefaultLabel => "Default",
        RmIsDefault(n) => return format!("Default for {}", network(*n)).into(),
        RmNotDefault => "Not the default",
        RmLinked { handle, network: n } => return format!("@{handle} on {}", network(*n)).into(),
        RmLinkedMissing => "The linked social account no longer exists. Edit to link another one.",
        RmTermsNotLink => "(not shown as a link: the address does not start with https://)",
        RmEditTitle(name) => return format!("Edit {name}").into(),
        RmAddTitle => "Add rights account",
        RmAccountOption { handle, network: n, state } => {
            return format!("@{handle} ({}): {}", network(*n), text(state)).into()
        }
        RmChooseAccount => "Choose a social account",
        RmFieldEnabled => "Enabled: offer this account when requesting rights",
        RmFieldDefault(Some(n)) => return format!("Default rights account for {}", network(*n)).into(),
        RmFieldDefault(None) => "Default rights account for its network",
        RmHashtagHelp => "Without #: letters, digits and _ only. People reply with it to grant rights.",
        RmTermsHelp => "An address that starts with https://.",
        RmPlaceholdersIntro => "The message must contain each of these placeholders, written exactly like this:",
        RmPlaceholder("handle") => "the handle of the person who posted",
        RmPlaceholder("grantTag") => "the approval hashtag",
        RmPlaceholder(_) => "the terms and conditions link",
        RmSave => "Save",
        RmSaving => "Saving…",
        RmSaved(name) => return format!("{name} saved.").into(),
        RmAdded(name) => return format!("{name} added.").into(),
        RmSummary(1) => "1 problem to fix before saving:",
        RmSummary(n) => return format!("{n} problems to fix before saving:").into(),
        RmNotSaved => "Not saved. What you typed is kept.",
        RmProblem(p) => return rights_problem(p).into(),
        RmAccountsFailed => "The social accounts could not be loaded, so none can be linked right now.",
        RmNewTemplate => "Hi @{handle}! We love this post and would like to share it. Reply #{grantTag} to agree to {termsLink}",
    })
}

fn rights_problem(p: &Problem) -> String {
    match p {
        Problem::Required(Field::DisplayName) => "Enter a display name.".into(),
        Problem::Required(Field::SocialAccount) => "Choose a social account.".into(),
        Problem::Required(Field::ApprovalHashtag) => "Enter an approval hashtag.".into(),
        Problem::Required(Field::TermsUrl) => "Enter the terms and conditions link.".into(),
        Problem::Required(Field::DefaultTemplate) => "Enter a default message.".into(),
        Problem::TooLong(_, max) => format!("Use at most {max} characters."),
        Problem::InvalidHashtag => "Use only letters, digits and _, without #.".into(),
        Problem::NotHttps => "Enter an address that starts with https://.".into(),
        Problem::NoSuchAccount => {
            "That social account no longer exists. Choose another one.".into()
        }
        Problem::MissingPlaceholder(ph) => format!("The message must contain {ph}."),
        Problem::UnknownPlaceholder(ph) => {
            format!("{ph} is not a placeholder. Use {{handle}}, {{grantTag}} and {{termsLink}} exactly as written.")
        }
        Problem::MessageTooLong {
            network: n,
            over: 0,
        } => {
            format!("The message is too long for {}.", network(*n))
        }
        Problem::MessageTooLong { network: n, over } => {
            format!(
                "The message is {over} characters too long for {}.",
                network(*n)
            )
        }
        Problem::Other(_) => "This value was not accepted.".into(),
    }
}

/// A social network's name inside a sentence.
fn network(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
        SocialNetwork::InstagramBusiness => "Instagram Business",
    }
}

/// Where the person authorizes: Instagram Business accounts use Facebook tokens (TOK-3).
fn provider(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
        SocialNetwork::InstagramBusiness => "Facebook",
    }
}

pub fn word(w: Msg2) -> &'static str {
    match w {
        Msg2::RoleAdmin => "Admin",
        Msg2::RoleModerator => "Moderator",
        Msg2::RoleCurator => "Curator",
    }
}

// ---- social accounts (issue 4) ----

fn reason(r: InvalidationReason) -> &'static str {
    match r {
        InvalidationReason::Revoked => "access was revoked",
        InvalidationReason::PasswordChanged => "the password was changed",
        InvalidationReason::AppRemoved => "the app was removed from the account",
        InvalidationReason::SessionInvalid => "the provider ended the session",
        InvalidationReason::Other => "the provider invalidated the token",
    }
}

fn failure(f: FailureReason) -> &'static str {
    match f {
        FailureReason::Denied => "authorization was denied at the provider",
        FailureReason::IdentityMismatch => "a different account was authorized",
        FailureReason::TokenExpired => "the token had expired",
        FailureReason::TokenRevoked => "the token had been invalidated",
        FailureReason::Unknown => "the provider gave no reason",
    }
}

// ---- expiry notifications (issue 5) ----

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The impact of an expiry in one line (NOT-2).
fn impact(i: &crate::domain::notifications::Impact) -> String {
    let mut parts = Vec::new();
    if i.streams > 0 {
        let s = plural(i.streams, "stream", "streams");
        parts.push(if i.expired {
            format!("{s} stopped")
        } else {
            format!("{s} will stop")
        });
    }
    if let Some(h) = &i.fallback {
        parts.push(if i.expired {
            format!("Instagram search uses @{h} instead")
        } else {
            format!("Instagram search will use @{h} instead")
        });
    } else if i.search_stops {
        parts.push(if i.expired {
            "Instagram search has no account left".to_string()
        } else {
            "Instagram search will have no account left".to_string()
        });
    }
    if i.rights_requests > 0 {
        let r = plural(
            i.rights_requests,
            "open rights request",
            "open rights requests",
        );
        parts.push(if i.expired {
            format!("{r} no longer tracked")
        } else {
            format!("{r} will no longer be tracked")
        });
    }
    if parts.is_empty() {
        return "Nothing else depends on this account".to_string();
    }
    parts.join("; ")
}
