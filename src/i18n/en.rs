//! English catalog. One arm per message: the compiler rejects a missing one.

use std::borrow::Cow;

use api_types::{InvalidationReason, SocialNetwork};

use super::{Msg, Msg2};

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
        FooterHelp => "Help",
        FooterTerms => "Terms of Use",
        FooterPrivacy => "Privacy Policy",
        Loading => "Loading…",
        NotBuiltYet => "Not built yet",
        NotBuiltYetBody => "This screen has its place in the console but is not built yet.",
        NotFoundTitle => "Page not found",
        NotFoundBody => "There is no page at this address. It may have moved, or the link is incomplete.",
        NotFoundBack => "Go to Social Accounts",
        Retry => "Try again",
        SignIn => "Sign in",
        ConfigInvalidTitle => "The console could not start",
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
    })
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
