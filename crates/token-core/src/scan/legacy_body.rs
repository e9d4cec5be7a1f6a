//! Where a legacy (non-routable) body ends, for each type's body shape.

use super::boundary::{ends_cleanly, word_run_end};
use crate::TokenType;
use crate::bytes::is_word;

/// Longest legacy body other than a JWT: the path-bound feed token
/// `<64 hex>-<user id>` has at most 85 bytes.
const MAX_PLAIN_BODY_LEN: usize = 128;

/// Longest CI job token JWT the scanner follows (as `LegacyBody` accepts).
pub(crate) use crate::legacy::MAX_JWT_LEN;

/// End of the legacy body of `token_type` that starts at `from`, if the bytes
/// there have that type's body shape and end at a token boundary.
pub(crate) fn legacy_body_end(
    hay: &[u8],
    from: usize,
    token_type: TokenType,
    eof: bool,
) -> Option<usize> {
    if token_type == TokenType::CiJobToken && hay[from..].starts_with(b"eyJ") {
        return jwt_end(hay, from, eof);
    }
    let end = word_run_end(hay, from, MAX_PLAIN_BODY_LEN);
    let fits = end <= from + MAX_PLAIN_BODY_LEN && ends_cleanly(hay, end, eof);
    (fits && token_type.legacy_body().matches(&hay[from..end])).then_some(end)
}

/// End of a JWT (three non-empty base64url segments joined by `.`).
fn jwt_end(hay: &[u8], from: usize, eof: bool) -> Option<usize> {
    let limit = from + MAX_JWT_LEN;
    let mut at = from;
    for segment in 0..3 {
        let end = word_run_end(hay, at, limit.saturating_sub(at));
        if end == at || end > limit {
            return None;
        }
        at = end;
        if segment < 2 {
            if hay.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
    }
    if !ends_cleanly(hay, at, eof) {
        return None;
    }
    let fourth_segment = hay.get(at) == Some(&b'.')
        && match hay.get(at + 1) {
            Some(&b) => is_word(b),
            None => !eof,
        };
    let body = &hay[from..at];
    (!fourth_segment && TokenType::CiJobToken.legacy_body().matches(body)).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_end_at_boundaries() {
        let pat = TokenType::PersonalAccessToken;
        assert_eq!(
            legacy_body_end(b"abcdefghijkmnpqrstuv ", 0, pat, false),
            Some(20)
        );
        assert_eq!(
            legacy_body_end(b"abcdefghijkmnpqrstuv", 0, pat, true),
            Some(20)
        );
        assert_eq!(
            legacy_body_end(b"abcdefghijkmnpqrstuv", 0, pat, false),
            None
        );
        assert_eq!(
            legacy_body_end(b"abcdefghijkmnpqrstuvw ", 0, pat, true),
            None
        );
        assert_eq!(legacy_body_end(b"abcdefghijkmnpqrst ", 0, pat, true), None);
        let trigger = TokenType::CiTriggerToken;
        let hex40 = [b'a'; 40];
        assert_eq!(legacy_body_end(&hex40, 0, trigger, true), Some(40));
        let session = TokenType::SessionCookie;
        assert_eq!(legacy_body_end(&[b'z'; 32], 0, session, true), Some(32));
        let feed = [&[b'0'; 64][..], b"-42;"].concat();
        assert_eq!(
            legacy_body_end(&feed, 0, TokenType::FeedToken, true),
            Some(67)
        );
    }

    #[test]
    fn jwt_bodies() {
        let job = TokenType::CiJobToken;
        let jwt = b"eyJhbGciOiJIUzI1NiJ9.eyJjZWxsX2lkIjoxfQ.c2ln";
        assert_eq!(legacy_body_end(jwt, 0, job, true), Some(jwt.len()));
        let sentence = [&jwt[..], b". Next"].concat();
        assert_eq!(legacy_body_end(&sentence, 0, job, true), Some(jwt.len()));
        let four = [&jwt[..], b".more"].concat();
        assert_eq!(legacy_body_end(&four, 0, job, true), None);
        assert_eq!(legacy_body_end(b"eyJa.b", 0, job, true), None);
        assert_eq!(legacy_body_end(b"eyJa..b", 0, job, true), None);
        assert_eq!(
            legacy_body_end(b"64_abcdefghijkmnpqrstuv", 0, job, true),
            Some(23)
        );
        let long = [&b"eyJ"[..], &[b'a'; MAX_JWT_LEN][..], b".b.c"].concat();
        assert_eq!(legacy_body_end(&long, 0, job, true), None);
    }
}
