# frozen_string_literal: true

require "objspace"
require "test_setup"

# TokenCodec.scan and TokenCodec.redact (docs/spec/detection.md): tokens of
# the vectors planted in text, look-alikes, legacy tokens, byte offsets,
# byte-exact redaction, encodings, options and argument errors.
class ScanTest < TokenCodecTest
  LEGACY_PAT = "glpat-ts8y8Mk2gxi-xvXVsxfN"

  # Every valid routable token of the vectors (encode and decode sections).
  def valid_tokens
    (vectors("encode") + vectors("decode")).map { |v| v.fetch("token") }.uniq
  end

  def valid_tokens_with_known_prefix
    valid_tokens.select { |token| TokenCodec.identify(token) }
  end

  # +token+ with its last checksum character changed.
  def look_alike(token)
    token[0...-1] + (token.end_with?("a") ? "b" : "a")
  end

  # The redaction of +text+ rebuilt from its findings, as binary.
  def redaction_from(text, findings)
    out = +"".b
    position = 0
    findings.each do |finding|
      out << text.byteslice(position, finding.offset - position).b << finding.redacted.b
      position = finding.offset + finding.length
    end
    out << text.byteslice(position, text.bytesize - position).b
  end

  def test_every_valid_vector_token_planted_in_text_is_found_valid
    valid_tokens.each do |token|
      text = "token=#{token}\n"
      findings = TokenCodec.scan(text)
      assert_equal 1, findings.size, token
      found = findings.first
      decoded = TokenCodec.decode!(token)
      assert_equal [6, token.bytesize, token], [found.offset, found.length, found.token]
      assert_equal [:routable, decoded.format, :valid], [found.kind, found.format, found.checksum]
      assert_equal decoded.routing, found.routing
      assert_equal decoded.prefix.bytesize, found.prefix_length
      expected_type = TokenCodec.identify(token)
      expected_type ? assert_equal(expected_type, found.type) : assert_nil(found.type, "an unconfigured prefix")
      assert_predicate found, :valid?
      assert_predicate found, :secret?
    end
  end

  def test_tokens_are_found_in_order_with_their_offsets
    tokens = valid_tokens + [LEGACY_PAT]
    separators = [" ", "\n", "\t", "\"", "'", "=", ": ", ", ", "(", ")", "\r\n", "&x="]
    text = +"start "
    offsets = tokens.each_with_index.map do |token, i|
      offset = text.bytesize
      text << token << separators[i % separators.size]
      offset
    end
    findings = TokenCodec.scan(text)
    assert_equal offsets, findings.map(&:offset)
    assert_equal tokens, findings.map(&:token)
    findings.each { |f| assert_equal text.byteslice(f.offset, f.length), f.token }
  end

  def test_checksum_look_alikes_are_invalid_or_dropped
    valid_tokens_with_known_prefix.each do |token|
      fake = look_alike(token)
      found = TokenCodec.scan("x #{fake} y")
      assert_equal [[2, fake.bytesize, :invalid]], found.map { |f| [f.offset, f.length, f.checksum] }, fake
      assert_equal TokenCodec.identify(token), found.first.type
      assert_nil found.first.routing
      refute_predicate found.first, :valid?
      refute_predicate found.first, :secret?
      assert_empty TokenCodec.scan("x #{fake} y", invalid: :drop)
    end
  end

  def test_no_rejected_vector_is_ever_reported_valid
    vectors("reject").each do |v|
      findings = TokenCodec.scan("<#{v['token']}>")
      refute(findings.any?(&:valid?), v["why"])
    end
    checksum = vectors("reject").find { |v| v["why"] == "checksum" }.fetch("token")
    found = TokenCodec.scan("<#{checksum}>")
    assert_equal [[:personal_access_token, :invalid, 1]], found.map { |f| [f.type, f.checksum, f.offset] }
  end

  def test_legacy_tokens_have_no_checksum
    vectors("legacy").each do |v|
      found = TokenCodec.scan("use #{v['token']} now").first
      assert_equal [v["type"].to_sym, :legacy, nil, :none, nil], [found.type, found.kind, found.format, found.checksum,
                                                                 found.routing]
      assert_equal [4, v["token"]], [found.offset, found.token]
      assert_predicate found, :secret?
    end
  end

  def test_generated_legacy_tokens_of_every_prefixed_type_are_found
    (TokenCodec::TOKEN_TYPES - [:oauth_access_token]).each do |type|
      token = TokenCodec.generate_legacy(type)
      found = TokenCodec.scan("x=#{token};")
      assert_equal [[type, :none, 2, token]], found.map { |f| [f.type, f.checksum, f.offset, f.token] }, type.inspect
    end
  end

  def test_unprefixed_oauth_tokens_only_on_request
    token = TokenCodec.generate_legacy(:oauth_access_token)
    assert_empty TokenCodec.scan("sha #{token}")
    found = TokenCodec.scan("sha #{token}", unprefixed_oauth: true)
    assert_equal [[:oauth_access_token, 4, token]], found.map { |f| [f.type, f.offset, f.token] }
  end

  def test_v0_tokens_without_a_configured_prefix_can_be_left_out
    v0 = vectors("decode").find { |v| v["format"] == "v0" && v["prefix"].empty? }.fetch("token")
    assert_equal [v0], TokenCodec.scan(" #{v0} ").map(&:token)
    assert_empty TokenCodec.scan(" #{v0} ", unconfigured_v0: false)
  end

  def test_configured_prefixes
    config = TokenCodec::PrefixConfig.new(instance_prefix: "acme", custom_pat_prefix: "corp_")
    acme = TokenCodec.generate_legacy(:deploy_token, config: config)
    custom = "corp_#{LEGACY_PAT.delete_prefix('glpat-')}"
    text = "a #{acme} b #{custom} c"
    refute_includes TokenCodec.scan(text).map(&:token), custom, "corp_ is not a default prefix"
    found = TokenCodec.scan(text, config: config)
    assert_equal [[:deploy_token, acme], [:personal_access_token, custom]], found.map { |f| [f.type, f.token] }
    TokenCodec.configure(instance_prefix: "acme", custom_pat_prefix: "corp_")
    assert_equal found.map(&:token), TokenCodec.scan(text).map(&:token)
    assert_equal "a acme-gldt-[REDACTED] b corp_[REDACTED] c", TokenCodec.redact(text)
  end

  def test_offsets_are_byte_offsets_in_multibyte_text
    token = valid_tokens_with_known_prefix.first
    before = "Ключ — 🔑 «"
    text = "#{before}#{token}» ✓ #{LEGACY_PAT} ✓"
    findings = TokenCodec.scan(text)
    assert_equal [before.bytesize, text.b.index(LEGACY_PAT.b)], findings.map(&:offset)
    refute_equal before.size, findings.first.offset, "a character index is not a byte offset"
    findings.each do |f|
      assert_equal text.byteslice(f.offset, f.length), f.token
      assert_equal Encoding::UTF_8, f.token.encoding
    end
  end

  def test_redaction_keeps_every_other_byte
    token = valid_tokens_with_known_prefix.first
    fake = look_alike(token)
    text = "é #{token}\n\0#{fake}\t#{LEGACY_PAT}\xff end".b
    redacted = TokenCodec.redact(text)
    assert_equal "é glpat-[REDACTED]\n\0glpat-[REDACTED]\tglpat-[REDACTED]\xff end".b, redacted
    assert_equal redaction_from(text, TokenCodec.scan(text)), redacted
    kept = TokenCodec.redact(text, invalid: :keep)
    assert_equal "é glpat-[REDACTED]\n\0#{fake}\tglpat-[REDACTED]\xff end".b, kept
    assert_equal redaction_from(text, TokenCodec.scan(text, invalid: :drop)), kept
  end

  def test_redaction_of_every_vector_token
    text = valid_tokens.each_with_index.map { |token, i| "#{i}: #{token};" }.join("\n")
    redacted = TokenCodec.redact(text)
    assert_equal redaction_from(text, TokenCodec.scan(text)), redacted
    valid_tokens.each { |token| refute_includes redacted, token }
    assert_empty TokenCodec.scan(redacted)
  end

  def test_redaction_keeps_the_encoding_and_leaves_the_input_alone
    token = valid_tokens_with_known_prefix.first
    [Encoding::UTF_8, Encoding::BINARY, Encoding::ISO_8859_1, Encoding::US_ASCII, Encoding::Windows_31J].each do |enc|
      text = "k=#{token} v".dup.force_encoding(enc)
      original = text.dup
      redacted = TokenCodec.redact(text)
      assert_equal enc, redacted.encoding
      assert_equal "k=glpat-[REDACTED] v".b, redacted.b
      assert_equal original, text
      assert_equal enc, TokenCodec.scan(text).first.token.encoding
    end
    nothing = "no tokens here"
    copy = TokenCodec.redact(nothing)
    assert_equal nothing, copy
    refute_same nothing, copy
    utf16 = "k=#{token}".encode(Encoding::UTF_16LE)
    assert_equal [utf16.b, Encoding::UTF_16LE], TokenCodec.redact(utf16).then { |r| [r.b, r.encoding] }
  end

  def test_nul_bytes_and_invalid_utf8
    token = valid_tokens_with_known_prefix.first
    binary = "\0\0#{token}\0\xff\xfe#{LEGACY_PAT}\0".b
    assert_equal [2, 2 + token.bytesize + 3], TokenCodec.scan(binary).map(&:offset)
    broken = binary.dup.force_encoding(Encoding::UTF_8)
    refute_predicate broken, :valid_encoding?
    assert_equal [:valid, :none], TokenCodec.scan(broken).map(&:checksum)
    redacted = TokenCodec.redact(broken)
    assert_equal Encoding::UTF_8, redacted.encoding
    assert_equal "\0\0glpat-[REDACTED]\0\xff\xfeglpat-[REDACTED]\0".b, redacted.b
    ["", "\0", "\xff".b * 1000, "\0" * 100_000, "glpat-", "glpat-\0", ".01.", "." * 70_000].each do |text|
      assert_empty TokenCodec.scan(text), text.bytesize.to_s
      assert_equal text.b, TokenCodec.redact(text).b
    end
  end

  def test_inspect_and_to_h_never_show_the_token
    token = valid_tokens_with_known_prefix.first
    found = TokenCodec.scan("t=#{token} #{LEGACY_PAT}")
    found.each do |f|
      secret = f.token.byteslice(f.prefix_length, 12)
      [f.inspect, f.to_s, f.to_h.inspect].each { |shown| refute_includes shown, secret }
      assert_includes f.inspect, "#{f.token.byteslice(0, f.prefix_length)}[REDACTED]"
    end
    decoded = TokenCodec.decode(token)
    assert_equal({ type: :personal_access_token, offset: 2, length: token.bytesize, kind: :routable,
                   format: decoded.format, checksum: :valid, routing: decoded.routing }, found.first.to_h)
  end

  def test_argument_errors
    [nil, 1, :text, ["text"]].each do |text|
      assert_raises(TypeError) { TokenCodec.scan(text) }
      assert_raises(TypeError) { TokenCodec.redact(text) }
    end
    assert_raises(ArgumentError) { TokenCodec.scan("x", invalid: :keep) }
    assert_raises(ArgumentError) { TokenCodec.redact("x", invalid: :drop) }
    assert_raises(ArgumentError) { TokenCodec.scan("x", unconfigured_v0: nil) }
    assert_raises(ArgumentError) { TokenCodec.redact("x", unprefixed_oauth: "yes") }
    assert_raises(TypeError) { TokenCodec.scan("x", config: "acme") }
    assert_raises(TypeError) { TokenCodec::Finding.new }
  end

  def test_frozen_and_shared_inputs
    token = valid_tokens_with_known_prefix.first
    frozen = "a #{token} b"
    assert_equal [2], TokenCodec.scan(frozen.freeze).map(&:offset)
    assert_equal "a glpat-[REDACTED] b", TokenCodec.redact(frozen)
    long = "#{'x' * 100} #{token} #{'y' * 100}"
    slice = long[50, 200]
    assert_equal [51], TokenCodec.scan(slice).map(&:offset)
  end

  # Like a decoded token, a finding keeps its parts in memory the GC counts.
  def test_findings_count_towards_the_gc_malloc_limit
    count = 200
    text = Array.new(count) { valid_tokens.first }.join(" ")
    findings, grown = TestSupport.malloc_increase_during { TokenCodec.scan(text) }
    assert_equal count, findings.size
    assert_operator grown, :>=, count * 160, "#{count} findings added #{grown} bytes"
    assert_operator ObjectSpace.memsize_of(findings.first), :>=, 160 + findings.first.length
  end
end
