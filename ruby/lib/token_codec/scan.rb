# frozen_string_literal: true

module TokenCodec
  # What replaces a token's secret part in redacted text: "glpat-[REDACTED]".
  REDACTED = Native::REDACTED

  # Texts longer than this many bytes are scanned with the GVL released.
  SCAN_WITHOUT_GVL_ABOVE = Native::SCAN_WITHOUT_GVL_ABOVE

  # One token found by TokenCodec.scan (made only by scan). Readers, defined
  # by the extension:
  #
  #   type           :personal_access_token, ... (token-types.md), or nil for a
  #                  valid routable token whose prefix is not configured
  #   offset         byte offset of the token in the scanned text
  #   length         length of the token in bytes
  #   prefix_length  length of its prefix in bytes ("glpat-" gives 6)
  #   token          the token itself (== text.byteslice(offset, length)): a secret
  #   kind           :routable or :legacy
  #   format         :v1 or :v0 (routable), nil (legacy)
  #   checksum       :valid, :invalid (a routable look-alike) or :none (legacy)
  #   routing        { "o" => "1", ... } for a valid routable token, else nil
  #
  # #inspect, #to_s and #to_h never include the token.
  class Finding
    # A routable token that decodes.
    def valid?
      checksum == :valid
    end

    # Whether to treat it as a live secret: a valid routable token or a legacy
    # token (which has no checksum to disprove it); not a look-alike.
    def secret?
      checksum != :invalid
    end

    # What TokenCodec.redact writes in its place: the prefix and [REDACTED].
    def redacted
      "#{token.byteslice(0, prefix_length)}#{REDACTED}"
    end

    # Everything but the token.
    def to_h
      { type: type, offset: offset, length: length, kind: kind, format: format, checksum: checksum,
        routing: routing }
    end

    def inspect
      "#<#{self.class.name} type=#{type.inspect} offset=#{offset} length=#{length} kind=#{kind.inspect} " \
        "format=#{format.inspect} checksum=#{checksum.inspect} routing=#{routing.inspect} token=#{redacted.inspect}>"
    end
    alias to_s inspect
  end

  class << self
    # The GitLab tokens in +text+ (a String of any encoding, read as bytes:
    # NUL bytes and invalid UTF-8 are ordinary text), as an Array of
    # TokenCodec::Finding in order of offset, never overlapping.
    #
    #   TokenCodec.scan(log).each { |f| warn "#{f.type} at byte #{f.offset}" if f.secret? }
    #
    # Routable tokens are checked like decode does: a look-alike whose checksum
    # or fields do not hold has checksum :invalid (+invalid: :drop+ leaves it
    # out); legacy tokens have checksum :none. +config+ gives the prefixes
    # (default: TokenCodec.prefix_config). +unconfigured_v0+: also find valid
    # v0 tokens whose prefix is not configured (valid v1 tokens are always
    # found). +unprefixed_oauth+: report every word of 64 lowercase hex digits
    # (SHA-256 digests look the same). Texts over SCAN_WITHOUT_GVL_ABOVE bytes
    # are scanned with the GVL released.
    def scan(text, config: @prefix_config, invalid: :report, unconfigured_v0: true, unprefixed_oauth: false)
      Native.scan(text, config, scan_option(:invalid, invalid, report: true, drop: false),
                  scan_flag(:unconfigured_v0, unconfigured_v0), scan_flag(:unprefixed_oauth, unprefixed_oauth))
    end

    # +text+ with every token scan finds replaced by its prefix and
    # REDACTED ("glpat-[REDACTED]"): a new String in the encoding of +text+,
    # every other byte unchanged. Look-alikes are redacted too unless
    # +invalid: :keep+. Options as for scan.
    def redact(text, config: @prefix_config, invalid: :redact, unconfigured_v0: true, unprefixed_oauth: false)
      Native.redact(text, config, scan_option(:invalid, invalid, redact: true, keep: false),
                    scan_flag(:unconfigured_v0, unconfigured_v0), scan_flag(:unprefixed_oauth, unprefixed_oauth))
    end

    private

    def scan_option(name, value, **choices)
      choices.fetch(value) do
        raise ArgumentError, "#{name} must be #{choices.keys.map(&:inspect).join(' or ')}, not #{value.inspect}"
      end
    end

    def scan_flag(name, value)
      return value if [true, false].include?(value)

      raise ArgumentError, "#{name} must be true or false, not #{value.class}"
    end
  end
end
