# frozen_string_literal: true

require "base64"
require "securerandom"
require "zlib"

# GitLab's routable token algorithm in plain Ruby, written from
# docs/spec/routable-token.md the way the monolith implements it (String
# building, Base64, Zlib.crc32, Integer#to_s(36)). It is the baseline of
# ruby/bench and an independent oracle for the differential tests; it is not
# part of the gem.
module ReferenceTokenCodec
  RANDOM_BYTES_LENGTH = 16
  VALID_ROUTING_KEYS = %i[c g o p u t].freeze
  MAX_ROUTING_PAYLOAD_SIZE = 159
  BASE36 = /\A[0-9a-z]+\z/

  InvalidRoutingKeys = Class.new(ArgumentError)
  MissingRequiredRoutingKeys = Class.new(ArgumentError)
  PayloadTooLarge = Class.new(RuntimeError)

  # The generator, as Authn::TokenField::Generator::RoutableToken.
  class RoutableToken
    def initialize(record, routing_payload:, prefix:, cell_id: nil)
      @record = record
      @routing_payload = routing_payload
      @prefix = prefix
      @cell_id = cell_id
      validate_routing_keys!
    end

    def generate_token(random_bytes: SecureRandom.random_bytes(RANDOM_BYTES_LENGTH), format: :v1)
      routing = encodable_routing
      raw =
        if format == :v0
          routing + random_bytes + [RANDOM_BYTES_LENGTH].pack("C")
        else
          random_bytes + routing + [routing.bytesize % 256].pack("C")
        end
      encoded = Base64.urlsafe_encode64(raw, padding: false)
      version = format == :v0 ? "" : ".01"
      token = "#{@prefix}#{encoded}#{version}.#{encoded.size.to_s(36).rjust(2, '0')}"
      "#{token}#{Zlib.crc32(token).to_s(36).rjust(7, '0')}"
    end

    private

    def validate_routing_keys!
      invalid = @routing_payload.keys - VALID_ROUTING_KEYS
      unless invalid.empty?
        raise InvalidRoutingKeys,
              "Invalid routing keys: #{invalid.map(&:inspect).join(', ')}. " \
              "Valid routing keys are: #{VALID_ROUTING_KEYS.map(&:inspect).join(', ')}."
      end
      return if @routing_payload.key?(:c) || @routing_payload.key?(:o)

      raise MissingRequiredRoutingKeys, "At least one routing key must be present: :c or :o."
    end

    def routing_hash
      hash = @routing_payload.transform_values { |value| value.respond_to?(:call) ? value.call(@record) : value }
      hash[:c] = @cell_id if @cell_id && !@routing_payload.key?(:c)
      hash.reject { |_, value| value.nil? || value.to_s.strip.empty? }
    end

    def encodable_routing
      text = routing_hash.sort.map { |key, value| "#{key}:#{value.is_a?(Integer) ? value.to_s(36) : value}" }.join("\n")
      if text.bytesize > MAX_ROUTING_PAYLOAD_SIZE
        raise PayloadTooLarge, "Routing payload is too big: #{text.bytesize}. Maximum size is #{MAX_ROUTING_PAYLOAD_SIZE}."
      end

      text.b
    end
  end

  # A strictly decoded token.
  Decoded = Struct.new(:prefix, :format, :routing, :random_bytes)

  module_function

  # Strict decoding, parsed from the right; nil for anything invalid.
  def decode(token)
    return nil unless token.is_a?(String) && token.bytesize >= 10

    token = token.b
    crc = token[-7..]
    return nil unless token[-10] == "." && crc.match?(BASE36) && crc.to_i(36) == Zlib.crc32(token[0...-7])

    length_field = token[-9, 2]
    return nil unless length_field.match?(BASE36)

    v1 = token.bytesize >= 13 && token[-13] == "."
    return nil if v1 && token[-12, 2] != "01"

    separator = token.bytesize - (v1 ? 13 : 10)
    length = length_field.to_i(36)
    return nil if length > separator || length % 4 == 1

    encoded = token[separator - length, length]
    return nil unless encoded.match?(/\A[A-Za-z0-9_-]*\z/)

    raw = Base64.urlsafe_decode64(encoded)
    return nil unless Base64.urlsafe_encode64(raw, padding: false) == encoded

    prefix = token[0, separator - length].force_encoding(Encoding::UTF_8)
    return nil if raw.bytesize <= RANDOM_BYTES_LENGTH + 1 || !prefix.valid_encoding? || prefix.include?("\n")

    if v1
      random = raw[0, RANDOM_BYTES_LENGTH]
      routing = raw[RANDOM_BYTES_LENGTH...-1]
      return nil unless raw.getbyte(-1) == routing.bytesize % 256
    else
      random = raw[-(RANDOM_BYTES_LENGTH + 1), RANDOM_BYTES_LENGTH]
      routing = raw[0...-(RANDOM_BYTES_LENGTH + 1)]
      return nil unless raw.getbyte(-1) == RANDOM_BYTES_LENGTH
    end
    pairs = parse_routing(routing)
    pairs && Decoded.new(prefix, v1 ? :v1 : :v0, pairs, random)
  rescue ArgumentError
    nil
  end

  def parse_routing(routing)
    return nil if routing.empty? || routing.bytesize > MAX_ROUTING_PAYLOAD_SIZE

    routing = routing.dup.force_encoding(Encoding::UTF_8)
    return nil unless routing.valid_encoding?

    pairs = {}
    previous = nil
    routing.split("\n", -1).each do |line|
      key, value = line.split(":", 2)
      return nil unless key&.size == 1 && value && !value.empty? && !value.include?(":")
      return nil unless VALID_ROUTING_KEYS.include?(key.to_sym)
      return nil if previous && key <= previous

      previous = key
      pairs[key] = value
    end
    pairs
  end

  # Identification by prefix (longest first), then the body's shape, the way
  # GitLab's token classes check `start_with?(prefix)` one after another.
  TYPES = {
    "glrt-t1_" => :runner_authentication_token, "glrt-t2_" => :runner_authentication_token,
    "glrt-t3_" => :runner_authentication_token, "_gitlab_session=" => :session_cookie,
    "GR1348941" => :runner_registration_token, "glagent-" => :cluster_agent_token,
    "glffct-" => :feature_flags_client_token, "glsoat-" => :scim_oauth_token,
    "glpat-" => :personal_access_token, "glimt-" => :incoming_email_token,
    "glrtr-" => :runner_authentication_token, "glcbt-" => :ci_job_token,
    "glptt-" => :ci_trigger_token, "gloas-" => :oauth_application_secret,
    "gldt-" => :deploy_token, "glft-" => :feed_token,
    "glrt-" => :runner_authentication_token, "glwt-" => :workspace_token
  }.sort_by { |prefix, _| -prefix.size }.freeze
  ROUTABLE_TAIL = /\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9}\z/
  LEGACY_BODY = /\A[0-9A-Za-z_-]{20,50}\z|\A[0-9a-f]{40,64}\z/

  def identify(token)
    TYPES.each do |prefix, type|
      next unless token.start_with?(prefix)

      body = token[prefix.size..]
      return type if body.match?(ROUTABLE_TAIL) || body.match?(LEGACY_BODY)
    end
    token.match?(/\A[0-9a-f]{64}\z/) ? :oauth_access_token : nil
  end
end
