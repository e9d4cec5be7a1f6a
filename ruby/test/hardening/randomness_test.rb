# frozen_string_literal: true

require "hardening_support"

# Statistical sanity of the random bytes of tokens the gem generates (its own
# source, token-rng: a fork-aware thread-local ChaCha12; docs/randomness.md),
# read back with decode: byte frequency overall and per position, bit
# balance per bit position, and no repeats, over 10^6 tokens. Bounds are six
# standard deviations wide, as in crates/token-core/tests/randomness.rs.
class RandomnessTest < TokenCodecTest
  TOKENS = Integer(ENV.fetch("TOKEN_CODEC_RANDOMNESS_TOKENS", "1000000"))
  SIGMAS = 6.0
  POSITIONS = 16

  # Per-position histograms of the random bytes of TOKENS tokens, and how
  # many distinct random parts there were.
  def sample
    histograms = Array.new(POSITIONS) { Array.new(256, 0) }
    seen = {}
    TOKENS.times do |i|
      token = TokenCodec.generate({ o: 1, u: 42 }, prefix: "glpat-", format: i.even? ? :v1 : :v0)
      random = TokenCodec.decode!(token).random_bytes
      seen[random] = true
      random.each_byte.with_index { |byte, position| histograms[position][byte] += 1 }
    end
    [histograms, seen.size]
  end

  def chi_square(counts)
    expected = counts.sum.to_f / counts.size
    counts.sum { |c| ((c - expected)**2) / expected }
  end

  def assert_uniform(counts, what)
    dof = counts.size - 1
    bound = SIGMAS * Math.sqrt(2.0 * dof)
    statistic = chi_square(counts)
    assert_operator (statistic - dof).abs, :<=, bound,
                    "#{what}: chi-square #{statistic.round(1)} with #{dof} degrees of freedom"
  end

  def test_random_bytes_of_a_million_generated_tokens
    skip "statistics need the full sample; GC.stress would take hours" if TestSupport.gc_stress?

    histograms, distinct = sample
    assert_equal TOKENS, distinct, "a random part repeated"
    assert_uniform(histograms.transpose.map(&:sum), "all bytes")
    histograms.each_with_index { |counts, position| assert_uniform(counts, "byte #{position}") }
    bound = SIGMAS * Math.sqrt(TOKENS) / 2
    histograms.each_with_index do |counts, position|
      8.times do |bit|
        ones = counts.each_with_index.sum { |count, byte| byte[bit] * count }
        assert_operator (ones - (TOKENS / 2.0)).abs, :<=, bound, "bit #{bit} of byte #{position}: #{ones} ones"
      end
    end
  end
end
