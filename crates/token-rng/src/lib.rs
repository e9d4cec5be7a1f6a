//! A fast, fork-aware CSPRNG for the language bindings (the Ruby gem, the C ABI).
//!
//! Each thread keeps a ChaCha12 generator seeded from the operating system.
//! Asking the OS for every token costs a system call (hundreds of nanoseconds
//! here); this costs a few nanoseconds per token and stays safe across `fork`:
//!
//! - A `pthread_atfork` child handler bumps a process-wide fork epoch. A thread
//!   whose generator was seeded in another epoch reseeds from the OS before its
//!   next draw, so a forked Puma or Sidekiq worker never replays its parent's
//!   (or a sibling's) stream. This is how OpenSSL's generator protects itself.
//! - Generators also reseed after every [`RESEED_AFTER_BYTES`] bytes.
//! - Reseeding is fallible and reported; nothing here panics.
//!
//! token-core stays free of global state and `unsafe`: it takes random bytes
//! from its caller, and this crate is the caller's source.
#![deny(unsafe_op_in_unsafe_fn)]

use std::cell::RefCell;
use std::error::Error;
use std::fmt;
use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering};

use rand::rngs::{StdRng, SysRng};
use rand::{Rng, SeedableRng};

/// Bytes a thread's generator yields before it reseeds from the OS.
pub const RESEED_AFTER_BYTES: u64 = 1 << 20;

/// The operating system's random source failed while seeding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedError;

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the operating system's random source failed")
    }
}

impl Error for SeedError {}

/// Number of `fork`s this process descends from since the handler was installed.
static FORK_EPOCH: AtomicU64 = AtomicU64::new(0);
static INSTALL: Once = Once::new();

extern "C" fn after_fork_in_child() {
    // Async-signal-safe: a single atomic add.
    FORK_EPOCH.fetch_add(1, Ordering::SeqCst);
}

/// Installs the fork handler. Called by [`fill`]; bindings may call it at load
/// time too. Idempotent.
pub fn install() {
    INSTALL.call_once(|| {
        // SAFETY: `pthread_atfork` only records the handler pointers; the child
        // handler is a plain `extern "C" fn` that performs one atomic add and
        // lives for the whole program.
        unsafe {
            libc::pthread_atfork(None, None, Some(after_fork_in_child));
        }
    });
}

struct ThreadGenerator {
    rng: StdRng,
    epoch: u64,
    drawn: u64,
}

thread_local! {
    static GENERATOR: RefCell<Option<ThreadGenerator>> = const { RefCell::new(None) };
}

/// Fills `dest` with cryptographically secure random bytes from this thread's
/// generator, seeding or reseeding it from the OS first when it is new, was
/// seeded before a `fork`, or has yielded [`RESEED_AFTER_BYTES`].
///
/// # Errors
/// [`SeedError`] if the OS random source fails while (re)seeding; `dest` is
/// then left untouched.
pub fn fill(dest: &mut [u8]) -> Result<(), SeedError> {
    install();
    let epoch = FORK_EPOCH.load(Ordering::SeqCst);
    GENERATOR.with_borrow_mut(|slot| {
        let stale = match slot {
            Some(g) => g.epoch != epoch || g.drawn >= RESEED_AFTER_BYTES,
            None => true,
        };
        if stale {
            let rng = StdRng::try_from_rng(&mut SysRng).map_err(|_| SeedError)?;
            *slot = Some(ThreadGenerator {
                rng,
                epoch,
                drawn: 0,
            });
        }
        match slot {
            Some(g) => {
                g.rng.fill_bytes(dest);
                g.drawn += dest.len() as u64;
                Ok(())
            }
            None => Err(SeedError),
        }
    })
}

/// `N` random bytes from [`fill`].
///
/// # Errors
/// [`SeedError`] if the OS random source fails while (re)seeding.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], SeedError> {
    let mut bytes = [0u8; N];
    fill(&mut bytes)?;
    Ok(bytes)
}

/// The current fork epoch, for tests and diagnostics.
pub fn fork_epoch() -> u64 {
    FORK_EPOCH.load(Ordering::SeqCst)
}
