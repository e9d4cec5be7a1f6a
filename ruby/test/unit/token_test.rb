# frozen_string_literal: true

require "objspace"
require "test_setup"

# TokenCodec::Token: readers, equality, and that nothing prints the secret.
class TokenTest < TokenCodecTest
  SEED = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o"
  RUNNER = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k"

  def test_readers
    token = TokenCodec.decode(RUNNER)
    assert_equal "glrtr-", token.prefix
    assert_equal :v1, token.format
    assert_equal({ "c" => "1", "g" => "8", "o" => "rz", "t" => "2" }, token.routing)
    assert_equal "c:1\ng:8\no:rz\nt:2", token.routing_payload
    assert_equal 16, token.random_bytes.bytesize
    assert_equal "rz", token[:o]
    assert_equal "rz", token["o"]
    assert_nil token[:p]
    assert_equal({ prefix: "glrtr-", format: :v1, routing: token.routing }, token.to_h)
  end

  def test_readers_return_fresh_objects
    token = TokenCodec.decode(SEED)
    token.routing["o"] = "changed"
    token.prefix << "changed"
    assert_equal "1", token.routing["o"]
    assert_equal "glpat-", token.prefix
  end

  def test_inspect_and_to_s_redact_the_random_bytes
    vectors("decode").each do |vector|
      token = TokenCodec.decode(vector["token"])
      random = bytes_of(vector["random_hex"])
      [token.inspect, token.to_s, [token].inspect, { t: token }.to_s].each do |text|
        assert_includes text, "[REDACTED]"
        refute_includes text, random
        refute_includes text, vector["random_hex"]
        refute_includes text, vector["token"]
        refute_includes text, random.inspect[1..-2]
      end
    end
  end

  def test_equality_and_hash
    a = TokenCodec.decode(SEED)
    b = TokenCodec.decode(SEED.dup)
    refute_same a, b
    assert_equal a, b
    assert a.eql?(b)
    assert_equal a.hash, b.hash
    assert_equal 1, [a, b].uniq.size
    refute_equal a, TokenCodec.decode(RUNNER)
    refute_equal a, SEED
    refute_equal a, nil
  end

  def test_tokens_survive_garbage_collection
    tokens = Array.new(TestSupport.scaled(200)) { TokenCodec.decode(SEED) }
    GC.start
    GC.compact if GC.respond_to?(:compact)
    assert(tokens.all? { |t| t.routing == { "c" => "0", "o" => "1", "u" => "1" } })
  end

  # A token's parts live in memory from Ruby's allocator, so decoding counts
  # towards the GC's malloc limit like allocating Strings does; memory the GC
  # cannot see would let a decode loop pile up garbage between collections.
  def test_decoded_tokens_count_towards_the_gc_malloc_limit
    count = 1000
    tokens, grown = TestSupport.malloc_increase_during { Array.new(count) { TokenCodec.decode(SEED) } }
    assert_operator grown, :>=, count * (64 + 16), "decoding #{count} tokens added #{grown} bytes"
    # Memory profilers see the same bytes.
    assert_operator ObjectSpace.memsize_of(tokens.first), :>=, 64 + 16
  end
end
