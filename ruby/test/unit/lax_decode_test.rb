# frozen_string_literal: true

require "test_setup"

# TokenCodec.decode_lax: what GitLab's own decoder accepts and returns.
class LaxDecodeTest < TokenCodecTest
  def test_valid_tokens_decode_like_the_strict_decoder_with_integer_values
    vectors("decode").each do |vector|
      lax = TokenCodec.decode_lax(vector["token"])
      assert_equal vector["prefix"], lax.prefix
      assert_equal vector["format"].to_sym, lax.format
      assert_equal vector["routing"].transform_values { |v| v.to_i(36) }, lax.routing
    end
  end

  def test_lax_accepts_what_gitlab_accepts_and_strict_rejects
    length_byte = vectors("reject").find { |v| v["why"] == "length byte does not match the routing length" }
    assert_nil TokenCodec.decode(length_byte["token"])
    assert_equal({ "o" => 1 }, TokenCodec.decode_lax(length_byte["token"]).routing)
  end

  def test_bad_checksums_and_legacy_tokens_are_nil
    vectors("reject").select { |v| v["why"].start_with?("checksum") }.each do |vector|
      assert_nil TokenCodec.decode_lax(vector["token"]), vector["why"]
    end
    assert_nil TokenCodec.decode_lax("glpat-ts8y8Mk2gxi-xvXVsxfN")
    assert_nil TokenCodec.decode_lax("")
    assert_nil TokenCodec.decode_lax("\xff".b * 5000)
    assert_raises(TypeError) { TokenCodec.decode_lax(nil) }
  end

  def test_no_secret_in_the_result
    token = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
    lax = TokenCodec.decode_lax(token)
    assert_equal %i[prefix format routing], lax.members
    refute_includes lax.inspect, "aaaaaaaaaaaaaaaa"
  end
end
