//! The command line: subcommands and their arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Generate, inspect and route GitLab API tokens; find and redact leaked ones.
///
/// Tokens to inspect are read from the arguments or, with none or `-`, from
/// standard input, one per line (so secrets need not sit in shell history).
/// Secret parts are never printed unless `--show-secrets` is given.
#[derive(Debug, Parser)]
#[command(name = "token-codec", version, propagate_version = true)]
pub struct Cli {
    /// Print JSON Lines (one object per line) instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate fresh tokens (random bytes from the operating system).
    Generate(GenerateArgs),
    /// Encode a token deterministically from given random bytes.
    Encode(EncodeArgs),
    /// Decode tokens: format, prefix, type and routing payload.
    Decode(DecodeArgs),
    /// Identify tokens: type, routable or legacy, checksum status.
    Identify(IdentifyArgs),
    /// Route tokens to a cell as the Cells HTTP router would.
    Route(RouteArgs),
    /// Find tokens in files, directories (recursively) or standard input.
    ///
    /// Exit status: 0 when no secret is found, 1 when a valid routable or a
    /// legacy token is found (look-alikes with a bad checksum are reported
    /// but do not fail), 2 on bad arguments or when an input could not be
    /// read and no secret was found.
    Scan(ScanArgs),
    /// Replace tokens by their prefix and `[REDACTED]`, every other byte kept.
    ///
    /// Reads standard input (or `-`) and writes standard output; files are
    /// written to standard output, to `--output`, or back with `--in-place`.
    Redact(RedactArgs),
    /// Write a reproducible code-like corpus with planted tokens (benchmarks).
    Corpus(CorpusArgs),
}

/// The instance's configured prefixes.
#[derive(Debug, Clone, Default, Args)]
pub struct PrefixArgs {
    /// Instance-wide prefix (e.g. `acme` makes `acme-glpat-`).
    #[arg(long, value_name = "PREFIX")]
    pub instance_prefix: Option<String>,
    /// Custom personal access token prefix.
    #[arg(long, value_name = "PREFIX")]
    pub custom_pat_prefix: Option<String>,
}

/// Routing payload and format of a new routable token.
#[derive(Debug, Clone, Args)]
pub struct RoutingArgs {
    /// Routing entries `KEY=VALUE`, repeated or comma-separated (`-r o=1 -r
    /// u=42`, `-r o=1,u=42`). Keys: c g o p t u. Digits are integers
    /// (written in base36); anything else is kept as text.
    #[arg(short = 'r', long = "routing", value_name = "KEY=VALUE")]
    pub routing: Vec<String>,
    /// The instance's default cell id, added as `c` unless given.
    #[arg(long, value_name = "ID")]
    pub cell_id: Option<u64>,
    /// Require `o` as the v0-era generator did (default: `c` or `o`).
    #[arg(long)]
    pub require_organization: bool,
    /// Token format.
    #[arg(long, value_enum, default_value_t = FormatArg::V1)]
    pub format: FormatArg,
}

/// A routable token format on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// `prefix B64 . LL CRC` (the first routable PATs).
    V0,
    /// `prefix B64 .01. LL CRC` (current GitLab).
    V1,
}

/// `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// A token type (`personal_access_token`, `runner_authentication_token`,
    /// ...) whose configured prefix is used, or a literal prefix (`glrtr-`).
    #[arg(value_name = "TYPE_OR_PREFIX")]
    pub target: String,
    #[command(flatten)]
    pub routing: RoutingArgs,
    /// How many tokens.
    #[arg(short = 'n', long, default_value_t = 1, value_name = "N")]
    pub count: usize,
    /// Generate legacy (non-routable) bodies of the type instead.
    #[arg(long, conflicts_with_all = ["routing", "cell_id", "require_organization"])]
    pub legacy: bool,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// `encode`.
#[derive(Debug, Args)]
pub struct EncodeArgs {
    /// A token type whose configured prefix is used, or a literal prefix
    /// (may be empty: `""`).
    #[arg(value_name = "TYPE_OR_PREFIX")]
    pub target: String,
    #[command(flatten)]
    pub routing: RoutingArgs,
    /// The 16 random bytes, as 32 hex digits.
    #[arg(long, value_name = "HEX")]
    pub random_hex: String,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// Tokens given as arguments or on standard input.
#[derive(Debug, Args)]
pub struct TokenInput {
    /// Tokens; none or `-` reads standard input, one token per line.
    #[arg(value_name = "TOKEN")]
    pub tokens: Vec<String>,
}

/// `decode`.
#[derive(Debug, Args)]
pub struct DecodeArgs {
    #[command(flatten)]
    pub input: TokenInput,
    /// Decode as GitLab's own decoder does (lenient; no reason on failure).
    #[arg(long)]
    pub lax: bool,
    /// Also print the token and its random bytes.
    #[arg(long)]
    pub show_secrets: bool,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// `identify`.
#[derive(Debug, Args)]
pub struct IdentifyArgs {
    #[command(flatten)]
    pub input: TokenInput,
    /// Print the tokens themselves.
    #[arg(long)]
    pub show_secrets: bool,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// `route`.
#[derive(Debug, Args)]
pub struct RouteArgs {
    #[command(flatten)]
    pub input: TokenInput,
    /// Print the tokens themselves.
    #[arg(long)]
    pub show_secrets: bool,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// What a scan reports beyond tokens of configured prefixes.
#[derive(Debug, Clone, Args)]
pub struct DetectionArgs {
    /// Do not report routable look-alikes whose checksum fails.
    #[arg(long)]
    pub no_invalid: bool,
    /// Do not look for v0 tokens whose prefix is not configured.
    #[arg(long)]
    pub no_unconfigured_v0: bool,
    /// Report every 64-hex word as a possible unprefixed OAuth token (noisy).
    #[arg(long)]
    pub unprefixed_oauth: bool,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}

/// `scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files or directories (recursively); none or `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print whole tokens instead of `prefix[REDACTED]`.
    #[arg(long)]
    pub show_secrets: bool,
    /// Print only the summary line.
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub detection: DetectionArgs,
}

/// `redact`.
#[derive(Debug, Args)]
pub struct RedactArgs {
    /// Files (none or `-`: standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rewrite each file in place (only files that hold tokens change).
    #[arg(short, long, conflicts_with = "output")]
    pub in_place: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub detection: DetectionArgs,
}

/// `corpus`.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    /// Size in bytes (suffixes K, M, G: binary).
    #[arg(long, default_value = "100M", value_parser = crate::size::parse_size)]
    pub size: usize,
    /// Seed of every random choice: the same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Planted tokens per MiB, on average.
    #[arg(long, default_value_t = 30)]
    pub tokens_per_mib: u32,
    /// Write the corpus here instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Write the planted findings here, as JSON Lines.
    #[arg(long, value_name = "PATH")]
    pub truth: Option<PathBuf>,
    #[command(flatten)]
    pub prefixes: PrefixArgs,
}
