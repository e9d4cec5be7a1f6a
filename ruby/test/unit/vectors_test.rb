# frozen_string_literal: true

require "test_setup"

# Every vector of testdata/vectors.json through the public Ruby API.
class VectorsTest < TokenCodecTest
  def test_the_copy_matches_the_shared_spec_when_present
    skip "no ../shared/spec/vectors.json in this checkout" unless File.exist?(TestSupport::SHARED_VECTORS_PATH)

    assert_equal File.read(TestSupport::SHARED_VECTORS_PATH), File.read(TestSupport::VECTORS_PATH)
  end

  def test_every_section_is_present
    %w[encode decode reject generate_errors legacy].each do |section|
      refute_empty vectors(section), section
    end
  end

  def test_encode_vectors_with_encode
    vectors("encode").each do |vector|
      token = TokenCodec.encode(routing_of(vector["routing"]),
                                prefix: vector["prefix"], random_bytes: bytes_of(vector["random_hex"]),
                                format: vector["format"].to_sym, cell_id: vector["cell_id"])
      assert_equal vector["token"], token, vector["note"]
    end
  end

  def test_encode_vectors_with_the_configured_cell_id
    vectors("encode").each do |vector|
      TokenCodec.cell_id = vector["cell_id"]
      token = TokenCodec.encode(routing_of(vector["routing"]), prefix: vector["prefix"],
                                                               random_bytes: bytes_of(vector["random_hex"]),
                                                               format: vector["format"].to_sym)
      assert_equal vector["token"], token, vector["note"]
    end
  end

  def test_encode_vectors_with_routable_token_and_lambdas
    record = Struct.new(:values).new
    vectors("encode").each do |vector|
      record.values = routing_of(vector["routing"])
      payload = record.values.keys.to_h { |key| [key, ->(r) { r.values.fetch(key) }] }
      TokenCodec.cell_id = vector["cell_id"]
      generator = TokenCodec::RoutableToken.new(record, routing_payload: payload, prefix: vector["prefix"],
                                                        format: vector["format"].to_sym)
      assert_equal vector["token"], generator.generate_token(random_bytes: bytes_of(vector["random_hex"])), vector["note"]
    end
  end

  def test_encode_vectors_decode_back_to_their_parts
    vectors("encode").each do |vector|
      token = TokenCodec.decode!(vector["token"])
      assert_equal vector["prefix"], token.prefix
      assert_equal vector["format"].to_sym, token.format
      assert_equal bytes_of(vector["random_hex"]), token.random_bytes
      expected_keys = vector["routing"].keys + (vector["cell_id"] ? ["c"] : [])
      assert_equal expected_keys.uniq.sort, token.routing.keys
    end
  end

  def test_decode_vectors
    vectors("decode").each do |vector|
      token = TokenCodec.decode(vector["token"])
      refute_nil token, vector["note"]
      assert_equal vector["prefix"], token.prefix
      assert_equal vector["format"].to_sym, token.format
      assert_equal vector["routing"], token.routing
      assert_equal bytes_of(vector["random_hex"]), token.random_bytes
      assert_equal Encoding::BINARY, token.random_bytes.encoding
      assert_equal Encoding::UTF_8, token.prefix.encoding
      assert_equal token, TokenCodec.decode!(vector["token"])
    end
  end

  def test_reject_vectors_decode_to_nil_and_raise_with_a_reason
    vectors("reject").each do |vector|
      assert_nil TokenCodec.decode(vector["token"]), vector["why"]
      error = assert_raises(TokenCodec::DecodeError, vector["why"]) { TokenCodec.decode!(vector["token"]) }
      assert_includes TokenCodec::DECODE_ERROR_REASONS, error.reason, vector["why"]
      refute_empty error.message
    end
  end

  def test_reject_reasons_name_the_defect
    expected = {
      "checksum" => %i[checksum_mismatch invalid_checksum_field],
      "checksum (prefix is covered)" => %i[checksum_mismatch],
      "unknown version" => %i[unsupported_version],
      "length field does not match" => %i[length_field_mismatch],
      "length field larger than the token" => %i[length_field_out_of_range],
      "truncated payload: length byte does not match" => %i[length_byte_mismatch],
      "empty" => %i[empty],
      "empty routing payload" => %i[empty_routing],
      "routing lines are not k:v" => %i[malformed_routing],
      "routing payload over 159 bytes" => %i[routing_too_large],
      "length byte does not match the routing length" => %i[length_byte_mismatch],
      "legacy token: not routable (identify it as a legacy PAT instead)" => %i[not_routable]
    }
    checked = 0
    vectors("reject").each do |vector|
      next unless expected.key?(vector["why"])

      error = assert_raises(TokenCodec::DecodeError) { TokenCodec.decode!(vector["token"]) }
      assert_includes expected.fetch(vector["why"]), error.reason, vector["why"]
      checked += 1
    end
    assert_equal vectors("reject").size, checked
  end

  def test_generate_error_vectors_with_exact_classes_and_messages
    vectors("generate_errors").each do |vector|
      routing = routing_of(vector["routing"])
      error_class = TokenCodec::RoutableToken.const_get(vector["error"])
      error = assert_raises(error_class) do
        TokenCodec::RoutableToken.new(nil, routing_payload: routing.transform_values { |v| ->(_) { v } },
                                           prefix: "glpat-").generate_token
      end
      assert_equal vector["message"], error.message
      error = assert_raises(error_class) { TokenCodec.generate(routing, prefix: "glpat-") }
      assert_equal vector["message"], error.message
      error = assert_raises(error_class) { TokenCodec.encode(routing, prefix: "glpat-", random_bytes: "a" * 16) }
      assert_equal vector["message"], error.message
    end
  end

  def test_generate_errors_are_raised_where_gitlab_raises_them
    vectors("generate_errors").each do |vector|
      routing = routing_of(vector["routing"]).transform_values { |v| ->(_) { v } }
      build = -> { TokenCodec::RoutableToken.new(nil, routing_payload: routing, prefix: "glpat-") }
      if vector["error"] == "PayloadTooLarge"
        generator = build.call
        assert_raises(TokenCodec::RoutableToken::PayloadTooLarge) { generator.generate_token }
        assert_operator TokenCodec::RoutableToken::PayloadTooLarge, :<, RuntimeError
      else
        assert_raises(TokenCodec::RoutableToken.const_get(vector["error"])) { build.call }
        assert_operator TokenCodec::RoutableToken.const_get(vector["error"]), :<, ArgumentError
      end
    end
  end

  def test_legacy_vectors_are_identified_and_not_routable
    vectors("legacy").each do |vector|
      assert_equal vector["type"].to_sym, TokenCodec.identify(vector["token"]), vector["note"]
      identification = TokenCodec.identification(vector["token"])
      assert_equal vector["routable"], identification.routable?
      assert_equal :not_applicable, identification.checksum
      assert_nil TokenCodec.decode(vector["token"]) unless vector["routable"]
    end
  end
end
