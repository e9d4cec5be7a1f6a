# frozen_string_literal: true

module TokenCodec
  # Every #reason a TokenCodec::DecodeError can have, in the core's order.
  DECODE_ERROR_REASONS = Native::DECODE_ERROR_REASONS

  # The routable token formats: :v1 (current GitLab) and :v0 (the first routable PATs).
  FORMATS = %i[v1 v0].freeze

  # Every token type (:personal_access_token, :deploy_token, ...) of docs/spec/token-types.md.
  TOKEN_TYPES = Native.token_types.freeze

  # What GitLab's own (lax) decoder makes of a token: prefix, format and the
  # routing keys with values read as lenient base36 Integers.
  LaxToken = Struct.new(:prefix, :format, :routing)

  class << self
    # The routable token for +routing+ and the given 16 +random_bytes+:
    # deterministic, byte for byte what GitLab generates.
    #
    #   TokenCodec.encode({ o: 1, u: 1 }, prefix: "glpat-", random_bytes: "a" * 16)
    #   # => "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
    #
    # +routing+ maps keys (:c :g :o :p :u :t) to Integers (0..2**64-1), Strings
    # or nil (dropped, but the key counts as given). +cell_id+ (default
    # TokenCodec.cell_id) is added as c unless +routing+ has c.
    # +required_keys+ is :cell_or_organization (GitLab today) or :organization
    # (the v0-era rule). Raises the RoutableToken errors with GitLab's
    # messages, TokenCodec::EncodeError for a bad prefix, TypeError /
    # ArgumentError / RangeError for arguments of the wrong type or size.
    def encode(routing, prefix:, random_bytes:, format: :v1, cell_id: @cell_id,
               required_keys: :cell_or_organization)
      Native.encode(prefix, routing, random_bytes, format, cell_id, required_keys)
    end

    # Like encode, with 16 random bytes from this thread's CSPRNG (ChaCha12
    # seeded from the operating system, reseeded after every fork and every
    # 1 MiB: safe across fork and threads). TokenCodec::EncodeError
    # (:random_unavailable) if the operating system cannot seed it.
    def generate(routing, prefix:, format: :v1, cell_id: @cell_id, required_keys: :cell_or_organization)
      Native.generate(prefix, routing, format, cell_id, required_keys)
    end

    # The TokenCodec::Token of a valid routable token (v1 or v0), or nil for
    # anything else (a legacy token, a bad checksum, garbage). TypeError if
    # +token+ is not a String.
    def decode(token)
      Native.decode(token)
    end

    # Like decode, but raises TokenCodec::DecodeError whose #reason says why.
    def decode!(token)
      Native.decode!(token)
    end

    # GitLab-compatible decoding: a TokenCodec::LaxToken where GitLab's decoder
    # accepts the token (checksum only; any key; routing values through
    # to_i(36)), or nil where it returns nil. For comparing with the monolith's
    # current behaviour; use decode otherwise.
    def decode_lax(token)
      found = Native.decode_lax(token)
      found && LaxToken.new(*found)
    end

    # A legacy (non-routable) token of +type+ with the prefix +config+ gives
    # it, e.g. generate_legacy(:deploy_token) # => "gldt-" + 20 characters.
    def generate_legacy(type, config: @prefix_config)
      Native.generate_legacy(type, config)
    end

    # The prefix new tokens of +type+ get under +config+ ("glpat-", the custom
    # PAT prefix, or "<instance>-glpat-").
    def prefix_for(type, config: @prefix_config)
      config.prefix_for(type)
    end

    # The prefix GitLab uses for +type+ without any configuration.
    def default_prefix(type)
      Native.default_prefix(type)
    end

    # The routing keys GitLab puts in routable tokens of +type+ (besides c).
    def routing_keys(type)
      Native.routing_keys(type)
    end
  end
end
