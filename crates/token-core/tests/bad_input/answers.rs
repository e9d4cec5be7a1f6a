//! Every token-core entry point applied to one input, with the memory each
//! costs: the strict paths allocate nothing, whatever the input.

use token_core::auth_finders::{
    BearerKind, LengthDetection, RouteDecision, classify_bearer, route,
};
use token_core::{
    DecodeError, Identification, Identifier, MAX_DECODE_INPUT_LEN, PrefixConfig, TokenLayout,
    decode, decode_lax, identify, verify,
};

use crate::alloc_count::allocated_by;

/// An instance with both configurable prefixes set.
pub fn configured() -> PrefixConfig {
    PrefixConfig::default()
        .with_instance_prefix("acme")
        .and_then(|c| c.with_custom_pat_prefix("mypat_"))
        .expect("a valid configuration")
}

/// What each entry point answered.
#[derive(Debug)]
pub struct Answers {
    pub decode: Result<(), DecodeError>,
    pub verify: Result<TokenLayout, DecodeError>,
    pub lax: bool,
    pub identify: Option<Identification>,
    pub identify_configured: Option<Identification>,
    pub route: RouteDecision,
    /// `classify_bearer` with length detection disabled, then enabled.
    pub bearer: [BearerKind; 2],
    /// The same with the configured prefixes.
    pub bearer_configured: [BearerKind; 2],
}

/// Runs every entry point on `input` and checks what holds for any input:
/// decode, verify and route agree, and only lax decoding and a routed
/// token's cell id may allocate (lax decoding never on oversized input).
pub fn answers(input: &[u8]) -> Answers {
    let identifier = Identifier::new(&configured());
    let config = configured();
    let default_config = PrefixConfig::default();
    let text = String::from_utf8_lossy(input);

    let ((decode, verify, identify, identify_configured, bearer, bearer_configured), strict) =
        allocated_by(|| {
            let bearer_of = |config: &PrefixConfig| {
                [LengthDetection::Disabled, LengthDetection::Enabled]
                    .map(|mode| classify_bearer(&*text, mode, config))
            };
            (
                decode(input).map(|_| ()),
                verify(input),
                identify(input),
                identifier.identify(input),
                bearer_of(&default_config),
                bearer_of(&config),
            )
        });
    assert_eq!(strict, 0, "a strict entry point allocated {strict} bytes");

    let (lax, lax_bytes) = allocated_by(|| decode_lax(input).is_some());
    if input.len() > MAX_DECODE_INPUT_LEN {
        assert_eq!(lax_bytes, 0, "lax decoding allocated for oversized input");
    }
    let (route, route_bytes) = allocated_by(|| route(input));
    match (&route, decode) {
        (RouteDecision::Default { reason }, Err(error)) => {
            assert_eq!(*reason, error);
            assert_eq!(route_bytes, 0, "routing to the default cell allocated");
        }
        (_, Err(error)) => panic!("routed a token that decode rejects ({error:?})"),
        (_, Ok(())) => {}
    }
    match (decode, verify) {
        (Ok(()), Ok(_)) | (Err(_), Ok(_)) => {}
        (Err(d), Err(v)) => assert_eq!(d, v),
        (Ok(()), Err(v)) => panic!("decode accepted what verify rejects ({v:?})"),
    }
    Answers {
        decode,
        verify,
        lax,
        identify,
        identify_configured,
        route,
        bearer,
        bearer_configured,
    }
}

/// Errors in the payload content, which only `decode` reads (`verify` passes).
const PAYLOAD_ERRORS: [DecodeError; 7] = [
    DecodeError::InvalidBase64,
    DecodeError::LengthByteMismatch,
    DecodeError::EmptyRouting,
    DecodeError::MalformedRouting,
    DecodeError::UnknownRoutingKey,
    DecodeError::DuplicateRoutingKey,
    DecodeError::UnsortedRoutingKeys,
];

/// Asserts that `input` is rejected by every strict entry point with `reason`,
/// is not identified, and routes to the default cell.
pub fn assert_rejected(input: &[u8], reason: DecodeError) -> Answers {
    let answers = answers(input);
    assert_eq!(
        answers.decode,
        Err(reason),
        "decode of a {}-byte input",
        input.len()
    );
    if PAYLOAD_ERRORS.contains(&reason) {
        assert!(answers.verify.is_ok(), "verify reads no payload");
    } else {
        assert_eq!(answers.verify, Err(reason));
    }
    assert_eq!(answers.route, RouteDecision::Default { reason });
    answers
}
