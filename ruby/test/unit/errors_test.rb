# frozen_string_literal: true

require "test_setup"

# Every argument and codec error: its class, its reason, and that no message
# reveals a token's secret part.
class ErrorsTest < TokenCodecTest
  RANDOM = "a" * 16
  PAT = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"

  def encode(routing = { o: 1 }, **options)
    TokenCodec.encode(routing, prefix: "glpat-", random_bytes: RANDOM, **options)
  end

  def test_error_hierarchy
    assert_operator TokenCodec::Error, :<, StandardError
    assert_operator TokenCodec::DecodeError, :<, TokenCodec::Error
    assert_operator TokenCodec::EncodeError, :<, TokenCodec::Error
    assert_operator TokenCodec::ConfigurationError, :<, ArgumentError
    assert_operator TokenCodec::AuthFinders::JobTokenTooLong, :<, TokenCodec::Error
    %i[InvalidRoutingKeys MissingRequiredRoutingKeys InvalidRoutingValue].each do |name|
      assert_operator TokenCodec::RoutableToken.const_get(name), :<, ArgumentError
    end
    assert_operator TokenCodec::RoutableToken::PayloadTooLarge, :<, RuntimeError
  end

  def test_decode_error_reasons_are_the_core_codes
    assert_equal 20, TokenCodec::DECODE_ERROR_REASONS.size
    assert TokenCodec::DECODE_ERROR_REASONS.all?(Symbol)
    assert_predicate TokenCodec::DECODE_ERROR_REASONS, :frozen?
    %i[empty too_long not_routable checksum_mismatch invalid_base64 malformed_routing].each do |reason|
      assert_includes TokenCodec::DECODE_ERROR_REASONS, reason
    end
  end

  def test_routing_must_be_a_hash
    assert_raises(TypeError) { TokenCodec.encode([[:o, 1]], prefix: "", random_bytes: RANDOM) }
    assert_raises(TypeError) { TokenCodec.generate(nil, prefix: "") }
    assert_raises(TypeError) { TokenCodec::RoutableToken.new(nil, routing_payload: [], prefix: "") }
  end

  def test_routing_keys_must_be_symbols_or_strings
    error = assert_raises(TypeError) { encode({ 1 => 1 }) }
    assert_match(/routing keys must be Symbols or Strings, not Integer/, error.message)
    assert_raises(TypeError) { TokenCodec::RoutableToken.new(nil, routing_payload: { nil => 1 }, prefix: "") }
    assert_equal encode({ o: 1 }), encode({ "o" => 1 })
  end

  def test_routing_values_must_be_integer_string_or_nil
    [1.5, :one, [1], { a: 1 }, Object.new, true].each do |value|
      error = assert_raises(TypeError, value.class.name) { encode({ o: 1, u: value }) }
      assert_equal "routing value for :u must be an Integer, a String or nil, not #{value.class}", error.message
    end
  end

  def test_integers_of_any_size_that_fit_u64
    max = TokenCodec::MAX_INTEGER
    assert_equal "o:#{max.to_s(36)}", TokenCodec.decode(encode({ o: max })).routing_payload
    assert_equal "o:#{(2**62).to_s(36)}", TokenCodec.decode(encode({ o: 2**62 })).routing_payload
    assert_equal "o:0", TokenCodec.decode(encode({ o: 0 })).routing_payload
    assert_raises(RangeError) { encode({ o: max + 1 }) }
    assert_raises(RangeError) { encode({ o: 2**200 }) }
    assert_raises(RangeError) { encode({ o: -1 }) }
    assert_raises(RangeError) { encode({ o: -(2**70) }) }
  end

  def test_string_values_must_be_utf8_without_separators
    assert_raises(ArgumentError) { encode({ o: "\xff".b }) }
    ["a:b", "a\nb"].each do |value|
      error = assert_raises(TokenCodec::RoutableToken::InvalidRoutingValue) { encode({ o: value }) }
      refute_includes error.message, value
    end
  end

  def test_random_bytes_must_be_a_16_byte_string
    assert_raises(TypeError) { TokenCodec.encode({ o: 1 }, prefix: "", random_bytes: nil) }
    assert_raises(TypeError) { TokenCodec.encode({ o: 1 }, prefix: "", random_bytes: [97] * 16) }
    [0, 15, 17, 64].each do |size|
      error = assert_raises(ArgumentError) { TokenCodec.encode({ o: 1 }, prefix: "", random_bytes: "a" * size) }
      assert_equal "random_bytes must be 16 bytes, got #{size}", error.message
    end
    assert TokenCodec.encode({ o: 1 }, prefix: "", random_bytes: "é" * 8) # 16 bytes in UTF-8
  end

  def test_prefix_errors
    assert_raises(TypeError) { TokenCodec.encode({ o: 1 }, prefix: nil, random_bytes: RANDOM) }
    assert_raises(TypeError) { TokenCodec.generate({ o: 1 }, prefix: :glpat) }
    assert_raises(TypeError) { TokenCodec::RoutableToken.new(nil, routing_payload: { o: 1 }, prefix: nil) }
    assert_raises(ArgumentError) { TokenCodec.generate({ o: 1 }, prefix: "\xff".b) }
    error = assert_raises(TokenCodec::EncodeError) { TokenCodec.generate({ o: 1 }, prefix: "gl\npat-") }
    assert_equal :invalid_prefix, error.reason
    error = assert_raises(TokenCodec::EncodeError) { TokenCodec.generate({ o: 1 }, prefix: "p" * 65) }
    assert_equal :prefix_too_long, error.reason
    assert TokenCodec.generate({ o: 1 }, prefix: "p" * 64)
  end

  def test_format_errors
    assert_raises(ArgumentError) { encode(format: :v2) }
    assert_raises(ArgumentError) { encode(format: "V1") }
    assert_raises(TypeError) { encode(format: 1) }
    assert_raises(TypeError) { encode(format: nil) }
    assert_equal encode(format: :v0), encode(format: "v0")
  end

  def test_cell_id_errors
    assert_raises(TypeError) { encode(cell_id: "1") }
    assert_raises(TypeError) { encode(cell_id: 1.0) }
    assert_raises(RangeError) { encode(cell_id: -1) }
    assert_raises(RangeError) { encode(cell_id: 2**64) }
    assert_raises(TypeError) { TokenCodec.cell_id = "100" }
    assert_raises(RangeError) { TokenCodec.cell_id = -1 }
    assert_raises(RangeError) { TokenCodec.cell_id = 2**64 }
    assert_nil TokenCodec.cell_id
  end

  def test_required_keys_errors
    assert_raises(ArgumentError) { encode(required_keys: :everything) }
    assert_raises(TypeError) { encode(required_keys: "organization") }
    assert_raises(ArgumentError) do
      TokenCodec::RoutableToken.new(nil, routing_payload: { o: 1 }, prefix: "", required_keys: :nope)
    end
  end

  def test_non_string_tokens_are_type_errors_everywhere
    [nil, 1, :glpat, ["glpat-"], Object.new].each do |token|
      assert_raises(TypeError) { TokenCodec.decode(token) }
      assert_raises(TypeError) { TokenCodec.decode!(token) }
      assert_raises(TypeError) { TokenCodec.identify(token) }
      assert_raises(TypeError) { TokenCodec.identification(token) }
      assert_raises(TypeError) { TokenCodec::AuthFinders.route(token) }
      assert_raises(TypeError) { TokenCodec::AuthFinders.classify_bearer(token, length_detection: false) }
    end
  end

  def test_hostile_inputs_are_rejected_without_crashing
    inputs = ["", "\0" * 100, "\xff\xfe".b * 500, "a" * 1_000_000, "glpat-#{'A' * 5000}.01.zz0000000",
              "#{"\n" * 20}.01.000000000", ".01.0r0e6anp8", "é" * 300, "#{PAT}\0", "\0#{PAT}"]
    inputs.each do |input|
      assert_nil TokenCodec.decode(input)
      assert_raises(TokenCodec::DecodeError) { TokenCodec.decode!(input) }
      TokenCodec.identify(input)
      TokenCodec::AuthFinders.route(input)
    end
    assert_equal :too_long, assert_raises(TokenCodec::DecodeError) { TokenCodec.decode!("a" * 1_000_000) }.reason
  end

  def test_binary_strings_decode_by_their_bytes
    assert_equal TokenCodec.decode(PAT), TokenCodec.decode(PAT.b)
    assert_nil TokenCodec.decode(PAT.encode("UTF-16LE"))
  end

  def test_decode_error_messages_never_contain_the_token
    tokens = vectors("reject").map { |v| v["token"] } + [PAT.sub("YWFh", "YWFi"), PAT.chop]
    tokens.each do |token|
      error = assert_raises(TokenCodec::DecodeError) { TokenCodec.decode!(token) }
      next if token.empty?

      refute_includes error.message, token
      refute_includes error.message, token[6, 16]
      refute_includes error.full_message, token
      refute_includes error.inspect, token
    end
  end

  def test_routing_error_messages_never_contain_values_or_tokens
    error = assert_raises(TokenCodec::RoutableToken::PayloadTooLarge) { encode({ o: "s3cr3t" * 30 }) }
    refute_includes error.message, "s3cr3t"
  end

  def test_routable_token_lambda_errors_propagate_and_bad_results_are_type_errors
    failing = TokenCodec::RoutableToken.new(nil, routing_payload: { o: ->(_) { raise KeyError, "no org" } }, prefix: "")
    assert_raises(KeyError) { failing.generate_token }
    floats = TokenCodec::RoutableToken.new(nil, routing_payload: { o: ->(_) { 1.5 } }, prefix: "")
    assert_raises(TypeError) { floats.generate_token }
    negative = TokenCodec::RoutableToken.new(nil, routing_payload: { o: ->(_) { -5 } }, prefix: "")
    assert_raises(RangeError) { negative.generate_token }
  end

  def test_v0_era_required_keys_message
    error = assert_raises(TokenCodec::RoutableToken::MissingRequiredRoutingKeys) do
      TokenCodec::RoutableToken.new(nil, routing_payload: { c: 1 }, prefix: "", required_keys: :organization)
    end
    assert_equal "Missing required routing keys: :o. Required routing keys are: :o.", error.message
  end

  def test_configuration_errors
    error = assert_raises(TokenCodec::ConfigurationError) { TokenCodec.instance_prefix = "acme!" }
    assert_equal :invalid_instance_prefix, error.reason
    error = assert_raises(TokenCodec::ConfigurationError) { TokenCodec.custom_pat_prefix = "x" * 21 }
    assert_equal :invalid_custom_pat_prefix, error.reason
    assert_raises(TokenCodec::ConfigurationError) { TokenCodec::PrefixConfig.new(instance_prefix: "a" * 21) }
    assert_raises(TypeError) { TokenCodec.instance_prefix = 1 }
    assert_raises(TypeError) { TokenCodec.prefix_config = "acme" }
    assert_raises(ArgumentError) { TokenCodec.configure(cell: 1) }
    assert_raises(RangeError) { TokenCodec.configure(instance_prefix: "acme", cell_id: -1) }
    assert_nil TokenCodec.instance_prefix, "a failed configure changes nothing"
    assert_equal TokenCodec::PrefixConfig::DEFAULT, TokenCodec.prefix_config
  end

  def test_token_type_errors
    assert_raises(ArgumentError) { TokenCodec.generate_legacy(:password) }
    assert_raises(TypeError) { TokenCodec.generate_legacy(1) }
    assert_raises(ArgumentError) { TokenCodec.prefix_for(:nope) }
    assert_raises(ArgumentError) { TokenCodec.routing_keys(:nope) }
  end

  def test_length_detection_must_be_a_boolean
    [nil, :enabled, "true", 1].each do |mode|
      assert_raises(ArgumentError) { TokenCodec::AuthFinders.classify_bearer(PAT, length_detection: mode) }
    end
  end

  def test_tokens_and_configs_are_made_only_by_the_codec
    assert_raises(NoMethodError, TypeError) { TokenCodec::Token.new }
    assert_raises(TypeError) { TokenCodec::Token.allocate }
    assert_raises(TypeError) { TokenCodec::PrefixConfig.allocate }
    assert_raises(TypeError) { TokenCodec.decode(PAT).dup }
  end
end
