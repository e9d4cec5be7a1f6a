# frozen_string_literal: true

require "json"
require "minitest/autorun"
require "token_codec"

# Shared fixtures of the unit tests: the known-answer vectors and the
# GC.stress switch of `rake test:ruby:gc_stress`.
module TestSupport
  ROOT = File.expand_path("../..", __dir__)
  VECTORS_PATH = File.join(ROOT, "testdata", "vectors.json")
  SHARED_VECTORS_PATH = File.expand_path("../shared/spec/vectors.json", ROOT)
  VECTORS = JSON.parse(File.read(VECTORS_PATH)).freeze

  module_function

  def gc_stress?
    ENV["TOKEN_CODEC_GC_STRESS"] == "1"
  end

  # Loop counts shrink under GC.stress, where every allocation runs a full GC.
  def scaled(count)
    gc_stress? ? [count / 250, 3].max : count
  end

  # The block's result and the bytes it added to the GC's malloc counter
  # (what Ruby weighs against its malloc limit to start a collection). The
  # GC is off meanwhile, so no collection resets the counter.
  def malloc_increase_during
    GC.start
    GC.disable
    before = GC.stat(:malloc_increase_bytes)
    result = yield
    [result, GC.stat(:malloc_increase_bytes) - before]
  ensure
    GC.enable
  end
end

if TestSupport.gc_stress?
  # Every test body (setup to teardown) runs with GC.stress on.
  module GCStressAroundEachTest
    def before_setup
      super
      GC.stress = true
    end

    def after_teardown
      GC.stress = false
      super
    end
  end
  Minitest::Test.prepend(GCStressAroundEachTest)
end

# Base class: resets the global configuration after each test.
class TokenCodecTest < Minitest::Test
  def teardown
    TokenCodec.reset_configuration!
    super
  end

  def vectors(section)
    TestSupport::VECTORS.fetch(section)
  end

  def bytes_of(hex)
    [hex].pack("H*")
  end

  def routing_of(json_routing)
    json_routing.transform_keys(&:to_sym)
  end

  # The token's secret part as text that must never appear in messages.
  def secret_parts_of(token)
    decoded = TokenCodec.decode(token)
    return [] unless decoded

    [decoded.random_bytes, [decoded.random_bytes].pack("m0").delete("="), token]
  end
end
