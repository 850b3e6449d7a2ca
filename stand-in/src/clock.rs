//! The server clock: real time plus an offset, or frozen. Test controls move it (like Stripe's
//! test clocks); every expiry and notification derives from it. Whole seconds.

use std::sync::Mutex;

use crate::util::Ts;

#[derive(Debug, Default)]
struct ClockState {
    offset: i64,
    frozen: Option<Ts>,
}

#[derive(Debug, Default)]
pub struct Clock {
    inner: Mutex<ClockState>,
}

pub fn real_now() -> Ts {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

impl Clock {
    pub fn now(&self) -> Ts {
        let s = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        match s.frozen {
            Some(t) => t,
            None => real_now() + s.offset,
        }
    }
    pub fn is_frozen(&self) -> bool {
        self.inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .frozen
            .is_some()
    }
    /// Sets the clock to `now`; frozen there, or ticking on from there.
    pub fn set(&self, now: Ts, frozen: bool) {
        let mut s = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if frozen {
            s.frozen = Some(now);
            s.offset = 0;
        } else {
            s.frozen = None;
            s.offset = now - real_now();
        }
    }
    pub fn advance(&self, seconds: i64) {
        let mut s = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        match s.frozen.as_mut() {
            Some(t) => *t += seconds,
            None => s.offset += seconds,
        }
    }
    pub fn reset_real(&self) {
        let mut s = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        s.frozen = None;
        s.offset = 0;
    }
}
