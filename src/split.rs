//! What the screens and the Dutch catalogue share when the release build cuts the wasm (the
//! `split` feature, `bin/build-wasm`): a function of a chunk is called through an async stub
//! that first makes sure its chunk is there. Once it is, the stub's future is ready at its first
//! poll, so code that needs the answer now (a view being built, a message being read) polls it
//! once instead of waiting a turn.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The future's output if it is ready at its first poll; `None` if it would have to wait (the
/// chunk is not there yet: polling starts fetching it, and dropping the future leaves that
/// fetch running).
pub fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ready_future_answers_and_a_waiting_one_does_not() {
        assert_eq!(ready_now(async { 7 }), Some(7));
        assert_eq!(ready_now(std::future::pending::<u8>()), None);
    }
}
