# frozen_string_literal: true

require "test_setup"
require "support/reference_token_codec"

# Differential tests: the gem against the independent pure-Ruby
# implementation of GitLab's algorithm, on seeded random inputs.
class ReferenceTest < TokenCodecTest
  KEYS = %i[c g o p u t].freeze
  PREFIXES = ["", "glpat-", "glrtr-", "acme-glpat-", "a.b/c+d=e@f:g-", "x"].freeze

  def random_routing(rng)
    routing = { o: rng.rand(2**rng.rand(1..64)) }
    KEYS.sample(rng.rand(0..3), random: rng).each do |key|
      routing[key] = rng.rand < 0.7 ? rng.rand(2**rng.rand(1..64)) : random_text(rng)
    end
    routing
  end

  def random_text(rng)
    alphabet = [*"a".."z", *"A".."Z", *"0".."9", "_", "-", "é", " "]
    "v#{Array.new(rng.rand(1..30)) { alphabet.sample(random: rng) }.join}"
  end

  def test_encode_matches_the_reference
    rng = Random.new(20_240_601)
    TestSupport.scaled(2000).times do
      routing = random_routing(rng)
      prefix = PREFIXES.sample(random: rng)
      random = rng.bytes(16)
      format = rng.rand < 0.5 ? :v1 : :v0
      cell_id = rng.rand < 0.3 ? rng.rand(1000) : nil
      expected = ReferenceTokenCodec::RoutableToken.new(nil, routing_payload: routing, prefix: prefix, cell_id: cell_id)
                                                   .generate_token(random_bytes: random, format: format)
      actual = TokenCodec.encode(routing, prefix: prefix, random_bytes: random, format: format, cell_id: cell_id)
      assert_equal expected, actual, routing.inspect
    end
  end

  def test_decode_matches_the_reference_on_valid_and_mutated_tokens
    rng = Random.new(42)
    checked = 0
    TestSupport.scaled(1500).times do
      token = TokenCodec.encode(random_routing(rng), prefix: PREFIXES.sample(random: rng),
                                                     random_bytes: rng.bytes(16), format: %i[v0 v1].sample(random: rng))
      [token, mutate(token, rng), token[0...-1], token[1..]].each do |candidate|
        expected = ReferenceTokenCodec.decode(candidate)
        actual = TokenCodec.decode(candidate)
        if expected.nil?
          assert_nil actual, "the gem accepts what the reference rejects"
        else
          refute_nil actual, "the gem rejects what the reference accepts"
          assert_equal [expected.prefix, expected.format, expected.routing, expected.random_bytes],
                       [actual.prefix, actual.format, actual.routing, actual.random_bytes]
        end
        checked += 1
      end
    end
    assert_operator checked, :>=, 4 * TestSupport.scaled(1500)
  end

  def test_identify_agrees_with_the_reference_on_typed_tokens
    TokenCodec::TOKEN_TYPES.each do |type|
      next if %i[oauth_access_token session_cookie].include?(type)

      token = TokenCodec.generate_legacy(type)
      assert_equal ReferenceTokenCodec.identify(token), TokenCodec.identify(token), type
    end
  end

  private

  # One character replaced by another of the token alphabet.
  def mutate(token, rng)
    copy = token.dup
    index = rng.rand(copy.size)
    replacement = ([*"a".."z", *"A".."Z", *"0".."9", "_", "-", "."] - [copy[index]]).sample(random: rng)
    copy[index] = replacement
    copy
  end
end
