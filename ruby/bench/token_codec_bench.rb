# frozen_string_literal: true

# The gem against GitLab's algorithm in pure Ruby (test/support), in the same
# process: generate_token, decode and identify, plus generate_token with given
# random bytes (the codec without any random source). benchmark-ips gives
# iterations per second; separate timed rounds give median nanoseconds per
# call, from which the ratios come.
#
#   ruby -I ruby/lib -I ruby/test ruby/bench/token_codec_bench.rb [report.md]
#
# BENCH_TIME (seconds per benchmark-ips run, default 2) and BENCH_ROUNDS
# (timed rounds, default 11) tune the run.

require "benchmark/ips"
require "etc"
require "fileutils"
require "securerandom"
require "token_codec"
require "support/reference_token_codec"

# One gem-vs-reference comparison.
Comparison = Struct.new(:name, :target, :gem, :reference, keyword_init: true)

# Median nanoseconds per call of +block+ over timed rounds.
def median_ns(rounds, calls, &block)
  samples = Array.new(rounds) do
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
    calls.times(&block)
    (Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - started).fdiv(calls)
  end
  samples.sort[rounds / 2]
end

# benchmark-ips for both implementations: { label => [ips, standard deviation] }.
def ips_of(comparison, seconds)
  report = Benchmark.ips do |x|
    x.config(time: seconds, warmup: [seconds / 2.0, 0.5].max)
    x.report("gem #{comparison.name}", &comparison.gem)
    x.report("pure Ruby #{comparison.name}", &comparison.reference)
    x.compare!
  end
  report.entries.to_h { |entry| [entry.label, [entry.ips, entry.ips_sd]] }
end

Record = Struct.new(:organization_id, :user_id)
record = Record.new(1_234_567, 89_012)
payload = { o: ->(r) { r.organization_id }, u: ->(r) { r.user_id } }
gem_generator = TokenCodec::RoutableToken.new(record, routing_payload: payload, prefix: "glpat-")
reference_generator = ReferenceTokenCodec::RoutableToken.new(record, routing_payload: payload, prefix: "glpat-")
token = gem_generator.generate_token
random = "r" * 16
raise "implementations disagree" unless reference_generator.generate_token(random_bytes: random) ==
                                         gem_generator.generate_token(random_bytes: random)
raise "decoders disagree" unless ReferenceTokenCodec.decode(token).routing == TokenCodec.decode(token).routing

comparisons = [
  Comparison.new(name: "generate_token", target: 20,
                 gem: -> { gem_generator.generate_token }, reference: -> { reference_generator.generate_token }),
  Comparison.new(name: "decode", target: 10,
                 gem: -> { TokenCodec.decode(token) }, reference: -> { ReferenceTokenCodec.decode(token) }),
  Comparison.new(name: "identify", target: nil,
                 gem: -> { TokenCodec.identify(token) }, reference: -> { ReferenceTokenCodec.identify(token) }),
  Comparison.new(name: "generate_token(random_bytes:)", target: nil,
                 gem: -> { gem_generator.generate_token(random_bytes: random) },
                 reference: -> { reference_generator.generate_token(random_bytes: random) })
]

seconds = Float(ENV.fetch("BENCH_TIME", "2"))
rounds = Integer(ENV.fetch("BENCH_ROUNDS", "11"))
rows = comparisons.map do |comparison|
  ips = ips_of(comparison, seconds)
  gem_ns = median_ns(rounds, 20_000) { comparison.gem.call }
  reference_ns = median_ns(rounds, 5_000) { comparison.reference.call }
  { comparison: comparison, ips: ips, gem_ns: gem_ns, reference_ns: reference_ns, ratio: reference_ns / gem_ns }
end
# What both generators do in Ruby for every token: call the routing lambdas
# with the record (the reference also asks respond_to?(:call) per value).
lambdas_ns = median_ns(rounds, 20_000) { payload.transform_values { |value| value.call(record) } }
secure_random_ns = median_ns(rounds, 20_000) { SecureRandom.random_bytes(16) }

lines = []
lines << "# Ruby gem benchmarks"
lines << ""
lines << "ruby #{RUBY_VERSION} (#{RUBY_PLATFORM}), #{Etc.nprocessors} cores, token_codec #{TokenCodec::VERSION}; " \
         "benchmark-ips #{Benchmark::IPS::VERSION} (#{seconds} s per run), medians of #{rounds} timed rounds."
lines << "Pure Ruby = GitLab's algorithm in ruby/test/support/reference_token_codec.rb, same process."
lines << ""
lines << "| operation | gem ips (± sd) | pure Ruby ips (± sd) | ratio (ips) | gem median | pure Ruby median | " \
         "ratio (medians) | target |"
lines << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
rows.each do |row|
  comparison = row[:comparison]
  gem_ips, gem_sd = row[:ips].fetch("gem #{comparison.name}")
  ref_ips, ref_sd = row[:ips].fetch("pure Ruby #{comparison.name}")
  target = comparison.target ? "#{comparison.target}x: #{row[:ratio] >= comparison.target ? 'met' : 'MISSED'}" : "-"
  lines << format("| %s | %.0f (± %.0f) | %.0f (± %.0f) | %.1fx | %.0f ns | %.0f ns | %.1fx | %s |",
                  comparison.name, gem_ips, gem_sd, ref_ips, ref_sd, gem_ips / ref_ips, row[:gem_ns],
                  row[:reference_ns], row[:ratio], target)
end
lines << ""
generate_row = rows.first
gem_native_ns = generate_row[:gem_ns] - lambdas_ns
lines << format("Where generate_token's time goes: calling the two routing lambdas with the record (the same Ruby work " \
                "on both sides) takes %.0f ns median here, so even a free native part would leave generate_token at " \
                "most %.1fx faster than the pure-Ruby %.0f ns; the gem spends %.0f ns beyond the lambdas (Ruby method " \
                "calls, argument conversion, payload, 16 bytes from the thread-local ChaCha12, encoding, the result String). " \
                "The pure-Ruby side draws SecureRandom.random_bytes(16) per token (%.0f ns of its time). " \
                "generate_token(random_bytes:) is the same path with given bytes.",
                lambdas_ns, generate_row[:reference_ns] / lambdas_ns, generate_row[:reference_ns], gem_native_ns,
                secure_random_ns)
report = lines.join("\n")

puts
puts report
if (path = ARGV[0])
  FileUtils.mkdir_p(File.dirname(path))
  File.write(path, "#{report}\n")
  puts
  puts "written to #{path}"
end
