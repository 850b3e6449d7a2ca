//! Nederlandse catalogus. Eén arm per bericht: een ontbrekend bericht compileert niet.

use std::borrow::Cow;

use api_types::{InvalidationReason, SocialNetwork};

use super::{Msg, Msg2};

pub fn text(msg: &Msg) -> Cow<'static, str> {
    use Msg::*;
    Cow::Borrowed(match msg {
        ProductName => "Livefyre",
        SkipToContent => "Naar de inhoud",
        MainNavigation => "Console",
        TabLibrary => "Bibliotheek",
        TabStreams => "Streams",
        TabSettings => "Instellingen",
        NetworkSettings => "Netwerkinstellingen",
        SettingsNavigation => "Onderdelen van de netwerkinstellingen",
        RightsManagement => "Rechtenbeheer",
        SocialAccounts => "Sociale accounts",
        SocialSearch => "Sociaal zoeken",
        Instagram => "Instagram",
        NotificationsUnread(0) => "Meldingen, geen ongelezen",
        NotificationsUnread(n) => return format!("Meldingen, {n} ongelezen").into(),
        SignedInAs { name, role } => {
            return format!("Aangemeld als {name} ({})", word(*role)).into()
        }
        NetworkLabel(name) => return format!("Netwerk: {name}").into(),
        Language => "Taal",
        FooterHelp => "Hulp",
        FooterTerms => "Gebruiksvoorwaarden",
        FooterPrivacy => "Privacybeleid",
        Loading => "Bezig met laden…",
        NotBuiltYet => "Nog niet gebouwd",
        NotBuiltYetBody => "Dit scherm heeft zijn plaats in de console, maar is nog niet gebouwd.",
        NotFoundTitle => "Pagina niet gevonden",
        NotFoundBody => "Op dit adres staat geen pagina. Misschien is ze verplaatst, of is de link onvolledig.",
        NotFoundBack => "Naar Sociale accounts",
        Retry => "Opnieuw proberen",
        SignIn => "Aanmelden",
        ConfigInvalidTitle => "De console kon niet starten",
        ConfigInvalidBody(detail) => {
            return format!("De configuratie ontbreekt of klopt niet: {detail}").into()
        }
        ErrOffline => "De console kon de server niet bereiken. Controleer je verbinding en probeer het opnieuw.",
        ErrTimeout => "De server deed er te lang over om te antwoorden. Probeer het zo opnieuw.",
        ErrSessionEnded => "Je bent niet aangemeld bij de console, of je sessie is verlopen. Meld je aan om verder te gaan; wat je hier typte, blijft bewaard.",
        ErrForbidden => "Je rol staat dit niet toe. Vraag het aan een netwerkbeheerder.",
        ErrNotFound => "Dit item bestaat niet meer. Misschien heeft iemand anders het verwijderd.",
        ErrConflict => "Iemand anders wijzigde dit tegelijk. Laad opnieuw om de laatste versie te zien en probeer het dan nog eens.",
        ErrValidation => "Een deel van wat is ingevoerd, is niet geldig. Controleer de gemarkeerde velden.",
        ErrRateLimited => "De limiet van het sociale netwerk is bereikt. Dit is geen verlopen token; probeer het later opnieuw.",
        ErrTokenExpired => "Het token van dit sociale account is verlopen. Vernieuw het token om het weer te gebruiken.",
        ErrTokenRevoked => "Dit sociale account moet opnieuw worden geautoriseerd. Vernieuw het token om het opnieuw te koppelen.",
        ErrIdentityMismatch => "Er is een ander account geautoriseerd dan het account dat werd vernieuwd. Er is niets gewijzigd.",
        ErrPayloadTooLarge => "Dat is te veel tekst om in één keer te versturen. Maak het korter en probeer het opnieuw.",
        ErrServer => "De server had een probleem. Dit is tijdelijk en verandert niets aan een token. Probeer het opnieuw.",
        ErrUndecodable => "De server stuurde een antwoord dat de console niet kon lezen. Probeer het opnieuw.",
        ErrUnexpected(status) => {
            return format!("De server antwoordde onverwacht (HTTP {status}). Probeer het opnieuw.").into()
        }
        // ---- Streams (STR) en token vernieuwen (TOK-4, OAUTH): issue 8
        StreamsIntro => "Elke stream verzamelt inhoud van een sociaal netwerk in een app of een map, via één gekoppeld account. Verloopt de toegang van dat account of wordt die ingetrokken, dan stopt de stream tot de toegang is vernieuwd of de stream een ander account gebruikt.",
        StreamsEmpty => "Dit netwerk heeft nog geen streams.",
        StreamDestination => "Bestemming",
        StreamDestinationApp(name) => return format!("App: {name}").into(),
        StreamDestinationFolder(name) => return format!("Map: {name}").into(),
        StreamRules => "Regels",
        StreamRulesSummary { network: n, terms } => {
            return if terms.is_empty() {
                format!("{}, geen hashtags of accountnamen", network(*n))
            } else {
                format!("{}: {}", network(*n), terms.join(", "))
            }
            .into()
        }
        StreamAccount => "Account",
        StreamAccountNone => "Geen: het account is verwijderd",
        StreamStatusLabel => "Status",
        StreamRunning => "Actief",
        StreamStopped => "Gestopt",
        StreamStopTokenExpired { network: n, handle, date } => {
            return format!("Het token van {} @{handle} is verlopen op {date}.", account(*n)).into()
        }
        StreamStopNeedsReauth { network: n, handle, reason, date } => {
            let a = account(*n);
            let p = provider(*n);
            return match reason {
                Some(InvalidationReason::Revoked) => format!(
                    "Het token van {a} @{handle} moet opnieuw worden geautoriseerd: de toegang is ingetrokken op {date}."
                ),
                Some(InvalidationReason::PasswordChanged) => format!(
                    "Het token van {a} @{handle} moet opnieuw worden geautoriseerd: het wachtwoord van het account is gewijzigd op {date}."
                ),
                Some(InvalidationReason::AppRemoved) => format!(
                    "Het token van {a} @{handle} moet opnieuw worden geautoriseerd: de app is op {date} van het account verwijderd."
                ),
                Some(InvalidationReason::SessionInvalid) => format!(
                    "Het token van {a} @{handle} moet opnieuw worden geautoriseerd: {p} heeft de sessie beëindigd op {date}."
                ),
                Some(InvalidationReason::Other) | None => format!(
                    "Het token van {a} @{handle} moet sinds {date} opnieuw worden geautoriseerd."
                ),
            }
            .into();
        }
        StreamStopAccountDeleted { network: n, handle, date } => {
            return format!(
                "Het {} @{handle} dat deze stream voedde, is verwijderd op {date}.",
                account(*n)
            )
            .into()
        }
        StreamStopOther { date: Some(date) } => {
            return format!("Deze stream is gestopt op {date}.").into()
        }
        StreamStopOther { date: None } => "Deze stream is gestopt.",
        StreamGapNote { from, to } => {
            return format!(
                "Weer actief. Inhoud die is geplaatst terwijl de stream stilstond ({from} – {to}), wordt niet aangevuld."
            )
            .into()
        }
        StreamAskAdmin(names) if names.is_empty() => {
            "Je kunt dit niet zelf oplossen. Vraag het aan een netwerkbeheerder."
        }
        StreamAskAdmin(names) => {
            return format!("Vraag het aan een beheerder: {}", names.join(", ")).into()
        }
        StreamSwitchAccount => "Ander account kiezen",
        StreamSwitchTitle(name) => return format!("Ander account voor {name}").into(),
        StreamSwitchIntro(n) => {
            return format!(
                "Kies een ander {} met een geldig token. De stream wordt er meteen weer mee actief; inhoud die is geplaatst terwijl hij stilstond, wordt niet aangevuld.",
                account(*n)
            )
            .into()
        }
        StreamSwitchLegend(n) => {
            return format!("{}s met een geldig token", account(*n)).into()
        }
        StreamSwitchConfirm(handle) => return format!("Overschakelen naar @{handle}").into(),
        StreamSwitching => "Bezig met overschakelen…",
        StreamSwitchNone(n) => {
            let a = account(*n);
            return format!(
                "Geen ander {a} heeft een geldig token. Vernieuw dit token, of koppel een ander {a} bij Sociale accounts."
            )
            .into();
        }
        StreamSwitchRefused(handle) => {
            return format!(
                "Het token van @{handle} is niet meer geldig, dus de stream kan het niet gebruiken. Kies een ander account."
            )
            .into()
        }
        StreamSwitched { stream, handle } => {
            return format!("{stream} gebruikt nu @{handle} en is actief.").into()
        }
        Cancel => "Annuleren",
        CandidateActiveUntil(date) => return format!("Actief · verloopt op {date}").into(),
        CandidateActiveNoExpiry => "Actief · verloopt niet",
        CandidateExpiresIn(1) => "Verloopt over 1 dag",
        CandidateExpiresIn(n) => return format!("Verloopt over {n} dagen").into(),
        NetworkName(n) => network(*n),
        RefreshToken => "Token vernieuwen",
        Refreshing => "Bezig met vernieuwen…",
        RefreshWaiting(n) => {
            return format!(
                "Rond de autorisatie af in het venster van {}. Deze pagina werkt zichzelf bij zodra je klaar bent.",
                provider(*n)
            )
            .into()
        }
        RefreshDone { handle } => return format!("Het token van @{handle} is vernieuwd.").into(),
        RefreshCancelled => "De autorisatie is geannuleerd.",
        RefreshDenied { network: n } => {
            return format!(
                "De autorisatie is geweigerd bij {}. Er is niets gewijzigd.",
                provider(*n)
            )
            .into()
        }
        RefreshIdentityMismatch { network: n, expected, authorized: Some(authorized) } => {
            let p = provider(*n);
            return format!(
                "{p} heeft @{authorized} geautoriseerd, maar dit token hoort bij @{expected}. Er is niets gewijzigd. Meld je bij {p} af als @{authorized} of schakel daar over naar @{expected}, en vernieuw dan opnieuw."
            )
            .into();
        }
        RefreshIdentityMismatch { network: n, expected, authorized: None } => {
            let p = provider(*n);
            return format!(
                "{p} heeft een ander account geautoriseerd dan @{expected}. Er is niets gewijzigd. Meld je bij {p} aan als @{expected} en vernieuw dan opnieuw."
            )
            .into();
        }
        RefreshFlowExpired => "De autorisatie is niet binnen 15 minuten afgerond. Er is niets gewijzigd; vernieuw opnieuw om opnieuw te beginnen.",
        RefreshPopupBlocked(n) => {
            return format!(
                "Je browser heeft het autorisatievenster van {} geblokkeerd. Sta pop-ups toe voor deze console, of ga verder in dit tabblad: daarna kom je terug op deze pagina.",
                provider(*n)
            )
            .into()
        }
        RefreshContinueHere => "Verder in dit tabblad",
    })
}

/// De naam van een sociaal netwerk.
fn network(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
        SocialNetwork::InstagramBusiness => "Instagram (bedrijf)",
    }
}

/// Een account van dat netwerk, midden in een zin.
fn account(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter-account",
        SocialNetwork::Instagram => "Instagram-account",
        SocialNetwork::InstagramBusiness => "Instagram-bedrijfsaccount",
    }
}

/// Waar je autoriseert: Instagram-bedrijfsaccounts gebruiken Facebook-tokens (TOK-3).
fn provider(n: SocialNetwork) -> &'static str {
    match n {
        SocialNetwork::Twitter => "Twitter",
        SocialNetwork::Instagram => "Instagram",
        SocialNetwork::InstagramBusiness => "Facebook",
    }
}

pub fn word(w: Msg2) -> &'static str {
    match w {
        Msg2::RoleAdmin => "Beheerder",
        Msg2::RoleModerator => "Moderator",
        Msg2::RoleCurator => "Curator",
    }
}
