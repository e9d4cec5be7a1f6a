//! The registry of GitLab token types: prefixes, legacy bodies, routing keys.

use std::fmt;

use crate::RoutingKey;
use crate::legacy::LegacyBody;

/// A GitLab token type, as listed in the token-types specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenType {
    /// Personal, impersonation, project and group access tokens (`glpat-`).
    PersonalAccessToken,
    /// Deploy tokens (`gldt-`).
    DeployToken,
    /// RSS and calendar feed tokens (`glft-`).
    FeedToken,
    /// Incoming email tokens (`glimt-`).
    IncomingEmailToken,
    /// Runner authentication tokens (`glrt-`, `glrtr-`, `glrt-t1_`..`glrt-t3_`).
    RunnerAuthenticationToken,
    /// Runner registration tokens (`GR1348941`), deprecated.
    RunnerRegistrationToken,
    /// CI job tokens (`glcbt-`).
    CiJobToken,
    /// Pipeline trigger tokens (`glptt-`).
    CiTriggerToken,
    /// OAuth application secrets (`gloas-`).
    OAuthApplicationSecret,
    /// OAuth access and refresh tokens (no prefix).
    OAuthAccessToken,
    /// Cluster agent tokens (`glagent-`).
    ClusterAgentToken,
    /// Feature flags client tokens (`glffct-`).
    FeatureFlagsClientToken,
    /// SCIM OAuth tokens (`glsoat-`).
    ScimOAuthToken,
    /// Workspace tokens (`glwt-`).
    WorkspaceToken,
    /// Session cookies (`_gitlab_session=`).
    SessionCookie,
}

impl TokenType {
    /// Every token type, in specification order.
    pub const ALL: [TokenType; 15] = [
        TokenType::PersonalAccessToken,
        TokenType::DeployToken,
        TokenType::FeedToken,
        TokenType::IncomingEmailToken,
        TokenType::RunnerAuthenticationToken,
        TokenType::RunnerRegistrationToken,
        TokenType::CiJobToken,
        TokenType::CiTriggerToken,
        TokenType::OAuthApplicationSecret,
        TokenType::OAuthAccessToken,
        TokenType::ClusterAgentToken,
        TokenType::FeatureFlagsClientToken,
        TokenType::ScimOAuthToken,
        TokenType::WorkspaceToken,
        TokenType::SessionCookie,
    ];

    /// The type's name as a Ruby symbol would spell it (`"personal_access_token"`).
    pub const fn symbol(self) -> &'static str {
        match self {
            TokenType::PersonalAccessToken => "personal_access_token",
            TokenType::DeployToken => "deploy_token",
            TokenType::FeedToken => "feed_token",
            TokenType::IncomingEmailToken => "incoming_email_token",
            TokenType::RunnerAuthenticationToken => "runner_authentication_token",
            TokenType::RunnerRegistrationToken => "runner_registration_token",
            TokenType::CiJobToken => "ci_job_token",
            TokenType::CiTriggerToken => "ci_trigger_token",
            TokenType::OAuthApplicationSecret => "oauth_application_secret",
            TokenType::OAuthAccessToken => "oauth_access_token",
            TokenType::ClusterAgentToken => "cluster_agent_token",
            TokenType::FeatureFlagsClientToken => "feature_flags_client_token",
            TokenType::ScimOAuthToken => "scim_oauth_token",
            TokenType::WorkspaceToken => "workspace_token",
            TokenType::SessionCookie => "session_cookie",
        }
    }

    /// The type named by [`TokenType::symbol`], if any.
    pub fn from_symbol(symbol: &str) -> Option<TokenType> {
        TokenType::ALL.into_iter().find(|t| t.symbol() == symbol)
    }

    /// The prefix GitLab gives new tokens of this type (empty for OAuth access tokens).
    pub const fn default_prefix(self) -> &'static str {
        self.default_prefix_ref()
    }

    /// Every default prefix tokens of this type carry, the generator's first.
    pub const fn known_prefixes(self) -> &'static [&'static str] {
        match self {
            TokenType::RunnerAuthenticationToken => {
                &["glrt-", "glrtr-", "glrt-t1_", "glrt-t2_", "glrt-t3_"]
            }
            TokenType::OAuthAccessToken => &[],
            _ => std::slice::from_ref(self.default_prefix_ref()),
        }
    }

    /// The default prefix as a reference to a `'static` slot, so that
    /// [`TokenType::known_prefixes`] can lend it as a one-element slice.
    const fn default_prefix_ref(self) -> &'static &'static str {
        match self {
            TokenType::PersonalAccessToken => &"glpat-",
            TokenType::DeployToken => &"gldt-",
            TokenType::FeedToken => &"glft-",
            TokenType::IncomingEmailToken => &"glimt-",
            TokenType::RunnerAuthenticationToken => &"glrt-",
            TokenType::RunnerRegistrationToken => &"GR1348941",
            TokenType::CiJobToken => &"glcbt-",
            TokenType::CiTriggerToken => &"glptt-",
            TokenType::OAuthApplicationSecret => &"gloas-",
            TokenType::OAuthAccessToken => &"",
            TokenType::ClusterAgentToken => &"glagent-",
            TokenType::FeatureFlagsClientToken => &"glffct-",
            TokenType::ScimOAuthToken => &"glsoat-",
            TokenType::WorkspaceToken => &"glwt-",
            TokenType::SessionCookie => &"_gitlab_session=",
        }
    }

    /// Whether an instance-wide prefix applies to this type (every prefixed type
    /// but the session cookie, whose prefix is a cookie name).
    pub const fn takes_instance_prefix(self) -> bool {
        !matches!(self, TokenType::OAuthAccessToken | TokenType::SessionCookie)
    }

    /// The shape of this type's legacy (non-routable) body.
    pub const fn legacy_body(self) -> LegacyBody {
        match self {
            TokenType::IncomingEmailToken => LegacyBody::Base36Random128,
            TokenType::CiJobToken => LegacyBody::PartitionedFriendly,
            TokenType::CiTriggerToken => LegacyBody::Hex(40),
            TokenType::OAuthApplicationSecret | TokenType::OAuthAccessToken => LegacyBody::Hex(64),
            TokenType::ClusterAgentToken => LegacyBody::Friendly(50),
            TokenType::SessionCookie => LegacyBody::SessionId,
            TokenType::FeedToken => LegacyBody::FeedFriendlyOrPathBound,
            _ => LegacyBody::Friendly(20),
        }
    }

    /// The routing keys GitLab's generator puts in this type's routable tokens
    /// (besides the default `c`); empty where GitLab makes no routable tokens yet.
    pub const fn routing_keys(self) -> &'static [RoutingKey] {
        match self {
            TokenType::PersonalAccessToken => &[RoutingKey::Organization, RoutingKey::User],
            TokenType::RunnerAuthenticationToken => &[
                RoutingKey::Organization,
                RoutingKey::Group,
                RoutingKey::Project,
                RoutingKey::User,
                RoutingKey::RunnerType,
            ],
            TokenType::ClusterAgentToken => &[RoutingKey::Organization, RoutingKey::Project],
            _ => &[],
        }
    }
}

impl fmt::Display for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}
