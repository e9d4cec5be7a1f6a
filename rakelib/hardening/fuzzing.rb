# frozen_string_literal: true

require "fileutils"
require_relative "../../fuzz/seed_corpus"

# Bounded runs of the libFuzzer targets in fuzz/ (cargo-fuzz on the stable
# toolchain). See docs/hardening.md for longer runs.
module Fuzzing
  extend Rake::FileUtilsExt

  DIR = File.join(ROOT, "fuzz")
  LOG_DIR = File.join(ROOT, "target/fuzz-logs")
  # The -Z sanitizer flags cargo-fuzz passes need a nightly compiler or this.
  ENV_VARS = { "RUSTC_BOOTSTRAP" => "1" }.freeze
  # -O: optimized; -a: with debug assertions and overflow checks. AddressSanitizer is cargo-fuzz's default.
  BUILD_FLAGS = %w[-O -a].freeze

  module_function

  def targets
    File.read(File.join(DIR, "Cargo.toml")).scan(/^name = "([a-z_]+)"\npath = "fuzz_targets/).flatten
  end

  def seconds_each
    Integer(ENV.fetch("FUZZ_SECONDS", "25"))
  end

  def ensure_cargo_fuzz
    return if system("cargo fuzz --version", out: File::NULL, err: File::NULL)

    puts "test:fuzz: installing cargo-fuzz (once)"
    sh "cargo install cargo-fuzz --locked"
  end

  def libfuzzer_args(seconds)
    ["-max_total_time=#{seconds}", "-timeout=10", "-rss_limit_mb=2048", "-max_len=4096",
     "-print_final_stats=1"]
  end

  # Runs one target for `seconds`; libFuzzer's chatter goes to a log file, its
  # final statistics to the console. Fails with the artifact's path on a finding.
  def run(target, seconds)
    FileUtils.mkdir_p(LOG_DIR)
    log = File.join(LOG_DIR, "#{target}.log")
    corpus = File.join(DIR, "corpus", target)
    command = ["cargo", "fuzz", "run", *BUILD_FLAGS, target, corpus, "--", *libfuzzer_args(seconds)]
    ok = Dir.chdir(DIR) { system(ENV_VARS, *command, out: log, err: %i[child out]) }
    lines = File.readlines(log)
    done = lines.grep(/^Done \d+ runs|DONE\s+cov/).map(&:strip)
    execs = lines.grep(/^stat::number_of_executed_units/).first.to_s.split(":").last.to_s.strip
    puts format("fuzz %-14s %ss %s executions  %s", target, seconds, execs, done.first.to_s)
    return if ok

    puts lines.last(40).join
    raise "fuzz target #{target} found a failing input (see #{log} and fuzz/artifacts/#{target}/); " \
          "copy it into fuzz/regressions/#{target}/ so that cargo test replays it, then fix the cause"
  end
end
