# frozen_string_literal: true

module TokenCodec
  # What identify found: the token type, whether it is :routable or :legacy,
  # the routable format (nil for legacy), whether its checksum holds (:valid,
  # :invalid, or :not_applicable for legacy tokens) and the prefix length.
  Identification = Struct.new(:type, :kind, :format, :checksum, :prefix_length) do
    def routable?
      kind == :routable
    end

    def legacy?
      kind == :legacy
    end

    def checksum_valid?
      checksum == :valid
    end
  end

  class << self
    # The type of +token+ as a Symbol of docs/spec/token-types.md
    # (:personal_access_token, :runner_authentication_token, ...), or nil.
    # Uses the configured prefixes (TokenCodec.prefix_config) unless +config+
    # is given; longer prefixes win. A routable-looking token with a bad
    # checksum still has a type: see #identification for the checksum.
    def identify(token, config: @prefix_config)
      Native.identify(token, config)
    end

    # A TokenCodec::Identification, or nil.
    def identification(token, config: @prefix_config)
      found = Native.identification(token, config)
      found && Identification.new(*found)
    end
  end
end
