# frozen_string_literal: true

require "fileutils"
require "json"
require "open3"

# token-codec's scanner against ripgrep with the gitleaks GitLab rules, on
# one generated corpus (token-codec corpus: code-like text with valid
# routable tokens, checksum-invalid look-alikes and legacy tokens planted at
# known offsets). Measures speed from a file (median of timed runs after a
# warm-up that fills the page cache) and accuracy against the ground truth.
module ScannerComparison
  extend Rake::FileUtilsExt

  # gitleaks' GitLab rules (cmd/generate/config/rules/gitlab.go), routable
  # forms first, plus the newer versioned routable PAT rule of
  # docs/spec/detection.md. gitleaks also filters by entropy (3 or 4 bits),
  # which ripgrep cannot: the planted tokens are random, so it would keep them.
  GITLEAKS_RULES = {
    "gitlab-pat-routable" => '\bglpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}\b',
    "gitlab-pat-routable-versioned" => '\bglpat-[0-9a-zA-Z_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{2}[0-9a-z]{7}\b',
    "gitlab-runner-authentication-token-routable" => '\bglrt-t\d_[0-9a-zA-Z_\-]{27,300}\.[0-9a-z]{2}[0-9a-z]{7}\b',
    "gitlab-pat" => 'glpat-[\w-]{20}',
    "gitlab-cicd-job-token" => 'glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20}',
    "gitlab-deploy-token" => 'gldt-[0-9a-zA-Z_\-]{20}',
    "gitlab-feature-flag-client-token" => 'glffct-[0-9a-zA-Z_\-]{20}',
    "gitlab-feed-token" => 'glft-[0-9a-zA-Z_\-]{20}',
    "gitlab-incoming-mail-token" => 'glimt-[0-9a-zA-Z_\-]{25}',
    "gitlab-kubernetes-agent-token" => 'glagent-[0-9a-zA-Z_\-]{50}',
    "gitlab-oauth-app-secret" => 'gloas-[0-9a-zA-Z_\-]{64}',
    "gitlab-ptt" => 'glptt-[0-9a-f]{40}',
    "gitlab-rrt" => 'GR1348941[\w-]{20}',
    "gitlab-runner-authentication-token" => 'glrt-[0-9a-zA-Z_\-]{20}',
    "gitlab-scim-token" => 'glsoat-[0-9a-zA-Z_\-]{20}',
    "gitlab-session-cookie" => '_gitlab_session=[0-9a-z]{32}',
  }.freeze

  Span = Struct.new(:offset, :length) do
    def end_offset = offset + length
    def overlaps?(other) = offset < other.end_offset && other.offset < end_offset
  end

  module_function

  def dir = File.join(ROOT, "target/bench/corpus")
  def cli = File.join(ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target")), "release", "token-codec")
  def size_spec = ENV.fetch("BENCH_CORPUS_SIZE", "100M")
  def corpus = File.join(dir, "corpus-#{size_spec}-seed1.txt")
  def truth = File.join(dir, "corpus-#{size_spec}-seed1.truth.jsonl")
  def runs = Integer(ENV.fetch("BENCH_RUNS", "5"))

  def ensure_ripgrep
    return if system("rg", "--version", out: File::NULL, err: File::NULL)

    puts "bench: installing ripgrep"
    apt = Process.uid.zero? ? [] : %w[sudo]
    return if system(*apt, "apt-get", "install", "-y", "-qq", "ripgrep", out: File::NULL)

    sh "cargo install ripgrep --locked"
  end

  def prepare
    ensure_ripgrep
    sh "cargo build --quiet --release --locked -p token-cli"
    FileUtils.mkdir_p(dir)
    return if File.exist?(corpus) && File.exist?(truth)

    sh cli, "corpus", "--size", size_spec, "--seed", "1", "-o", corpus, "--truth", truth
  end

  def rg_pattern_args = GITLEAKS_RULES.values.flat_map { |rule| ["-e", rule] }

  # Median wall time in seconds of `command` over `runs` runs, after one
  # warm-up run; output discarded; exit statuses in `ok` accepted.
  def timed(command, ok: [0, 1])
    samples = Array.new(runs + 1) do
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      _, status = Open3.capture2e(*command)
      raise "#{command.first} exited #{status.exitstatus}" unless ok.include?(status.exitstatus)

      Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    end
    samples.drop(1).sort[runs / 2]
  end

  def planted
    File.foreach(truth).map { |line| JSON.parse(line) }
  end

  # Every match of every rule (run one rule at a time, as gitleaks reports
  # each rule's matches), as byte spans.
  def ripgrep_spans
    GITLEAKS_RULES.values.flat_map do |rule|
      out, = Open3.capture2("rg", "--no-config", "-a", "-o", "-b", "--no-filename", "--no-line-number",
                            "-e", rule, corpus, binmode: true)
      out.b.each_line.map do |line|
        offset, match = line.chomp.split(":", 2)
        Span.new(Integer(offset), match.bytesize)
      end
    end.uniq
  end

  # The CLI's findings: [span, reported as a secret?].
  def cli_findings
    out, = Open3.capture2(cli, "scan", "--json", corpus)
    out.each_line.map { |line| JSON.parse(line) }.reject { |f| f.key?("summary") }.map do |f|
      [Span.new(f["offset"], f["length"]), f["checksum"] != "invalid"]
    end
  end

  # Recall and false positives of `reported` ([span, secret?] pairs) against
  # the planted tokens.
  def accuracy(reported)
    tokens = planted.map { |p| [Span.new(p["offset"], p["length"]), p] }
    secret_spans = reported.select(&:last).map(&:first)
    exact = secret_spans.to_h { |s| [[s.offset, s.length], true] }
    secrets = tokens.reject { |_, p| p["checksum"] == "invalid" }
    found = secrets.select { |span, _| exact[[span.offset, span.length]] }
    v1 = secrets.select { |_, p| p["format"] == "v1" }
    look_alikes = tokens.select { |_, p| p["checksum"] == "invalid" }
    overlapping = ->(span) { secret_spans.any? { |s| s.overlaps?(span) } }
    {
      secrets: secrets.size,
      found_whole: found.size,
      recall: found.size.to_f / secrets.size,
      v1: v1.size,
      v1_found_whole: v1.count { |span, _| exact[[span.offset, span.length]] },
      cut_short: secrets.count { |span, _| !exact[[span.offset, span.length]] && overlapping.call(span) },
      look_alikes: look_alikes.size,
      look_alikes_as_secrets: look_alikes.count { |span, _| overlapping.call(span) },
      elsewhere: secret_spans.count { |s| tokens.none? { |span, _| span.overlaps?(s) } },
    }
  end

  def run
    prepare
    bytes = File.size(corpus)
    rg_seconds = timed(["rg", "--no-config", "-a", "--count-matches", *rg_pattern_args, corpus])
    cli_seconds = timed([cli, "scan", "-q", corpus])
    truth_rows = planted
    result = {
      corpus: { path: corpus.delete_prefix("#{ROOT}/"), bytes: bytes, planted: truth_rows.size,
                valid: truth_rows.count { |p| p["checksum"] == "valid" },
                look_alikes: truth_rows.count { |p| p["checksum"] == "invalid" },
                legacy: truth_rows.count { |p| p["kind"] == "legacy" } },
      ripgrep: { version: `rg --version`.lines.first.strip, rules: GITLEAKS_RULES.size, seconds: rg_seconds,
                 gb_per_s: bytes / rg_seconds / 1e9, accuracy: accuracy(ripgrep_spans.map { |s| [s, true] }) },
      cli: { seconds: cli_seconds, gb_per_s: bytes / cli_seconds / 1e9, accuracy: accuracy(cli_findings) },
      runs: runs,
    }
    File.write(File.join(ROOT, "target/bench/scanners.json"), JSON.pretty_generate(result))
    result
  end
end
