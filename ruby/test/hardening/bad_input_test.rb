# frozen_string_literal: true

require "hardening_support"

# Hostile input through every entry point of the gem: empty, 1 MB and 64 MB,
# NUL bytes, invalid UTF-8, every prefix with a truncated body, length fields
# past the end, maximal payloads, thousands of dots. Each gets its specific
# reason, scanning and redaction take it as ordinary text; nothing crashes
# (also run under GC.stress by rake test:hardening).
class BadInputTest < TokenCodecTest
  include HardeningSupport

  # Every entry point on one input; checks what holds for any input and
  # returns the decode reason (nil when the token decodes).
  def probe(input)
    reason = begin
      TokenCodec.decode!(input)
      nil
    rescue TokenCodec::DecodeError => e
      assert_includes TokenCodec::DECODE_ERROR_REASONS, e.reason
      refute_includes e.message, input[0, 40] if input.bytesize >= 20
      e.reason
    end
    assert_equal reason.nil?, !TokenCodec.decode(input).nil?
    route = TokenCodec::AuthFinders.route(input)
    if reason
      assert_predicate route, :default_cell?
      assert_equal reason, route.reason
    end
    TokenCodec.decode_lax(input)
    check_scan_and_redact(input)
    spread([TokenCodec::PrefixConfig.new, configured], 1).each do |config|
      found = TokenCodec.identification(input, config: config)
      assert(found.nil? || found.is_a?(TokenCodec::Identification))
      spread([true, false], 1).each do |mode|
        kind = TokenCodec::AuthFinders.classify_bearer(input, length_detection: mode, config: config)
        assert_includes %i[personal_access_token oauth_token oauth_then_personal_access_token], kind
      end
    end
    reason
  end

  # Scanning takes any bytes: findings lie inside the text, a valid one
  # decodes, and the redaction keeps every other byte and no valid token.
  def check_scan_and_redact(input)
    # Under GC.stress one probe in three scans: enough to cover the entry points.
    @probes = (@probes || 0) + 1
    return if TestSupport.gc_stress? && !(@probes % 3).zero?

    findings = TokenCodec.scan(input)
    findings.each do |found|
      assert_operator found.offset + found.length, :<=, input.bytesize
      TokenCodec.decode!(found.token) if found.valid?
    end
    redacted = TokenCodec.redact(input)
    assert_equal input.b, redacted.b if findings.empty?
    assert_empty TokenCodec.scan(redacted).select(&:valid?), "a valid token survived redaction"
  end

  def assert_rejected(input, reason)
    assert_equal reason, probe(input), "a #{input.bytesize}-byte input"
  end

  def test_empty
    assert_rejected("", :empty)
    assert_rejected("".b, :empty)
    assert_nil TokenCodec.identify("")
    assert_equal :oauth_then_personal_access_token,
                 TokenCodec::AuthFinders.classify_bearer("", length_detection: false)
  end

  def test_one_and_sixty_four_megabytes
    spread([MEGABYTE, 64 * MEGABYTE], 1).each do |size|
      spread(["a", "\0", ".", "\xff".b], 2).each do |fill|
        assert_rejected(fill * size, :too_long)
      end
      huge = "glpat-#{"A" * (size - 19)}.01.0w082kcij"
      assert_rejected(huge, :too_long)
      assert_nil TokenCodec.identify(huge)
      assert_equal :personal_access_token, TokenCodec::AuthFinders.classify_bearer(huge, length_detection: false)
      assert_equal :oauth_then_personal_access_token,
                   TokenCodec::AuthFinders.classify_bearer(huge, length_detection: true)
      assert_equal :oauth_token, TokenCodec::AuthFinders.classify_bearer("glcbt-#{huge}", length_detection: true)
    end
  end

  def test_huge_generator_and_configuration_arguments
    huge = "a" * MEGABYTE
    assert_equal :prefix_too_long, assert_raises(TokenCodec::EncodeError) { TokenCodec.generate({ o: 1 }, prefix: huge) }.reason
    assert_raises(TokenCodec::RoutableToken::PayloadTooLarge) { TokenCodec.generate({ o: huge }, prefix: "glpat-") }
    assert_raises(TokenCodec::ConfigurationError) { TokenCodec::PrefixConfig.new(instance_prefix: huge) }
    assert_raises(TokenCodec::ConfigurationError) { TokenCodec::PrefixConfig.new(custom_pat_prefix: huge) }
  end

  def test_huge_headers_and_parameters
    token = "glpat-#{"a" * (TestSupport.gc_stress? ? MEGABYTE : 64 * MEGABYTE)}"
    finders = TokenCodec::AuthFinders
    request = finders::Request.new(headers: { "Authorization" => "Bearer #{token}" })
    assert_equal token.bytesize, finders.bearer_token(request).bytesize
    assert_equal token.bytesize, finders.personal_access_token(request).bytesize
    assert_nil finders.job_token(request)
    job = finders::Request.new(headers: { "JOB-TOKEN" => token }, params: { "job_token" => token })
    assert_equal :job_token_too_long, assert_raises(finders::JobTokenTooLong) { finders.job_token(job) }.reason
    basic = finders::Request.new(headers: { "Authorization" => "Basic #{"QUFB" * MEGABYTE}" })
    assert_nil finders.basic_credentials(basic)
    assert_nil finders.deploy_token(basic)
    many = (1..TestSupport.scaled(10_000)).to_h { |i| ["X-Header-#{i}", "glpat-....."] }
    crowded = finders::Request.new(headers: many, params: many)
    assert_nil finders.personal_access_token(crowded)
    assert_nil finders.static_object_token(crowded)
  end

  def test_nul_bytes
    spread(1..39, 2).each { |n| assert_rejected("\0" * n, :not_routable) }
    [PAT_V1, PAT_V0].each do |token|
      spread(payload_range(token), 2).each do |at|
        assert_rejected(resealed(token) { |body| body.setbyte(at, 0) }, :invalid_base64)
      end
      spread(token.bytesize - 7...token.bytesize, 1).each do |at|
        input = token.b
        input.setbyte(at, 0)
        assert_rejected(input, :invalid_checksum_field)
      end
      assert_rejected("#{token}\0", :not_routable)
      assert_rejected("\0#{token}", :checksum_mismatch)
    end
    with_nul_prefix = seal("gl\0pat-#{PAT_V1[6...-7]}")
    assert_nil probe(with_nul_prefix), "any prefix byte but a newline is a prefix byte"
    assert_nil TokenCodec.identify(with_nul_prefix)
  end

  def test_invalid_utf8
    spread(["\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"].map(&:b), 2).each do |bad|
      assert_rejected(seal("glpat#{bad}#{PAT_V1[5...-7]}".b), :invalid_prefix)
      assert_rejected(resealed(PAT_V1) { |body| body[10, bad.bytesize] = bad }, :invalid_base64)
      assert_rejected(PAT_V1.b[0...-bad.bytesize] + bad, :invalid_checksum_field)
      legacy = ("glpat-".b + bad + ("a" * 20)).byteslice(0, 26)
      assert_rejected(legacy, :not_routable)
      assert_nil TokenCodec.identify(legacy)
      # The same bytes labelled UTF-8 (an invalid String, as Rack may hand over).
      assert_rejected(legacy.dup.force_encoding(Encoding::UTF_8), :not_routable)
      assert_raises(TokenCodec::EncodeError, ArgumentError) { TokenCodec.generate({ o: 1 }, prefix: "glpat#{bad}") }
    end
  end

  def test_every_prefix_with_a_truncated_body
    [TokenCodec::PrefixConfig.new, configured].each do |config|
      spread(TokenCodec::TOKEN_TYPES, 2).each do |type|
        legacy = TokenCodec.generate_legacy(type, config: config)
        whole = TokenCodec.identification(legacy, config: config)
        assert_equal [type, :legacy], [whole.type, whole.kind]
        cut_everywhere(legacy, legacy.bytesize, config)
        next if whole.prefix_length.zero?

        prefix = legacy.byteslice(0, whole.prefix_length)
        %i[v1 v0].each do |format|
          token = TokenCodec.generate({ o: 1, u: 1 }, prefix: prefix, format: format)
          cut_everywhere(token, payload_range(token).end, config)
        end
      end
    end
  end

  # Cut at every length: never valid, and not routable up to the tail.
  def cut_everywhere(token, separator, config)
    spread(0...token.bytesize).each do |cut|
      input = token.byteslice(0, cut)
      reason = probe(input)
      expected = if cut.zero? then :empty
                 elsif cut <= separator then :not_routable
                 end
      expected ? assert_equal(expected, reason) : refute_nil(reason)
      found = TokenCodec.identification(input, config: config)
      refute found&.checksum_valid?, "a cut token identified as valid"
    end
  end

  def test_length_fields_past_the_end
    [PAT_V1, PAT_V0, "EL25d_AKXDUtqLnIQHEpkG86MQM.01.0r1ajj2i3"].each do |token|
      separator = payload_range(token).end
      spread(separator + 1..MAX_LENGTH_FIELD).each do |stated|
        input = resealed(token) { |body| body[-2, 2] = length_field(stated) }
        assert_rejected(input, :length_field_out_of_range)
        assert_nil TokenCodec.identify(input)
      end
    end
  end

  def test_maximal_payloads
    largest = { o: "x" * 157 }
    token = TokenCodec.encode(largest, prefix: "p" * MAX_PREFIX_LEN, random_bytes: "r" * 16)
    assert_equal 312, token.bytesize
    assert_nil probe(token)
    assert_equal 159, TokenCodec.decode!(token).routing_payload.bytesize
    assert_raises(TokenCodec::RoutableToken::PayloadTooLarge) do
      TokenCodec.encode({ o: "x" * 158 }, prefix: "glpat-", random_bytes: "r" * 16)
    end
    assert_equal :prefix_too_long, assert_raises(TokenCodec::EncodeError) {
      TokenCodec.encode(largest, prefix: "p" * (MAX_PREFIX_LEN + 1), random_bytes: "r" * 16)
    }.reason
    zz = seal("#{"p" * MAX_PREFIX_LEN}#{"A" * MAX_LENGTH_FIELD}.01.zz")
    assert_equal MAX_DECODE_INPUT_LEN, zz.bytesize
    assert_rejected(zz, :routing_too_large)
    assert_rejected(seal("#{"p" * (MAX_PREFIX_LEN + 1)}#{"A" * MAX_LENGTH_FIELD}.01.zz"), :too_long)
  end

  def test_thousands_of_dots
    spread(1..9, 2).each { |n| assert_rejected("." * n, :not_routable) }
    spread([10, 13, 1000, MAX_DECODE_INPUT_LEN], 2).each { |n| assert_rejected("." * n, :invalid_checksum_field) }
    spread([MAX_DECODE_INPUT_LEN + 1, 10_000, MEGABYTE], 2).each { |n| assert_rejected("." * n, :too_long) }
    assert_rejected("#{"." * 1000}.01.0w082kcij", :checksum_mismatch)
    assert_rejected(seal("#{"." * 1000}#{PAT_V1[0...-7]}"), :prefix_too_long)
    dotted = seal("#{"." * (MAX_PREFIX_LEN - 6)}#{PAT_V1[0...-7]}")
    assert_equal "#{"." * (MAX_PREFIX_LEN - 6)}glpat-", TokenCodec.decode!(dotted).prefix
  end

  def test_arguments_of_the_wrong_type
    [nil, 1, :glpat, ["glpat-"], Object.new].each do |value|
      assert_raises(TypeError) { TokenCodec.decode(value) }
      assert_raises(TypeError) { TokenCodec.decode!(value) }
      assert_raises(TypeError) { TokenCodec.identify(value) }
      assert_raises(TypeError) { TokenCodec::AuthFinders.route(value) }
    end
  end
end
