//! The server's time a page's states are drawn at (TOK-2, TOK-5), for the pages whose states
//! change with time alone: Social Accounts' cards (a token's days left, its expiry) and Streams'
//! rows (a running stream warns in its account's last 10 days and stops when it expires).
//!
//! Every API answer reads the server's clock again: the bell's every minute and on each return to
//! the tab. A reading that changes no state is not passed on, so finding nothing new recomputes
//! nothing: the drawn time moves only to a reading past the soonest change after it, or behind it
//! (`domain::clock::states_at`). A timer wakes the page at that soonest change.

use std::time::Duration;

use api_types::Timestamp;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;

use crate::api::server_now;
use crate::domain::clock::{states_at, wait_ms, ServerClock};

/// Keeps `drawn`, the time the page's states are drawn at, from the API's `clock`.
///
/// `soonest_after(t)` is the soonest moment after `t` at which some state changes. It is read
/// reactively, so a new list is checked against the held time at once. `on_passed(held, now)`
/// runs when a reading (or the timer) passes such a moment, with the time held until then and
/// the new one: Streams asks the API again when a stream stopped between the two.
///
/// Returns the server's time now, re-read at each reading and when the timer wakes, for what must
/// be right to the moment rather than held (a dialog's candidates).
pub fn hold_drawn_time(
    clock: RwSignal<Option<ServerClock>>,
    drawn: RwSignal<Option<Timestamp>>,
    soonest_after: impl Fn(Timestamp) -> Option<Timestamp> + 'static,
    on_passed: impl Fn(Timestamp, Timestamp) + 'static,
) -> Memo<Option<Timestamp>> {
    let wake = RwSignal::new(0u32);
    let now = Memo::new(move |_| {
        wake.track();
        server_now(clock.get())
    });
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let Some(now) = now.get() else {
            return;
        };
        let prev = drawn.get_untracked();
        let soonest_after_prev = prev.and_then(&soonest_after);
        let held = states_at(prev, now, soonest_after_prev);
        // Kept, the soonest change after it is the soonest after `now` too: none falls between.
        let at = if Some(held) == prev {
            soonest_after_prev
        } else {
            drawn.set(Some(held));
            if let Some(prev) = prev.filter(|_| soonest_after_prev.is_some_and(|at| at <= now)) {
                on_passed(prev, now);
            }
            soonest_after(now)
        };
        // The wait counts from the clock, not from the held time, which may be behind it.
        let handle = at.and_then(|at| {
            set_timeout_with_handle(
                move || {
                    wake.try_update(|w| *w = w.wrapping_add(1));
                },
                Duration::from_millis(u64::from(wait_ms(at, now))),
            )
            .ok()
        });
        timer.set_value(handle);
    });
    on_cleanup(move || {
        if let Some(Some(h)) = timer.try_get_value() {
            h.clear();
        }
    });
    now
}
