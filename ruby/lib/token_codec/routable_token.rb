# frozen_string_literal: true

module TokenCodec
  # GitLab's routable token generator (Authn::TokenField::Generator::RoutableToken):
  #
  #   gen = TokenCodec::RoutableToken.new(
  #     pat,
  #     routing_payload: { o: ->(r) { r.organization_id }, u: ->(r) { r.user_id } },
  #     prefix: "glpat-"
  #   )
  #   gen.generate_token   # => "glpat-...01.xxxxxxxxx"
  #
  # The routing keys are checked by new (InvalidRoutingKeys,
  # MissingRequiredRoutingKeys: ArgumentError); each value, a callable taking
  # the record (or a plain Integer, String or nil), is evaluated by
  # generate_token, which raises PayloadTooLarge (RuntimeError) for a payload
  # over 159 bytes. Messages are GitLab's. The default cell id
  # (TokenCodec.cell_id) is added as c unless the payload has c.
  class RoutableToken
    # The routing keys GitLab accepts.
    VALID_ROUTING_KEYS = %i[c g o p u t].freeze
    # The longest routing payload, in bytes.
    MAX_ROUTING_PAYLOAD_SIZE = 159

    attr_reader :record, :routing_payload, :prefix, :format, :required_keys

    # +format+: :v1 (default) or :v0, the first routable layout.
    # +required_keys+: :cell_or_organization (GitLab today: c or o) or
    # :organization (the v0-era generator's rule: o).
    def initialize(record, routing_payload:, prefix:, format: :v1, required_keys: :cell_or_organization)
      raise TypeError, "routing_payload must be a Hash, not #{routing_payload.class}" unless routing_payload.is_a?(Hash)
      raise TypeError, "prefix must be a String, not #{prefix.class}" unless prefix.is_a?(String)

      @native = Native::RoutableGenerator.new(prefix, routing_payload.keys, required_keys)
      @record = record
      @routing_payload = routing_payload
      @keys = routing_payload.keys.freeze
      @evaluators = routing_payload.values.map { |value| value.respond_to?(:call) ? value : proc { value } }.freeze
      @prefix = prefix
      @format = format
      @required_keys = required_keys
    end

    # A new token for the record, with 16 random bytes from this thread's
    # CSPRNG (see TokenCodec.generate), or the given +random_bytes+ (for
    # reproducible tests).
    def generate_token(format: @format, random_bytes: nil)
      values = @evaluators.map { |evaluator| evaluator.call(@record) }
      @native.generate(values, format, TokenCodec.cell_id, random_bytes)
    end

    # The routing values for the record: each callable called with it.
    def routing_values
      @keys.zip(values).to_h
    end

    def inspect
      "#<#{self.class.name} prefix=#{@prefix.inspect} keys=#{@routing_payload.keys.inspect} format=#{@format.inspect}>"
    end

    private

    # The values for the record, in the keys' order.
    def values
      @evaluators.map { |evaluator| evaluator.call(@record) }
    end
  end
end
