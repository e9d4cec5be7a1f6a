# frozen_string_literal: true

# `rake bench`: every benchmark side by side in one run, and the report
# target/bench/report.md (docs/benchmarks.md explains it and keeps a snapshot):
# token-core's criterion benchmarks, the gem against pure Ruby (bench:ruby,
# rakelib/ruby.rake), the C ABI from Python ctypes against pure Python, and
# the scanner against ripgrep with the gitleaks GitLab rules on one generated
# corpus (speed, recall, checksum-invalid false positives).

require "json"
require_relative "bench/criterion_results"
require_relative "bench/scanner_comparison"
require_relative "bench/report"

BENCH_DIR = File.join(ROOT, "target/bench")
# When this run's criterion benchmarks started (older results are not reported).
BENCH_RUN = {}

def bench_json(name)
  path = File.join(BENCH_DIR, name)
  File.exist?(path) ? JSON.parse(File.read(path)) : nil
end

namespace :bench do
  desc "token-core: criterion benchmarks of every hot path (BENCH_WARM_UP, BENCH_MEASUREMENT seconds)"
  task :core do
    BENCH_RUN[:core_started] = Time.now
    CriterionResults.run
  end

  desc "C ABI from Python ctypes against pure Python; writes target/bench/ffi.json"
  task :ffi do
    sh "cargo build --quiet --release --locked -p token-ffi"
    FileUtils.mkdir_p(BENCH_DIR)
    library = File.join(ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target")), "release", "libtoken_ffi.so")
    sh "python3", File.join(ROOT, "scripts/bench/ffi_ctypes_bench.py"), library,
       File.join(ROOT, "include/token_codec.h"), File.join(BENCH_DIR, "ffi.json")
  end

  desc "Scanner vs ripgrep + gitleaks GitLab rules on a generated corpus (BENCH_CORPUS_SIZE, default 100M)"
  task :scanners do
    ScannerComparison.run
  end

  desc "Write target/bench/report.md from the latest results (rake bench runs everything first)"
  task :report do
    ruby_md = File.join(BENCH_DIR, "ruby.md")
    BenchReport.write(core: CriterionResults.read(since: BENCH_RUN.fetch(:core_started, Time.at(0))),
                      ruby_markdown: File.exist?(ruby_md) ? File.read(ruby_md) : nil,
                      ffi: bench_json("ffi.json"), scanners: bench_json("scanners.json"))
  end

  desc "Copy target/bench/report.md into docs/benchmarks.md (between its snapshot markers)"
  task :snapshot do
    doc = File.join(ROOT, "docs/benchmarks.md")
    text = File.read(doc)
    report = File.read(BenchReport::OUT).sub(/\A# .*\n+/, "").gsub(/^(#+) /, '#\1 ')
    updated = text.sub(/(<!-- snapshot:start -->\n).*(<!-- snapshot:end -->)/m) { "#{$1}#{report}\n#{$2}" }
    raise "docs/benchmarks.md has no snapshot markers" if updated == text && !text.include?(report)

    File.write(doc, updated)
    puts "bench:snapshot: docs/benchmarks.md updated"
  end
end

# bench:ruby is hooked into `bench` by rakelib/ruby.rake as well; rake runs it once, before the report.
task bench: %w[bench:core bench:ffi bench:scanners bench:ruby bench:report]
