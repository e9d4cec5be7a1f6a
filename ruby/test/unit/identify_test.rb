# frozen_string_literal: true

require "test_setup"

# identify / identification, legacy generation and the prefix configuration.
class IdentifyTest < TokenCodecTest
  PAT_V1 = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
  RUNNER = "glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k"
  LEGACY_PAT = "glpat-ts8y8Mk2gxi-xvXVsxfN"

  def test_token_types_registry
    assert_equal 15, TokenCodec::TOKEN_TYPES.size
    assert_includes TokenCodec::TOKEN_TYPES, :personal_access_token
    assert_includes TokenCodec::TOKEN_TYPES, :runner_authentication_token
    assert_equal "glpat-", TokenCodec.default_prefix(:personal_access_token)
    assert_equal "GR1348941", TokenCodec.default_prefix("runner_registration_token")
    assert_equal %i[o u], TokenCodec.routing_keys(:personal_access_token)
    assert_equal [], TokenCodec.routing_keys(:deploy_token)
  end

  def test_routable_tokens
    assert_equal :personal_access_token, TokenCodec.identify(PAT_V1)
    assert_equal :runner_authentication_token, TokenCodec.identify(RUNNER)
    found = TokenCodec.identification(RUNNER)
    assert_equal [:runner_authentication_token, :routable, :v1, :valid, 6], found.to_a
    assert_predicate found, :routable?
    refute_predicate found, :legacy?
    v0 = TokenCodec.identification("glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o")
    assert_equal [:personal_access_token, :routable, :v0, :valid, 6], v0.to_a
  end

  def test_a_bad_checksum_keeps_the_type_and_says_so
    tampered = PAT_V1.sub("YWFh", "YWFi")
    assert_equal :personal_access_token, TokenCodec.identify(tampered)
    assert_equal :invalid, TokenCodec.identification(tampered).checksum
    refute_predicate TokenCodec.identification(tampered), :checksum_valid?
  end

  def test_legacy_tokens
    found = TokenCodec.identification(LEGACY_PAT)
    assert_equal [:personal_access_token, :legacy, nil, :not_applicable, 6], found.to_a
    assert_equal :oauth_access_token, TokenCodec.identify("ab" * 32)
  end

  def test_unknown_tokens
    ["", "hello", "glpat-", "glpat-short", "x" * 10_000, "\xff".b * 30].each do |token|
      assert_nil TokenCodec.identify(token), token[0, 20]
      assert_nil TokenCodec.identification(token)
    end
  end

  def test_legacy_generation_for_every_type_round_trips_through_identify
    TokenCodec::TOKEN_TYPES.each do |type|
      token = TokenCodec.generate_legacy(type)
      assert token.start_with?(TokenCodec.prefix_for(type)), type
      assert_equal type, TokenCodec.identify(token), type
      assert_predicate TokenCodec.identification(token), :legacy?, type
      assert_nil TokenCodec.decode(token), type
    end
  end

  def test_legacy_pat_body_is_a_friendly_token
    tokens = Array.new(TestSupport.scaled(500)) { TokenCodec.generate_legacy(:personal_access_token) }
    tokens.each { |token| assert_match(/\Aglpat-[A-Za-z0-9_-]{20}\z/, token) }
    refute(tokens.any? { |token| token[6..].match?(/[lIO0]/) }, "friendly_token maps l I O 0 away")
    assert_equal tokens.size, tokens.uniq.size
  end

  def test_instance_prefix_changes_generation_and_identification
    TokenCodec.instance_prefix = "acme"
    assert_equal "acme", TokenCodec.instance_prefix
    assert_equal "acme-glpat-", TokenCodec.prefix_for(:personal_access_token)
    legacy = TokenCodec.generate_legacy(:runner_authentication_token)
    assert legacy.start_with?("acme-glrt-")
    assert_equal :runner_authentication_token, TokenCodec.identify(legacy)

    routable = TokenCodec.generate({ o: 1 }, prefix: TokenCodec.prefix_for(:personal_access_token))
    assert_equal :personal_access_token, TokenCodec.identify(routable)
    assert_equal 11, TokenCodec.identification(routable).prefix_length
    assert_equal "acme-glpat-", TokenCodec.decode!(routable).prefix
  end

  def test_custom_pat_prefix_and_instance_prefix_precedence
    TokenCodec.custom_pat_prefix = "mypat_"
    assert_equal "mypat_", TokenCodec.prefix_for(:personal_access_token)
    token = TokenCodec.generate_legacy(:personal_access_token)
    assert token.start_with?("mypat_")
    assert_equal :personal_access_token, TokenCodec.identify(token)
    assert_nil TokenCodec.identify(token, config: TokenCodec::PrefixConfig::DEFAULT)

    TokenCodec.instance_prefix = "acme"
    assert_equal "acme-glpat-", TokenCodec.prefix_for(:personal_access_token), "the instance prefix wins"
    assert_equal "mypat_", TokenCodec.custom_pat_prefix
  end

  def test_blank_or_gl_instance_prefix_means_none
    ["", "  ", "gl", nil].each do |prefix|
      TokenCodec.instance_prefix = prefix
      assert_nil TokenCodec.instance_prefix
      assert_equal "glpat-", TokenCodec.prefix_for(:personal_access_token)
    end
  end

  def test_per_call_configs
    acme = TokenCodec::PrefixConfig.new(instance_prefix: "acme", custom_pat_prefix: "x-")
    assert_equal "acme-gldt-", TokenCodec.prefix_for(:deploy_token, config: acme)
    assert TokenCodec.generate_legacy(:deploy_token, config: acme).start_with?("acme-gldt-")
    assert_includes acme.prefixes_of(:personal_access_token), "acme-glpat-"
    assert_includes acme.prefixes_of(:personal_access_token), "glpat-"
    assert_equal acme, acme.with
    refute_equal acme, acme.with(custom_pat_prefix: nil)
    assert_equal "#<TokenCodec::PrefixConfig instance_prefix=\"acme\" custom_pat_prefix=\"x-\">", acme.inspect
    assert_equal "glpat-", TokenCodec.prefix_for(:personal_access_token), "the global config is untouched"
  end

  def test_configure_sets_several_settings_at_once
    TokenCodec.configure(cell_id: 5, instance_prefix: "acme", custom_pat_prefix: "p-")
    assert_equal 5, TokenCodec.cell_id
    assert_equal "acme", TokenCodec.instance_prefix
    assert_equal "p-", TokenCodec.custom_pat_prefix
    TokenCodec.configure(cell_id: nil)
    assert_nil TokenCodec.cell_id
    assert_equal "acme", TokenCodec.instance_prefix
    TokenCodec.reset_configuration!
    assert_equal TokenCodec::PrefixConfig::DEFAULT, TokenCodec.prefix_config
  end
end
