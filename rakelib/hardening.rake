# frozen_string_literal: true

# Robustness checks across layers (docs/hardening.md): bounded fuzzing of
# token-core (libFuzzer via cargo-fuzz), and the bad-input, concurrency, fork,
# GC.stress, leak and randomness suites of the C and Ruby layers. The Rust
# suites (crates/token-core/tests/{bad_input,randomness,fuzz_regressions}) and
# the CLI's (crates/token-cli/tests/hardening_bad_input.rs) run with
# `cargo test --workspace` in test:rust.

require_relative "hardening/fuzzing"
require_relative "hardening/c_suites"

namespace :test do
  desc "Fuzz every token-core target for FUZZ_SECONDS each (default 25)"
  task :fuzz do
    Fuzzing.ensure_cargo_fuzz
    SeedCorpus.write
    Dir.chdir(Fuzzing::DIR) { sh Fuzzing::ENV_VARS, "cargo", "fuzz", "build", *Fuzzing::BUILD_FLAGS }
    Fuzzing.targets.each { |target| Fuzzing.run(target, Fuzzing.seconds_each) }
  end

  desc "Bad input, concurrency, fork, GC.stress, leak and randomness suites of the C and Ruby layers"
  task hardening: %w[test:hardening:c test:hardening:ruby]

  namespace :hardening do
    desc "C: bad input and 10^6-token concurrency/fork suites, shared, static, ASan+UBSan, valgrind"
    task :c do
      HardeningC.run_all
    end

    desc "Ruby: bad input (also under GC.stress), 10^6 tokens across threads, fork, RSS over 10^6 calls, randomness"
    task ruby: :compile do
      files = Dir.glob(File.join(ROOT, "ruby/test/hardening/*_test.rb")).sort
      command = [RubyLayer.ruby_command, "-w", "-I", RubyLayer::LIB, "-I", RubyLayer::TEST,
                 "-I", File.join(RubyLayer::TEST, "hardening"), "-e", "ARGV.each { |f| require f }", *files]
      sh(*command)
      stressed = files.grep(/bad_input|concurrency/)
      sh({ "TOKEN_CODEC_GC_STRESS" => "1" }, *command.first(command.size - files.size), *stressed)
    end
  end
end

task test: %w[test:fuzz test:hardening]
