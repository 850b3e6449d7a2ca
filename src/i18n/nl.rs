//! Nederlandse catalogus. Eén arm per bericht: een ontbrekend bericht compileert niet.

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
        LanguageNotLoaded(n) => return format!("{n} kon niet worden geladen. Controleer je verbinding en kies de taal opnieuw.").into(),
        FooterHelp => "Hulp",
        FooterTerms => "Gebruiksvoorwaarden",
        FooterPrivacy => "Privacybeleid",
        Loading => "Bezig met laden…",
        NotBuiltYet => "Nog niet gebouwd",
        NotBuiltYetBody => "Dit scherm heeft zijn plaats in de console, maar is nog niet gebouwd.",
        ScreenNotLoaded => "Dit scherm kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.",
        PanelNotLoaded => "De details van dit account konden niet worden geladen. Controleer je verbinding en probeer het opnieuw.",
        NotPanelNotLoaded => "De meldingen konden niet worden getoond. Controleer je verbinding en probeer het opnieuw.",
        NotFoundTitle => "Pagina niet gevonden",
        NotFoundBody => "Op dit adres staat geen pagina. Misschien is ze verplaatst, of is de link onvolledig.",
        NotFoundBack => "Naar Sociale accounts",
        Retry => "Opnieuw proberen",
        SignIn => "Aanmelden",
        ConfigInvalidTitle => "De console kon niet starten",
        AppNotLoaded => "De code kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.",
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
        // ---- Instagram zoeken (issue 6: SRCH-1..10) en het vernieuwen van tokens (OAUTH)
        SearchFormLabel => "Instagram zoeken",
        SearchTypeLabel => "Soort zoekopdracht",
        SearchTypeName(t) => match t {
            SearchType::BusinessUser => "Zoeken op zakelijke gebruiker",
            SearchType::TopTags => "Zoeken op toptags",
            SearchType::RecentTags => "Zoeken op recente tags",
        },
        SearchTermHashtag => "Hashtag",
        SearchTermUsername => "Gebruikersnaam",
        SearchHintHashtag => "Met of zonder #: letters, cijfers en _, hoogstens 100 tekens.",
        SearchHintUsername => "De gebruikersnaam van een zakelijk Instagram-account, met of zonder @: letters, cijfers, . en _, hoogstens 30 tekens.",
        SearchButton => "Zoeken",
        ShowFilter => "Filter tonen",
        HideFilter => "Filter verbergen",
        MediaFilterLabel => "Soort media",
        MediaFilterName(m) => match m {
            MediaFilter::All => "Alle inhoud",
            MediaFilter::Photos => "Alleen foto's",
            MediaFilter::Videos => "Alleen video's",
        },
        SearchInvalid(p) => match p {
            QueryProblem::EmptyHashtag => "Vul een hashtag in om op te zoeken.",
            QueryProblem::EmptyUsername => "Vul een gebruikersnaam in om op te zoeken.",
            QueryProblem::HashtagCharacters => "Een hashtag mag alleen letters, cijfers en _ bevatten (na een eventuele #). Haal spaties en andere tekens weg.",
            QueryProblem::HashtagTooLong => "Een hashtag mag hoogstens 100 tekens lang zijn.",
            QueryProblem::UsernameCharacters => "Een gebruikersnaam mag alleen letters (a–z), cijfers, . en _ bevatten (na een eventuele @).",
            QueryProblem::UsernameTooLong => "Een gebruikersnaam mag hoogstens 30 tekens lang zijn.",
        },
        SearchPrompt => "Kies een soort zoekopdracht, typ een hashtag of een gebruikersnaam en druk op Zoeken.",
        Searching => "Instagram wordt doorzocht…",
        SearchResultsHeading => "Resultaten",
        SearchedWith(h) => return format!("Gezocht met @{h}").into(),
        SearchShowingCount(1) => "1 bericht getoond",
        SearchShowingCount(n) => return format!("{n} berichten getoond").into(),
        SearchNoResults => "Geen berichten gevonden voor deze zoekopdracht.",
        SearchSkippedExpired(h) => return format!("@{h} is overgeslagen: het token is verlopen.").into(),
        SearchSkippedRevoked(h) => return format!("@{h} is overgeslagen: het account moet opnieuw worden geautoriseerd.").into(),
        SearchSkippedRateLimited(h) => return format!("@{h} is overgeslagen: de limiet van Instagram is bereikt (geen verlopen token).").into(),
        LoadMore => "Meer laden",
        LoadingMore => "Meer wordt geladen…",
        SearchAllExpired => "Het token van elk Instagram-account is verlopen, dus deze zoekopdracht kon niet worden uitgevoerd. Vernieuw een token om weer te zoeken; verder verandert er niets.",
        SearchNoneLeft => "Geen enkel Instagram-account kan nu zoeken: elk account heeft een verlopen token of heeft de limiet van Instagram bereikt.",
        SearchNoAccountTags => "Er is geen Instagram-account gekoppeld, dus er is niets om mee te zoeken.",
        SearchNoAccountBusiness => "Zoeken op zakelijke gebruiker vraagt een zakelijk Instagram-account, en er is er geen gekoppeld.",
        SearchOpenSocialAccounts => "Naar Sociale accounts",
        SearchAgain => "Opnieuw zoeken",
        SearchAgainWith(h) => return format!("Opnieuw zoeken met @{h}").into(),
        SearchRefreshedOffer(h) => return format!("Het token van @{h} is vernieuwd, dus de zoekopdracht kan het weer gebruiken.").into(),
        PostImageAlt { video: false, handle } => return format!("Foto geplaatst door @{handle}").into(),
        PostImageAlt { video: true, handle } => return format!("Video geplaatst door @{handle}").into(),
        PostImageNotShown => "Afbeelding niet getoond: het adres is niet veilig.",
        PostVideo => "Video",
        PostLikes(1, _) => "1 vind-ik-leuk",
        PostLikes(_, shown) => return format!("{shown} vind-ik-leuks").into(),
        PostComments(1, _) => "1 reactie",
        PostComments(_, shown) => return format!("{shown} reacties").into(),
        ViewDetails => "Details",
        Save => "Opslaan",
        Saving => "Bezig met opslaan…",
        Saved => "Opgeslagen",
        PostDetailsTitle => "Details van het bericht",
        Close => "Sluiten",
        DetailsAuthor => "Auteur",
        DetailsName => "Naam",
        DetailsUsername => "Gebruikersnaam",
        DetailsContent => "Inhoud",
        DetailsCaption => "Bijschrift",
        DetailsHashtags => "Hashtags",
        DetailsPosted => "Geplaatst",
        DetailsMedia => "Media",
        MediaTypeName { video: false } => "Foto",
        MediaTypeName { video: true } => "Video",
        DetailsLikes => "Vind-ik-leuks",
        DetailsComments => "Reacties",
        DetailsOpenOnInstagram => "Openen op Instagram",
        OpensInNewTab => "(opent in een nieuw tabblad)",
        DetailsLinkNotShown => "Geen link: het adres van het bericht is geen veilig https-adres.",
        TokenPopupRegion => "Meldingen over zoekaccounts",
        TokenPopupTitleExpired => "Instagram-token verlopen",
        TokenPopupTitleRevoked => "Instagram-account moet opnieuw worden geautoriseerd",
        TokenPopupTitleRateLimited => "Limiet van Instagram bereikt",
        TokenPopupExpired(h) => return format!("Het Instagram-token van @{h} is verlopen.").into(),
        TokenPopupRevoked(h) => return format!("Het Instagram-token van @{h} is niet meer geldig: het account moet opnieuw worden geautoriseerd.").into(),
        TokenPopupRateLimited { handle, resets_at: Some(at) } => return format!("@{handle} heeft de limiet van Instagram bereikt. Dit is geen verlopen token; de limiet vervalt om {at}.").into(),
        TokenPopupRateLimited { handle, resets_at: None } => return format!("@{handle} heeft de limiet van Instagram bereikt. Dit is geen verlopen token; de limiet vervalt later.").into(),
        TokenPopupTrying(h) => return format!("In plaats daarvan wordt @{h} geprobeerd…").into(),
        TokenPopupUsedInstead(h) => return format!("De zoekopdracht gebruikte in plaats daarvan @{h}.").into(),
        TokenPopupNoneInstead => "Geen ander Instagram-account kon de zoekopdracht uitvoeren.",
        TokenPopupStopped => "De zoekopdracht stopte voordat een ander account antwoordde.",
        TokenPopupClose(h) => return format!("Sluit de melding over @{h}").into(),
        AskAdmin(names) => return format!("Vraag een beheerder om het te vernieuwen: {names}.").into(),
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
        StreamsAttentionTitle(1) => "1 stream vraagt aandacht",
        StreamsAttentionTitle(n) => return format!("{n} streams vragen aandacht").into(),
        StreamsAttentionIntro { stopped, stopping } => {
            return format!("Gestopt: {stopped}. Stopt binnen 10 dagen: {stopping}.").into()
        }
        StreamsAttentionStopped => "gestopt",
        StreamsAttentionStopping(1) => "stopt binnen 1 dag",
        StreamsAttentionStopping(n) => return format!("stopt over {n} dagen").into(),
        StreamsAttentionGoTo(name) => return format!("Naar {name}").into(),
        StreamExpiring { network: n, handle, days_left: 1, date } => {
            return format!(
                "Het token van {} @{handle} verloopt binnen 1 dag, op {date}. De stream stopt dan, tenzij het token wordt vernieuwd.",
                account(*n)
            )
            .into()
        }
        StreamExpiring { network: n, handle, days_left, date } => {
            return format!(
                "Het token van {} @{handle} verloopt over {days_left} dagen, op {date}. De stream stopt dan, tenzij het token wordt vernieuwd.",
                account(*n)
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

        // ---- sociale accounts (ACC, TOK, OAUTH): issue 4 ----
        AccTwitterAccounts => "Twitter-accounts",
        AccInstagramAccounts => "Instagram-accounts",
        AccBusinessAccounts => "Instagram Business-accounts",
        AccBusinessInfoBefore => "Lees voor informatie over Instagram Business-accounts de ",
        AccBusinessInfoLink => "documentatie",
        AccBusinessInfoAfter => ".",
        AccOpensInNewTab => "(opent in een nieuw tabblad)",
        AccSectionEmpty(n) => {
            return format!("Er zijn nog geen {}-accounts gekoppeld.", network(*n)).into()
        }
        AccAddAccount => "Account toevoegen",
        AccAdding => "Bezig met toevoegen…",
        AccDetailsFor(name) => return format!("Gegevens van {name}").into(),
        AccStateActive(Some(date)) => return format!("Actief · verloopt op {date}").into(),
        AccStateActive(None) => "Actief · verloopt niet",
        AccStateExpiring(1) => "Verloopt over 1 dag",
        AccStateExpiring(n) => return format!("Verloopt over {n} dagen").into(),
        AccStateExpired => "Verlopen",
        AccStateNeedsReauth(r) => {
            return format!("Opnieuw autoriseren nodig: {}", reason(*r)).into()
        }
        AccSocialAccount => "Sociaal account",
        AccDisplayName => "Weergavenaam",
        AccDisplayNameHelp => "Voer een interne naam in waaraan je dit sociale account herkent.",
        AccDisplayNameTooLong => "De weergavenaam mag hoogstens 100 tekens lang zijn.",
        AccDisplayNameInvalid => "De weergavenaam mag geen stuurtekens zoals regeleinden bevatten.",
        AccSaveSettings => "Instellingen opslaan",
        AccSaving => "Bezig met opslaan…",
        AccSaved => "Instellingen opgeslagen.",
        AccDelete => "Verwijderen",
        AccMoveUp => "Omhoog",
        AccMoveDown => "Omlaag",
        AccOrderHeading => "Volgorde bij zoeken",
        AccOrderPlace { place, of } => {
            return format!("Plaats {place} van {of} in dit onderdeel. Zoeken gebruikt het eerste account dat werkt.").into()
        }
        AccMovedTo { name, place, of } => {
            return format!("{name} staat nu op plaats {place} van {of}.").into()
        }
        AccTokenHeading => "Tokengegevens",
        AccExpiresAtLabel => "Verloopt",
        AccDoesNotExpire => "Verloopt niet (Twitter OAuth 1.0a)",
        AccStateLabel => "Status",
        AccLastRefreshLabel => "Laatst vernieuwd",
        AccLastRefreshValue { when, by: Some(by) } => return format!("{when} door {by}").into(),
        AccLastRefreshValue { when, by: None } => return when.clone().into(),
        AccNeverRefreshed => "Niet vernieuwd sinds het koppelen",
        AccConnectedLabel => "Gekoppeld",
        AccConnectedValue { when, by: Some(by) } => return format!("{when} door {by}").into(),
        AccConnectedValue { when, by: None } => return when.clone().into(),
        AccDependsHeading => "Wat van dit account afhangt",
        AccDepStreams { count: 0, .. } => "Het voedt geen streams.",
        AccDepStreams { count: 1, names } => return format!("Het voedt 1 stream: {names}.").into(),
        AccDepStreams { count, names } => {
            return format!("Het voedt {count} streams: {names}.").into()
        }
        AccDepSearchRank(n) => {
            return format!("Plaats {n} in de volgorde waarin Instagram-zoeken accounts gebruikt.").into()
        }
        AccDepNoSearch => "Instagram-zoeken gebruikt het niet.",
        AccDepFallback(h) => {
            return format!("Als het niet meer werkt, gebruikt Instagram-zoeken @{h}.").into()
        }
        AccDepNoFallback => "Als het niet meer werkt, kan geen ander Instagram-account het zoeken overnemen.",
        AccDepRights(0) => "Er lopen geen openstaande rechtenaanvragen via dit account.",
        AccDepRights(1) => "Er loopt 1 openstaande rechtenaanvraag via dit account.",
        AccDepRights(n) => {
            return format!("Er lopen {n} openstaande rechtenaanvragen via dit account.").into()
        }
        AccHistoryHeading => "Tokengeschiedenis",
        AccHistoryEmpty => "Nog geen gebeurtenissen voor dit token.",
        AccHistConnected(Some(by)) => return format!("Gekoppeld door {by}").into(),
        AccHistConnected(None) => "Gekoppeld",
        AccHistRefreshed(Some(by)) => return format!("Token vernieuwd door {by}").into(),
        AccHistRefreshed(None) => "Token vernieuwd",
        AccHistRefreshFailed { by: Some(by), why } => {
            return format!("Vernieuwen door {by} mislukt: {}", failure(*why)).into()
        }
        AccHistRefreshFailed { by: None, why } => {
            return format!("Vernieuwen mislukt: {}", failure(*why)).into()
        }
        AccHistWarning(Some(n)) => {
            return format!("Waarschuwing verstuurd: nog {n} dagen geldig").into()
        }
        AccHistWarning(None) => "Waarschuwing over het verlopen verstuurd",
        AccHistExpired => "Token verlopen",
        AccHistRevoked(r) => return format!("Toegang ongeldig gemaakt: {}", reason(*r)).into(),
        AccHistReconnected(Some(by)) => return format!("Opnieuw gekoppeld door {by}").into(),
        AccHistReconnected(None) => "Opnieuw gekoppeld",
        AccHistOther => "Andere gebeurtenis voor dit token",
        AccAskAdmin(names) if names.is_empty() => "Vraag het een netwerkbeheerder.",
        AccAskAdmin(names) => return format!("Vraag het een beheerder: {names}").into(),
        AccAskAdminToManage(names) if names.is_empty() => {
            "Vraag een netwerkbeheerder om accounts te hernoemen, te verplaatsen, toe te voegen of te verwijderen."
        }
        AccAskAdminToManage(names) => {
            return format!("Om accounts te hernoemen, te verplaatsen, toe te voegen of te verwijderen, vraag het een beheerder: {names}").into()
        }
        AccCuratorNote(names) if names.is_empty() => {
            "Je ziet het token van elk account. Vraag een netwerkbeheerder om er een te herstellen."
        }
        AccCuratorNote(names) => {
            return format!("Je ziet het token van elk account. Om er een te herstellen, vraag het een beheerder: {names}").into()
        }
        AccDeleteTitle(name) => return format!("{name} verwijderen?").into(),
        AccDeleteStreams { count: 0, .. } => "Geen enkele stream gebruikt dit account.",
        AccDeleteStreams { count: 1, names } => {
            return format!("1 stream stopt: {names}.").into()
        }
        AccDeleteStreams { count, names } => {
            return format!("{count} streams stoppen: {names}.").into()
        }
        AccDeleteRights(0) => "Er lopen geen openstaande rechtenaanvragen via dit account.",
        AccDeleteRights(1) => "1 openstaande rechtenaanvraag wordt niet meer gevolgd.",
        AccDeleteRights(n) => {
            return format!("{n} openstaande rechtenaanvragen worden niet meer gevolgd.").into()
        }
        AccDeleteSearch(Some(h)) => {
            return format!("Instagram-zoeken gebruikt dan @{h}.").into()
        }
        AccDeleteSearch(None) => "Geen ander Instagram-account kan het zoeken overnemen.",
        AccDeleteForever => "Het account, zijn token en de tokengeschiedenis worden verwijderd. Om het weer te gebruiken, voeg je het opnieuw toe.",
        AccDeleteConfirm => "Account verwijderen",
        AccDeleting => "Bezig met verwijderen…",
        AccCancel => "Annuleren",
        AccDeleted { name, stopped: 0 } => return format!("{name} is verwijderd.").into(),
        AccDeleted { name, stopped: 1 } => {
            return format!("{name} is verwijderd. 1 stream is gestopt.").into()
        }
        AccDeleted { name, stopped } => {
            return format!("{name} is verwijderd. {stopped} streams zijn gestopt.").into()
        }
        AccOauthRefreshed(Some(date)) => {
            return format!("Token vernieuwd. Het verloopt nu op {date}.").into()
        }
        AccOauthRefreshed(None) => "Het token is geldig en verloopt niet: er hoefde niets te worden vernieuwd.",
        AccOauthConnected(h) => return format!("@{h} is gekoppeld.").into(),
        AccOauthAlreadyConnected(h) => {
            return format!("@{h} was al gekoppeld: het token is vernieuwd in plaats van het account dubbel toe te voegen.").into()
        }
        AccOauthFlowExpired => "De autorisatie is niet binnen 15 minuten afgerond en is verlopen. Er is niets gewijzigd; probeer het opnieuw.",
        AccOauthBlocked { adding: false } => "De browser heeft het autorisatievenster geblokkeerd. Sta pop-ups toe voor deze site en probeer het opnieuw, of ga verder in dit tabblad: daarna kom je terug bij dit account.",
        AccOauthBlocked { adding: true } => "De browser heeft het autorisatievenster geblokkeerd. Sta pop-ups toe voor deze site en probeer het opnieuw, of ga verder in dit tabblad: daarna kom je terug op deze pagina.",
        AccOauthCheckAgain => "Opnieuw controleren",
        // ---- einde sociale accounts ----
        // ---- verloopmeldingen (issue 5) ----
        NotPanelTitle => "Verloopmeldingen",
        NotBellFailed => "Meldingen konden niet worden geladen",
        NotLoadFailed => "Meldingen konden niet worden geladen. De rest van de console werkt gewoon.",
        NotLoading => "Meldingen laden…",
        NotEmpty => "Geen meldingen. Je hoort het 10 en 5 dagen voordat een token verloopt.",
        NotMilestone(api_types::Milestone::Days10) => "verloopt over 10 dagen",
        NotMilestone(api_types::Milestone::Days5) => "verloopt over 5 dagen",
        NotMilestone(api_types::Milestone::Expired) => "verlopen",
        NotImpact(i) => return impact(i).into(),
        NotUnread => "Ongelezen",
        NotResolved => "Opgelost: het token is vernieuwd",
        NotSent(when) => return format!("Verstuurd {when}").into(),
        NotMarkRead => "Markeren als gelezen",
        NotMarkAllRead => "Alles als gelezen markeren",
        NotDismiss => "Verwijderen",
        NotOpenAccount => "Account openen",
        NotActionFailed => "Dat is niet gelukt. Controleer de verbinding en probeer het opnieuw.",
        NotMarkedRead => "Gemarkeerd als gelezen.",
        NotDismissed => "Melding verwijderd.",
        NotBannerTitle(1) => "1 account heeft aandacht nodig",
        NotBannerTitle(n) => return format!("{n} accounts hebben aandacht nodig").into(),
        NotBannerIntro { expired, reauth, expiring } => return format!("Verlopen: {expired}. Opnieuw autoriseren nodig: {reauth}. Verloopt binnen 10 dagen: {expiring}.").into(),
        NotBannerExpired => "verlopen",
        NotBannerReauth => "moet opnieuw worden geautoriseerd",
        NotBannerExpiring(1) => "verloopt binnen 1 dag",
        NotBannerExpiring(n) => return format!("verloopt over {n} dagen").into(),
        NotBannerShow(h) => return format!("@{h} tonen").into(),
        NotBannerShowAll(n) => return format!("Alle {n} tonen").into(),
        NotBannerShowFewer => "Alleen de dringendste tonen",
        // ---- einde verloopmeldingen ----
        // ---- Rechtenaanvragen (issue 7) ----
        RightsRequestAction => "Rechten aanvragen",
        RightsReopening => "Het bericht wordt opnieuw geopend…",
        RightsReopenFailed => "De rechtenopties van dit bericht konden niet opnieuw worden geopend. Wat je ervoor typte, is bewaard.",
        RightsDialogTitle => "Rechtenopties",
        RightsDialogPost(h) => return format!("Bericht van @{h}").into(),
        RightsTabRequest => "Handmatig rechten aanvragen",
        RightsTabGrant => "Handmatig rechten toekennen",
        RightsTabs => "Hoe u de rechten krijgt",
        RightsAccountLegend => "Versturen vanaf rechtenaccount",
        RightsAccountDefault => "standaard",
        RightsAccountDeleted => "Het sociale account ervan is verwijderd",
        RightsAccountsLoading => "Rechtenaccounts laden…",
        RightsNoAccounts => "Er zijn geen rechtenaccounts om vanaf te versturen. Beheerders en moderators stellen ze in bij Instellingen › Rechtenbeheer.",
        RightsOpenRightsManagement => "Rechtenbeheer openen",
        RightsMessageLabel => "Bericht",
        RightsPlaceholderHelp => "Schrijf {handle} voor de gebruikersnaam van de maker, {grantTag} voor de goedkeuringshashtag en {termsLink} voor de link naar de voorwaarden; ze worden ingevuld bij het versturen.",
        CharsLeft { left: 1, .. } => "Nog 1 teken over",
        CharsLeft { left, shown } if *left >= 0 => return format!("Nog {shown} tekens over").into(),
        CharsLeft { left: -1, .. } => "1 teken te veel",
        CharsLeft { shown, .. } => return format!("{shown} tekens te veel").into(),
        CharsLimitNote(SocialNetwork::Twitter) => "Twitter staat er 280 toe; een emoji telt als 2 en een link als 23.",
        CharsLimitNote(n) => return format!("{} staat er 2.200 toe.", network(*n)).into(),
        RightsPreviewLabel => "Het bericht zoals het wordt verstuurd",
        RightsUseDefault(name) => return format!("Standaardbericht van {name} gebruiken").into(),
        RightsMessageEmpty => "Schrijf een bericht.",
        RightsPlaceholderMissing(p) => return format!("Het bericht moet {p} bevatten.").into(),
        RightsPlaceholderUnknown(w) => return format!("“{w}” is geen plaatshouder; gebruik {{handle}}, {{grantTag}} of {{termsLink}} (precies zo gespeld).").into(),
        RightsMessageTooLong(1) => "Het bericht is 1 teken te lang.",
        RightsMessageTooLong(n) => return format!("Het bericht is {n} tekens te lang.").into(),
        RightsFixBeforeSending => "Verbeter het bericht voor u het verstuurt:",
        RightsTokenExpired { account, handle, network: n } => return format!("Het {}-token van @{handle} ({account}) is verlopen. Kies een ander account, of vernieuw het token en klik daarna opnieuw op Rechten aanvragen.", network(*n)).into(),
        RightsTokenRevoked { account, handle, network: n } => return format!("Het {}-token van @{handle} ({account}) is niet meer geldig: het moet opnieuw worden geautoriseerd. Kies een ander account, of vernieuw het token en klik daarna opnieuw op Rechten aanvragen.", network(*n)).into(),
        RightsAccountGone(name) => return format!("{name} kan niet versturen: het sociale account ervan is verwijderd. Kies een ander account.").into(),
        RightsRequesting => "Bezig met aanvragen…",
        RightsRequestedSent(h) => return format!("Rechten aangevraagd: het bericht is naar @{h} verstuurd.").into(),
        RightsRequestedInstagram(h) => return format!("Rechtenaanvraag voor @{h} vastgelegd. Instagram laat ons niet namens u reageren: kopieer het bericht en plaats het als reactie bij het bericht.").into(),
        RightsInstagramNote => "Instagram staat Livefyre niet toe om namens u te reageren of antwoorden van een bepaalde gebruiker te volgen. Rechten aanvragen legt de aanvraag vast; Kopiëren zet het bericht op uw klembord om als reactie bij het bericht te plakken.",
        RightsCopy => "Kopiëren",
        RightsCopied => "Bericht naar het klembord gekopieerd. Plak het bij de reacties van het Instagram-bericht.",
        RightsCopiedOpenPost => "Het bericht op Instagram openen",
        RightsCopyFailed => "Het bericht kon niet worden gekopieerd. Het is in het vak geselecteerd: druk op Ctrl+C (⌘C op een Mac) om het te kopiëren.",
        RightsGrantNoteLabel => "Waarom worden de rechten toegekend? (verplicht)",
        RightsGrantNoteHelp => "Bijvoorbeeld: “Getekende toestemming per e-mail ontvangen op 25 november (ticket #4411)”. Iedereen die dit bericht opent, ziet de notitie.",
        RightsGrantWarning => "Met het toekennen van rechten verklaart u dat uw merk de rechten heeft om deze content te gebruiken zonder antwoord van de maker. Ken ze alleen toe als u die toestemming schriftelijk hebt.",
        RightsGrant => "Toekennen",
        RightsGranting => "Bezig met toekennen…",
        RightsGranted => "Rechten toegekend. De notitie staat in de activiteitengeschiedenis.",
        RightsNoteRequired => "Schrijf waarom de rechten worden toegekend.",
        RightsNoteTooLong(n) => return format!("De notitie is langer dan {n} tekens.").into(),
        RightsStatusLabel(s) => match s {
            RightsStatus::Requested => "Aangevraagd",
            RightsStatus::Granted => "Toegekend",
            RightsStatus::NeedsReview => "Controle nodig",
            RightsStatus::Expired => "Vervallen",
            RightsStatus::RequestFailed => "Aanvraag mislukt",
            RightsStatus::RequestPending => "Aanvraag in wachtrij",
        },
        RightsStatusNone => "Geen rechten aangevraagd",
        RightsStatusHeading => "Rechtenstatus",
        ActivityHeading => "Activiteitengeschiedenis",
        ActivityEmpty => "Er is geen eerdere activiteit om te tonen",
        ActivityRequested(Some(a)) => return format!("Rechten aangevraagd via {a}").into(),
        ActivityRequested(None) => "Rechten aangevraagd",
        ActivityReplied => "De maker heeft geantwoord",
        ActivityStatusChanged(s) => return format!("Status gewijzigd in {}", text(&RightsStatusLabel(*s))).into(),
        ActivityGranted => "Rechten handmatig toegekend",
        ActivityNote => "Notitie",
        ActivityError { account, revoked, token } => {
            return match (account, token, revoked) {
                (Some(a), true, false) => format!("Aanvraag mislukt: het token van {a} was verlopen"),
                (Some(a), true, true) => format!("Aanvraag mislukt: het token van {a} was niet meer geldig"),
                (Some(a), false, _) => format!("Aanvraag via {a} mislukt"),
                (None, _, _) => "Aanvraag mislukt".to_string(),
            }
            .into()
        }
        ActivityOther => "Andere activiteit",
        ActivityBy(name) => return format!("door {name}").into(),
        ActivityBySystem => "automatisch",
        SavedAssets => "Opgeslagen items",
        AssetsHeading => "Opgeslagen items",
        AssetsEmpty => "Er is nog niets opgeslagen. Sla berichten op vanuit Sociaal zoeken om er hier rechten voor aan te vragen.",
        AssetsSavedBy { name, date } => return format!("Opgeslagen door {name} op {date}").into(),
        AssetsCount(1) => "1 item",
        AssetsCount(n) => return format!("{n} items").into(),
        // ---- einde rechtenaanvragen ----
        // ---- inbedden (issue 11: EMB-1..4) ----
        ConfigProblem(e) => {
            use crate::config::ConfigError as E;
            return match e {
                E::Unreadable(d) => format!("de configuratie is geen geldige JSON, of een veld ontbreekt, is onbekend of heeft het verkeerde type ({d})."),
                E::ApiBase(v) => format!("api_base moet een absoluut pad zijn zoals /api/v1 of een http(s)-adres, niet \u{201c}{v}\u{201d}."),
                E::BasePath(v) => format!("base_path moet een pad zijn zoals /console/social/, niet \u{201c}{v}\u{201d}."),
                E::Locale(v) => format!("de taal \u{201c}{v}\u{201d} (locale) wordt niet ondersteund; gebruik \u{201c}en\u{201d} of \u{201c}nl\u{201d}."),
                E::Mode(v) => format!("mode moet \u{201c}standalone\u{201d} of \u{201c}embedded\u{201d} zijn, niet \u{201c}{v}\u{201d}."),
                E::HostOrigin(v) => format!("host_origin moet \u{e9}\u{e9}n origin zijn zoals https://console.example.com (zonder pad, nooit *), niet \u{201c}{v}\u{201d}."),
                E::HostElement(v) => format!("host_element moet een element-id zijn zoals social-console-root, niet \u{201c}{v}\u{201d}."),
                E::HostElementMissing(v) => format!("de pagina heeft geen element met de id \u{201c}{v}\u{201d} die host_element noemt."),
                E::Theme(n, true) => format!("theme mag alleen de eigen custom properties van de app (--stc-\u{2026}) instellen, niet \u{201c}{n}\u{201d}."),
                E::Theme(n, false) => format!("de themawaarde van {n} is geen gewone kleur, lettertype of lengte."),
                E::NotLoaded(url, Some(status)) => format!("{url} kon niet worden geladen (HTTP {status})."),
                E::NotLoaded(url, None) => format!("{url} kon niet worden geladen."),
                E::NoDocument => "de pagina heeft geen document om in te starten.".to_string(),
            }
            .into();
        }
        // ---- einde inbedden ----
        // ---- Rights Management (RR-9)
        RmIntro => "Rechtenverzoeken worden vanuit deze accounts verstuurd. Het standaardaccount van elk netwerk wordt als eerste gekozen bij een rechtenverzoek; uitgeschakelde accounts worden niet aangeboden.",
        RmNoAccessTitle => "Je hebt geen toegang tot Rechtenbeheer",
        RmNoAccess(names) if names.is_empty() => "Alleen beheerders en moderatoren kunnen de rechtenaccounts, goedkeuringshashtags, voorwaardenlinks en standaardberichten bekijken en wijzigen. Vraag het een netwerkbeheerder.",
        RmNoAccess(names) => return format!("Alleen beheerders en moderatoren kunnen de rechtenaccounts, goedkeuringshashtags, voorwaardenlinks en standaardberichten bekijken en wijzigen. Vraag het een beheerder: {names}.").into(),
        RmAdd => "Rechtenaccount toevoegen",
        RmEmpty => "Er zijn nog geen rechtenaccounts. Voeg er een toe om rechtenverzoeken te versturen.",
        RmEdit => "Bewerken",
        RmField(f) => match f {
            Field::DisplayName => "Weergavenaam",
            Field::SocialAccount => "Gekoppeld sociaal account",
            Field::ApprovalHashtag => "Goedkeuringshashtag",
            Field::TermsUrl => "Link naar de algemene voorwaarden",
            Field::DefaultTemplate => "Standaardbericht",
        },
        RmTokenLabel => "Tokenstatus",
        RmStatusLabel => "Status",
        RmEnabledYes => "Ingeschakeld",
        RmEnabledNo => "Uitgeschakeld: wordt niet aangeboden bij rechtenverzoeken",
        RmDefaultLabel => "Standaard",
        RmIsDefault(n) => return format!("Standaard voor {}", network(*n)).into(),
        RmNotDefault => "Niet de standaard",
        RmLinked { handle, network: n } => return format!("@{handle} op {}", network(*n)).into(),
        RmLinkedMissing => "Het gekoppelde sociale account bestaat niet meer. Bewerk dit account om een ander te koppelen.",
        RmTermsNotLink => "(niet als link getoond: het adres begint niet met https://)",
        RmEditTitle(name) => return format!("{name} bewerken").into(),
        RmAddTitle => "Rechtenaccount toevoegen",
        RmAccountOption { handle, network: n, state } => {
            return format!("@{handle} ({}): {}", network(*n), text(state)).into()
        }
        RmChooseAccount => "Kies een sociaal account",
        RmFieldEnabled => "Ingeschakeld: dit account aanbieden bij rechtenverzoeken",
        RmFieldDefault(Some(n)) => return format!("Standaardrechtenaccount voor {}", network(*n)).into(),
        RmFieldDefault(None) => "Standaardrechtenaccount voor het eigen netwerk",
        RmHashtagHelp => "Zonder #: alleen letters, cijfers en _. Mensen reageren ermee om toestemming te geven.",
        RmTermsHelp => "Een adres dat begint met https://.",
        RmPlaceholdersIntro => "Het bericht moet elk van deze plaatshouders bevatten, precies zo geschreven:",
        RmPlaceholder("handle") => "de gebruikersnaam van wie het bericht plaatste",
        RmPlaceholder("grantTag") => "de goedkeuringshashtag",
        RmPlaceholder(_) => "de link naar de algemene voorwaarden",
        RmSave => "Opslaan",
        RmSaving => "Bezig met opslaan…",
        RmSaved(name) => return format!("{name} opgeslagen.").into(),
        RmAdded(name) => return format!("{name} toegevoegd.").into(),
        RmSummary(1) => "1 probleem om op te lossen voor het opslaan:",
        RmSummary(n) => return format!("{n} problemen om op te lossen voor het opslaan:").into(),
        RmNotSaved => "Niet opgeslagen. Wat je hebt getypt, blijft staan.",
        RmProblem(p) => return rights_problem(p).into(),
        RmAccountsFailed => "De sociale accounts konden niet worden geladen, dus er kan nu geen account worden gekoppeld.",
        RmNewTemplate => "Hoi @{handle}! We vinden dit bericht geweldig en willen het graag delen. Reageer met #{grantTag} om akkoord te gaan met {termsLink}",
    })
}

