# frozen_string_literal: true

require "json"

# token-core's criterion benchmarks (benches/): runs them and reads the
# median of every benchmark written by that run from target/criterion.
module CriterionResults
  extend Rake::FileUtilsExt

  Result = Struct.new(:id, :median_ns, :bytes) do
    # Throughput in GB/s (10^9 bytes) for benchmarks that declare bytes.
    def gb_per_s = bytes && bytes / median_ns

    # Calls per second.
    def per_second = 1e9 / median_ns
  end

  module_function

  def dir = File.join(ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target")), "criterion")

  # Seconds of warm-up and of measurement per benchmark (criterion defaults
  # are 3 and 5): BENCH_WARM_UP, BENCH_MEASUREMENT.
  def criterion_args
    ["--warm-up-time", ENV.fetch("BENCH_WARM_UP", "1"), "--measurement-time", ENV.fetch("BENCH_MEASUREMENT", "3"),
     "--noplot"]
  end

  def run
    started = Time.now
    sh "cargo", "bench", "--locked", "-p", "token-benches", "--bench", "codec", "--bench", "scan", "--",
       *criterion_args
    read(since: started)
  end

  # Results whose estimates were written at or after `since`, by id.
  def read(since: Time.at(0))
    Dir.glob(File.join(dir, "**", "new", "estimates.json")).filter_map do |estimates|
      next if File.mtime(estimates) < since

      meta = JSON.parse(File.read(File.join(File.dirname(estimates), "benchmark.json")))
      median = JSON.parse(File.read(estimates)).dig("median", "point_estimate")
      Result.new(meta["full_id"], median, meta.dig("throughput", "Bytes"))
    end.sort_by(&:id).to_h { |r| [r.id, r] }
  end
end
