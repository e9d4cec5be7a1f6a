# frozen_string_literal: true

require "test_setup"

# TokenCodec::RoutableToken, TokenCodec.encode and TokenCodec.generate: the
# generator's behaviour beyond the vectors.
class RoutableTokenTest < TokenCodecTest
  Pat = Struct.new(:organization_id, :user_id)
  PAT_PAYLOAD = { o: ->(r) { r.organization_id }, u: ->(r) { r.user_id } }.freeze

  def generator(record = Pat.new(1, 1), payload: PAT_PAYLOAD, **options)
    TokenCodec::RoutableToken.new(record, routing_payload: payload, prefix: "glpat-", **options)
  end

  def test_generate_token_v1_by_default
    token = generator(Pat.new(42, 7)).generate_token
    assert_match(/\Aglpat-[A-Za-z0-9_-]+\.01\.[0-9a-z]{9}\z/, token)
    decoded = TokenCodec.decode!(token)
    assert_equal :v1, decoded.format
    assert_equal({ "o" => "16", "u" => "7" }, decoded.routing)
    assert_equal :personal_access_token, TokenCodec.identify(token)
  end

  def test_v0_format_on_new_or_per_token
    v0 = generator(format: :v0).generate_token
    assert_match(/\Aglpat-[A-Za-z0-9_-]+\.[0-9a-z]{9}\z/, v0)
    assert_equal :v0, TokenCodec.decode!(v0).format
    assert_equal :v0, TokenCodec.decode!(generator.generate_token(format: :v0)).format
    assert_equal :v1, TokenCodec.decode!(generator(format: :v0).generate_token(format: :v1)).format
  end

  def test_lambdas_are_evaluated_per_token_with_the_record
    record = Pat.new(1, 1)
    gen = generator(record)
    first = TokenCodec.decode!(gen.generate_token)
    record.user_id = 2
    second = TokenCodec.decode!(gen.generate_token)
    assert_equal "1", first.routing["u"]
    assert_equal "2", second.routing["u"]
    assert_same record, gen.record
  end

  def test_nil_values_are_dropped_but_count_as_given
    token = TokenCodec.decode!(generator(payload: { o: ->(_) {}, c: ->(_) { 5 } }).generate_token)
    assert_equal({ "c" => "5" }, token.routing)
    gen = generator(payload: { o: ->(_) {} })
    assert_raises(TokenCodec::RoutableToken::MissingRequiredRoutingKeys) { gen.generate_token }
    TokenCodec.cell_id = 3
    assert_equal({ "c" => "3" }, TokenCodec.decode!(gen.generate_token).routing)
  end

  def test_blank_strings_are_dropped
    token = TokenCodec.decode!(TokenCodec.encode({ o: 1, u: "", g: " " }, prefix: "", random_bytes: "a" * 16))
    assert_equal({ "o" => "1" }, token.routing)
  end

  def test_default_cell_id_and_the_callers_c_wins
    TokenCodec.cell_id = 100
    assert_equal "2s", TokenCodec.decode!(generator.generate_token).routing["c"]
    with_c = generator(payload: PAT_PAYLOAD.merge(c: ->(_) { 7 }))
    assert_equal "7", TokenCodec.decode!(with_c.generate_token)["c"]
    assert_equal "9", TokenCodec.decode!(TokenCodec.generate({ o: 1 }, prefix: "x-", cell_id: 9))["c"]
    assert_nil TokenCodec.decode!(TokenCodec.generate({ o: 1 }, prefix: "x-", cell_id: nil))["c"]
    TokenCodec.cell_id = nil
    assert_nil TokenCodec.decode!(generator.generate_token)["c"]
  end

  def test_cell_id_alone_satisfies_the_required_keys
    assert TokenCodec.decode!(generator(payload: { c: ->(_) { 1 } }).generate_token)
    assert_raises(TokenCodec::RoutableToken::MissingRequiredRoutingKeys) do
      generator(payload: { c: ->(_) { 1 } }, required_keys: :organization)
    end
  end

  def test_plain_values_are_accepted_alongside_lambdas
    token = TokenCodec.decode!(generator(payload: { o: 5, u: ->(r) { r.user_id }, g: "grp" }).generate_token)
    assert_equal({ "g" => "grp", "o" => "5", "u" => "1" }, token.routing)
  end

  def test_string_keys_and_values_are_kept_as_is
    token = TokenCodec.decode!(TokenCodec.generate({ "o" => "Org_42" }, prefix: "p-"))
    assert_equal({ "o" => "Org_42" }, token.routing)
  end

  def test_payload_size_limit_is_in_bytes
    at_limit = "#{'é' * 78}x" # 157 bytes + "o:" = 159
    assert_equal 159, TokenCodec.decode!(TokenCodec.generate({ o: at_limit }, prefix: "")).routing_payload.bytesize
    error = assert_raises(TokenCodec::RoutableToken::PayloadTooLarge) do
      TokenCodec.generate({ o: "é" * 79 }, prefix: "")
    end
    assert_equal "Routing payload is too big: 160. Maximum size is 159.", error.message
  end

  def test_every_token_type_can_get_a_routable_token
    TokenCodec::TOKEN_TYPES.each do |type|
      prefix = TokenCodec.prefix_for(type)
      payload = TokenCodec.routing_keys(type).to_h { |key| [key, ->(_) { 1 }] }
      payload[:o] ||= ->(_) { 1 }
      token = TokenCodec::RoutableToken.new(nil, routing_payload: payload, prefix: prefix).generate_token
      decoded = TokenCodec.decode!(token)
      assert_equal prefix, decoded.prefix, type
      next if prefix.empty?

      assert_equal type, TokenCodec.identify(token), type
      assert_predicate TokenCodec.identification(token), :checksum_valid?, type
    end
  end

  def test_generated_random_bytes_differ
    tokens = Array.new(TestSupport.scaled(1000)) { generator.generate_token }
    assert_equal tokens.size, tokens.uniq.size
    assert_equal tokens.size, tokens.map { |t| TokenCodec.decode!(t).random_bytes }.uniq.size
  end

  def test_generate_token_with_given_random_bytes_is_deterministic
    a = generator.generate_token(random_bytes: "r" * 16)
    assert_equal a, generator.generate_token(random_bytes: "r" * 16)
    assert_equal "r" * 16, TokenCodec.decode!(a).random_bytes
  end

  def test_inspect_shows_no_values
    gen = generator(Pat.new(123_456, 654_321))
    refute_includes gen.inspect, "123456"
    assert_includes gen.inspect, "glpat-"
    assert_equal %i[o u], gen.routing_payload.keys
    assert_equal({ o: 123_456, u: 654_321 }, gen.routing_values)
  end
end
