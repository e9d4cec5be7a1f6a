//! Random bytes for generated tokens, from [`token_rng`]: a thread-local
//! ChaCha12 seeded from the operating system, reseeded after every `fork`
//! (a `pthread_atfork` epoch) and after 1 MiB. A token costs a few
//! nanoseconds of randomness instead of a system call, and forked Puma or
//! Sidekiq workers still never replay their parent's stream.
//!
//! Seeding can fail (the OS source is unavailable); that is reported as
//! [`EncodeError::RandomUnavailable`], never a panic.

use std::convert::Infallible;

use rand::{TryCryptoRng, TryRng};
use token_core::{EncodeError, PrefixConfig, RANDOM_LEN, TokenType};
use token_rng::SeedError;

/// The 16 random bytes of a routable token.
///
/// # Errors
/// [`EncodeError::RandomUnavailable`] if the generator cannot be (re)seeded.
pub fn routable_random() -> Result<[u8; RANDOM_LEN], EncodeError> {
    token_rng::random_bytes().map_err(|_: SeedError| EncodeError::RandomUnavailable)
}

/// A legacy token of `token_type` with the prefix `config` gives it.
///
/// # Errors
/// [`EncodeError::RandomUnavailable`] if the generator cannot be (re)seeded.
pub fn generate_legacy(
    token_type: TokenType,
    config: &PrefixConfig,
) -> Result<String, EncodeError> {
    let mut rng = LatchingRng::new(token_rng::fill);
    let token = token_core::generate_legacy_with_rng(token_type, config, &mut rng);
    rng.finish(token)
}

/// A generator for token-core's `_with_rng` functions (which take an
/// infallible [`rand::CryptoRng`]) over a fallible source such as
/// [`token_rng::fill`].
///
/// When the source fails, the generator remembers it and yields zeroes from
/// then on, so the call in progress completes; [`LatchingRng::finish`] then
/// discards what that call made and reports the failure. Nothing made from
/// the zeroes ever leaves [`LatchingRng::finish`].
pub struct LatchingRng<F> {
    fill: F,
    failed: bool,
}

impl<F: FnMut(&mut [u8]) -> Result<(), SeedError>> LatchingRng<F> {
    /// A generator drawing from `fill`.
    pub fn new(fill: F) -> LatchingRng<F> {
        LatchingRng {
            fill,
            failed: false,
        }
    }

    /// `result` if every draw succeeded, else
    /// [`EncodeError::RandomUnavailable`] (and `result` is dropped).
    ///
    /// # Errors
    /// [`EncodeError::RandomUnavailable`], or the error `result` holds.
    pub fn finish<T>(self, result: Result<T, EncodeError>) -> Result<T, EncodeError> {
        if self.failed {
            Err(EncodeError::RandomUnavailable)
        } else {
            result
        }
    }
}

impl<F: FnMut(&mut [u8]) -> Result<(), SeedError>> TryRng for LatchingRng<F> {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        if self.failed || (self.fill)(dst).is_err() {
            self.failed = true;
            dst.fill(0);
        }
        Ok(())
    }
}

/// Cryptographically secure while the source is (token-rng's ChaCha12); the
/// output after a failure is never used (see [`LatchingRng::finish`]).
impl<F: FnMut(&mut [u8]) -> Result<(), SeedError>> TryCryptoRng for LatchingRng<F> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_source_is_reported_and_its_token_dropped() {
        let mut rng = LatchingRng::new(|_: &mut [u8]| Err(SeedError));
        let token = token_core::generate_legacy_with_rng(
            TokenType::PersonalAccessToken,
            &PrefixConfig::default(),
            &mut rng,
        );
        assert!(token.is_ok(), "the core completes the call");
        assert_eq!(rng.finish(token), Err(EncodeError::RandomUnavailable));
    }

    #[test]
    fn a_failure_is_remembered_even_if_the_source_recovers() {
        let mut calls = 0;
        let mut rng = LatchingRng::new(|dst: &mut [u8]| {
            calls += 1;
            if calls == 1 {
                Err(SeedError)
            } else {
                dst.fill(7);
                Ok(())
            }
        });
        assert_eq!(rng.try_next_u64(), Ok(0));
        assert_eq!(rng.try_next_u64(), Ok(0));
        assert_eq!(rng.finish(Ok(())), Err(EncodeError::RandomUnavailable));
    }

    #[test]
    fn a_working_source_passes_its_bytes_and_the_result_through() {
        let mut rng = LatchingRng::new(|dst: &mut [u8]| {
            dst.fill(0xab);
            Ok(())
        });
        assert_eq!(rng.try_next_u32(), Ok(0xabab_abab));
        let token = token_core::generate_legacy_with_rng(
            TokenType::CiTriggerToken,
            &PrefixConfig::default(),
            &mut rng,
        );
        let token = rng.finish(token).unwrap();
        assert_eq!(token, format!("glptt-{}", "ab".repeat(20)));
    }

    #[test]
    fn tokens_come_from_the_thread_generator() {
        let config = PrefixConfig::default();
        let a = generate_legacy(TokenType::PersonalAccessToken, &config).unwrap();
        let b = generate_legacy(TokenType::PersonalAccessToken, &config).unwrap();
        assert_ne!(a, b);
        assert_ne!(routable_random().unwrap(), routable_random().unwrap());
    }
}