fn rights_problem(p: &Problem) -> String {
    match p {
        Problem::Required(Field::DisplayName) => "Vul een weergavenaam in.".into(),
        Problem::Required(Field::SocialAccount) => "Kies een sociaal account.".into(),
        Problem::Required(Field::ApprovalHashtag) => "Vul een goedkeuringshashtag in.".into(),
        Problem::Required(Field::TermsUrl) => "Vul de link naar de algemene voorwaarden in.".into(),
        Problem::Required(Field::DefaultTemplate) => "Vul een standaardbericht in.".into(),
        Problem::TooLong(_, max) => format!("Gebruik hoogstens {max} tekens."),
        Problem::InvalidHashtag => "Gebruik alleen letters, cijfers en _, zonder #.".into(),
        Problem::NotHttps => "Vul een adres in dat begint met https://.".into(),
        Problem::NoSuchAccount => {
            "Dat sociale account bestaat niet meer. Kies een ander account.".into()
        }
        Problem::MissingPlaceholder(ph) => format!("Het bericht moet {ph} bevatten."),
        Problem::UnknownPlaceholder(ph) => {
            format!("{ph} is geen plaatshouder. Gebruik {{handle}}, {{grantTag}} en {{termsLink}} precies zo geschreven.")
        }
        Problem::MessageTooLong {
            network: n,
            over: 0,
        } => {
            format!("Het bericht is te lang voor {}.", network(*n))
        }
        Problem::MessageTooLong { network: n, over } => {
            format!("Het bericht is {over} tekens te lang voor {}.", network(*n))
        }
        Problem::Other(_) => "Deze waarde is niet geaccepteerd.".into(),
    }
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

// ---- sociale accounts (issue 4) ----

fn reason(r: InvalidationReason) -> &'static str {
    match r {
        InvalidationReason::Revoked => "de toegang is ingetrokken",
        InvalidationReason::PasswordChanged => "het wachtwoord is gewijzigd",
        InvalidationReason::AppRemoved => "de app is van het account verwijderd",
        InvalidationReason::SessionInvalid => "de aanbieder heeft de sessie beëindigd",
        InvalidationReason::Other => "de aanbieder heeft het token ongeldig gemaakt",
    }
}

