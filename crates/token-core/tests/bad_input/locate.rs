//! The request finders over huge, numerous and malformed headers and parameters.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use token_core::auth_finders::{
    self, BearerKind, LengthDetection, LocateError, MAX_JOB_TOKEN_LEN, RequestParts, RouteDecision,
    classify_bearer,
};
use token_core::{DecodeError, PrefixConfig};

use crate::alloc_count::allocated_by;

fn request<'a>(
    headers: &'a [(&'a str, &'a str)],
    params: &'a [(&'a str, &'a str)],
) -> RequestParts<'a> {
    RequestParts { headers, params }
}

#[test]
fn huge_header_and_parameter_values() {
    for size in [1 << 20, 64 << 20] {
        let token = format!("glpat-{}", "a".repeat(size));
        let bearer = format!("Bearer {token}");
        let basic = format!("Basic {}", "QUFB".repeat(size / 4));
        let headers = [("Authorization", bearer.as_str())];
        let found = request(&headers, &[]);
        let (answers, bytes) = allocated_by(|| {
            (
                auth_finders::bearer_token(&found),
                auth_finders::personal_access_token(&found),
                auth_finders::job_token(&found),
                auth_finders::basic_credentials(&found),
                classify_bearer(&token, LengthDetection::Disabled, &PrefixConfig::default()),
                classify_bearer(&token, LengthDetection::Enabled, &PrefixConfig::default()),
                auth_finders::route(&token),
            )
        });
        assert_eq!(bytes, 0, "finding and classifying allocated {bytes} bytes");
        assert_eq!(answers.0, Some(token.as_str()));
        assert_eq!(answers.1, Some(token.as_str()));
        assert_eq!(answers.2, Ok(None));
        assert_eq!(answers.3, None);
        assert_eq!(answers.4, BearerKind::PersonalAccessToken);
        assert_eq!(answers.5, BearerKind::OAuthThenPersonalAccessToken);
        assert_eq!(
            answers.6,
            RouteDecision::Default {
                reason: DecodeError::TooLong
            }
        );

        let job_header = [("JOB-TOKEN", token.as_str())];
        assert_eq!(
            auth_finders::job_token(&request(&job_header, &[])),
            Err(LocateError::JobTokenTooLong)
        );
        let job_param = [("job_token", token.as_str())];
        assert_eq!(
            auth_finders::job_token(&request(&[], &job_param)),
            Err(LocateError::JobTokenTooLong)
        );

        let basic_header = [("Authorization", basic.as_str())];
        let basic_request = request(&basic_header, &[]);
        let (credentials, bytes) = allocated_by(|| auth_finders::basic_credentials(&basic_request));
        assert_eq!(
            (credentials, bytes),
            (None, 0),
            "an oversized header is not decoded"
        );
        assert!(auth_finders::deploy_token(&basic_request).is_none());
    }
}

#[test]
fn job_token_length_limit() {
    let longest = "a".repeat(MAX_JOB_TOKEN_LEN);
    let params = [("job_token", longest.as_str())];
    let with_param = request(&[], &params);
    let found = auth_finders::job_token(&with_param).expect("fits");
    assert_eq!(found.as_deref(), Some(longest.as_str()));

    let over = "a".repeat(MAX_JOB_TOKEN_LEN + 1);
    let basic = format!(
        "Basic {}",
        STANDARD.encode(format!("{}:{over}", auth_finders::CI_JOB_USER))
    );
    let headers = [("Authorization", basic.as_str())];
    assert_eq!(
        auth_finders::job_token(&request(&headers, &[])),
        Err(LocateError::JobTokenTooLong)
    );
}

#[test]
fn many_headers_and_parameters() {
    let names: Vec<String> = (0..10_000).map(|i| format!("X-Header-{i}")).collect();
    let pairs: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "glpat-.....")).collect();
    let found = request(&pairs, &pairs);
    assert_eq!(auth_finders::personal_access_token(&found), None);
    assert_eq!(auth_finders::job_token(&found), Ok(None));
    assert_eq!(auth_finders::deploy_token(&found), None);
    assert_eq!(auth_finders::static_object_token(&found), None);
    assert_eq!(auth_finders::feed_token(&found, "/a.atom"), None);
}

#[test]
fn malformed_authorization_headers() {
    let dots = format!("Bearer {}", ".".repeat(5000));
    let no_colon = format!("Basic {}", STANDARD.encode("gitlab-ci-token"));
    let not_utf8 = format!("Basic {}", STANDARD.encode(b"gitlab-ci-token:\xff\xfe"));
    let empty_pair = format!("Basic {}", STANDARD.encode(":"));
    let blank_password = format!("Basic {}", STANDARD.encode("gitlab-ci-token:   "));
    let cases: [(&str, Option<&str>, bool); 12] = [
        ("", None, false),
        (" ", None, false),
        ("Bearer", None, false),
        ("Bearer ", None, false),
        ("Bearer \t  ", None, false),
        ("Bearer\0glpat-x", None, false),
        ("\0Bearer x", None, false),
        ("Basic !!!", None, false),
        (&no_colon, None, false),
        (&not_utf8, None, false),
        (&empty_pair, None, true),
        (&dots, Some(&dots[7..]), false),
    ];
    for (header, bearer, basic) in cases {
        let headers = [("Authorization", header)];
        let found = request(&headers, &[]);
        assert_eq!(auth_finders::bearer_token(&found), bearer, "{header:.20}");
        assert_eq!(auth_finders::basic_credentials(&found).is_some(), basic);
        assert_eq!(auth_finders::job_token(&found), Ok(None));
        assert_eq!(auth_finders::deploy_token(&found).as_deref(), bearer);
    }
    let headers = [("Authorization", blank_password.as_str())];
    assert_eq!(auth_finders::job_token(&request(&headers, &[])), Ok(None));
}
