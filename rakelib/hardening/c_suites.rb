# frozen_string_literal: true

require "fileutils"
require "open3"

# The C hardening suites (crates/token-ffi/tests/c/hardening_*.c): compiled
# with the C layer's own flags (FfiLayer in rakelib/ffi.rake) against the
# shared library, the static library, and the static library under
# AddressSanitizer + UndefinedBehaviorSanitizer, and run again under valgrind.
module HardeningC
  SOURCES = File.join(ROOT, "crates/token-ffi/tests/c")
  SUITES = %w[bad_input concurrency].freeze
  # Arguments per suite and run: the largest input (bad_input) or the token
  # count (concurrency), smaller where the run is 2x (sanitizers) to 50x
  # (valgrind) slower. Under the sanitizers and valgrind the parent's threads
  # finish before it forks (the shared and static runs fork while they run):
  # GCC 12's ASan can deadlock a child forked mid-allocation, and valgrind
  # counts the buffers other threads held at fork time as lost in the child.
  ARGS = {
    "bad_input" => { "shared" => [], "static" => [], "sanitize" => [], "valgrind" => [(1 << 20).to_s] },
    "concurrency" => { "shared" => ["1000000"], "static" => ["200000"],
                       "sanitize" => ["200000", "--join-before-fork"],
                       "valgrind" => ["20000", "--join-before-fork"] },
  }.freeze

  module_function

  def build_dir
    File.join(FfiLayer.target_dir, "hardening")
  end

  def compile(suite, variant)
    FileUtils.mkdir_p(build_dir)
    FfiLayer.compile_source(File.join(SOURCES, "hardening_#{suite}.c"), variant,
                            File.join(build_dir, "#{variant}_#{suite}"))
  end

  # Runs one binary; true when it exits 0 and its summary counts no failure.
  def run(label, command, env = {})
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    output, status = Open3.capture2e(env, *command)
    seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    summary = output[/^c [a-z ]+: \d+ passed, \d+ failed$/]
    ok = status.success? && summary && summary.end_with?(" 0 failed")
    puts output.lines.reject { |l| l.start_with?("c ") && l.include?("passed") }.join unless ok
    puts format("hardening: %-32s %-40s %5.1fs %s", label, summary || "(no summary)", seconds, ok ? "ok" : "FAILED")
    ok
  end

  def run_all
    FfiLayer.build_library
    results = SUITES.flat_map do |suite|
      shared = compile(suite, "shared")
      static = compile(suite, "static")
      sanitize = compile(suite, "sanitize")
      args = ARGS.fetch(suite)
      [
        run("c #{suite} (shared)", [shared, *args["shared"]]),
        run("c #{suite} (static)", [static, *args["static"]]),
        run("c #{suite} (asan+ubsan)", [sanitize, *args["sanitize"]], FfiLayer::SANITIZER_ENV),
        run("c #{suite} (valgrind)", [*FfiLayer::VALGRIND, shared, *args["valgrind"]]),
      ]
    end
    raise "test:hardening:c FAILED" unless results.all?
  end
end
