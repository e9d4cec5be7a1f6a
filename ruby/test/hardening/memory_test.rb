# frozen_string_literal: true

require "hardening_support"

# No leak across the Ruby/Rust boundary: a million calls of each entry point
# (successes and raised errors alike) leave the resident set size flat.
#
# Garbage is not a leak: between two collections it takes memory that the
# allocator keeps after the GC frees it, so the resident set grows until the
# GC's own limits settle (its malloc limit adapts over several collections,
# and after another test freed a large heap, collections are rare at first).
# A full round of calls therefore warms up before the measured round; a leak
# grows in every round, garbage stops growing once collections keep pace.
class MemoryTest < TokenCodecTest
  include HardeningSupport

  CALLS = Integer(ENV.fetch("TOKEN_CODEC_LEAK_CALLS", "1000000"))
  # Growth allowed per million calls: far below what keeping even 8 bytes per
  # call would cost, above the allocator's own noise.
  TOLERANCE_KIB = 4 * 1024

  REQUEST = TokenCodec::AuthFinders::Request.new(headers: { "Authorization" => "Bearer #{PAT_V1}" })
  GENERATOR_ROUTING = { o: 1, u: 42 }.freeze

  OPERATIONS = {
    generate: -> { TokenCodec.generate(GENERATOR_ROUTING, prefix: "glpat-") },
    generate_legacy: -> { TokenCodec.generate_legacy(:personal_access_token) },
    decode: -> { TokenCodec.decode(PAT_V1) },
    decode_error: lambda do
      TokenCodec.decode!(PAT_V1.sub("kcij", "kcia"))
    rescue TokenCodec::DecodeError
      nil
    end,
    decode_lax: -> { TokenCodec.decode_lax(PAT_V0) },
    identification: -> { TokenCodec.identification(PAT_V1) },
    classify_bearer: -> { TokenCodec::AuthFinders.classify_bearer(PAT_V1, length_detection: false) },
    route: -> { TokenCodec::AuthFinders.route(PAT_V0) },
    find_in_request: -> { TokenCodec::AuthFinders.personal_access_token(REQUEST) },
  }.freeze

  # RSS growth in KiB over CALLS calls of +operation+, after CALLS more.
  def growth_over_calls(operation)
    CALLS.times { operation.call }
    before = settled_rss
    CALLS.times { operation.call }
    after = settled_rss
    after - before
  end

  def settled_rss
    3.times { GC.start(full_mark: true, immediate_sweep: true) }
    rss_kib
  end

  OPERATIONS.each do |name, operation|
    define_method(:"test_rss_stays_flat_over_a_million_calls_of_#{name}") do
      skip "GC.stress makes a million calls take hours" if TestSupport.gc_stress?
      skip "no /proc/self/status" unless rss_kib

      growth = growth_over_calls(operation)
      warn "#{name}: #{growth} KiB" if ENV["TOKEN_CODEC_LEAK_VERBOSE"]
      assert_operator growth, :<=, TOLERANCE_KIB * CALLS / 1_000_000,
                      "#{name}: RSS grew by #{growth} KiB over #{CALLS} calls"
    end
  end

  def test_the_measurement_sees_a_leak_of_one_small_object_per_call
    skip "GC.stress makes a million calls take hours" if TestSupport.gc_stress?
    skip "no /proc/self/status" unless rss_kib

    kept = []
    growth = growth_over_calls(-> { kept << String.new("sixteen bytes...") })
    assert_operator growth, :>, TOLERANCE_KIB * CALLS / 1_000_000, "a leak went unnoticed (#{growth} KiB)"
    assert_equal CALLS * 2, kept.size
  end
end