fn failure(f: FailureReason) -> &'static str {
    match f {
        FailureReason::Denied => "de autorisatie is geweigerd bij de aanbieder",
        FailureReason::IdentityMismatch => "er is een ander account geautoriseerd",
        FailureReason::TokenExpired => "het token was verlopen",
        FailureReason::TokenRevoked => "het token was ongeldig gemaakt",
        FailureReason::Unknown => "de aanbieder gaf geen reden",
    }
}

// ---- verloopmeldingen (issue 5) ----

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// De gevolgen van het verlopen in één regel (NOT-2).
fn impact(i: &crate::domain::notifications::Impact) -> String {
    let mut parts = Vec::new();
    if i.streams > 0 {
        let s = plural(i.streams, "stream", "streams");
        // Eén stream stopt, meer streams stoppen.
        let stops = if i.streams == 1 { "stopt" } else { "stoppen" };
        parts.push(if i.expired {
            format!("{s} gestopt")
        } else {
            format!("{s} {stops}")
        });
    }
    if let Some(h) = &i.fallback {
        parts.push(if i.expired {
            format!("Instagram-zoeken gebruikt nu @{h}")
        } else {
            format!("Instagram-zoeken gebruikt dan @{h}")
        });
    } else if i.search_stops {
        parts.push(if i.expired {
            "Instagram-zoeken heeft geen account meer".to_string()
        } else {
            "Instagram-zoeken heeft dan geen account meer".to_string()
        });
    }
    if i.rights_requests > 0 {
        let r = plural(
            i.rights_requests,
            "open rechtenverzoek",
            "open rechtenverzoeken",
        );
        parts.push(if i.expired {
            format!("{r} niet meer gevolgd")
        } else {
            format!("{r} worden niet meer gevolgd")
        });
    }
    if parts.is_empty() {
        return "Verder hangt niets van dit account af".to_string();
    }
    parts.join("; ")
}
