# frozen_string_literal: true

module TokenCodec
  # Base class of the gem's own errors (not of the routing errors, which keep
  # GitLab's ArgumentError / RuntimeError ancestry).
  class Error < StandardError; end

  # An error that says why with a Symbol. The message never contains any byte
  # of a token.
  module Reasoned
    # @return [Symbol] e.g. :checksum_mismatch
    attr_reader :reason

    def initialize(reason = nil, message = nil)
      @reason = reason&.to_sym
      super(message || reason&.to_s&.tr("_", " "))
    end
  end

  # A token is not a valid routable token. #reason is one of
  # TokenCodec::DECODE_ERROR_REASONS (:checksum_mismatch, :not_routable, ...).
  class DecodeError < Error
    include Reasoned
  end

  # A token could not be encoded or generated (:invalid_prefix,
  # :prefix_too_long, :random_unavailable).
  class EncodeError < Error
    include Reasoned
  end

  # An instance prefix or custom PAT prefix that GitLab would not accept
  # (:invalid_instance_prefix, :invalid_custom_pat_prefix).
  class ConfigurationError < ArgumentError
    include Reasoned
  end

  # GitLab's routable token generator and its errors, with GitLab's classes
  # and exact messages.
  class RoutableToken
    # A routing key outside c g o p u t.
    InvalidRoutingKeys = Class.new(ArgumentError)
    # Neither :c nor :o (or, with required_keys: :organization, no :o).
    MissingRequiredRoutingKeys = Class.new(ArgumentError)
    # A routing value containing "\n" or ":".
    InvalidRoutingValue = Class.new(ArgumentError)
    # The rendered routing payload is longer than 159 bytes.
    PayloadTooLarge = Class.new(RuntimeError)
  end

  module AuthFinders
    # A CI job token longer than 8192 bytes (reason :job_token_too_long).
    class JobTokenTooLong < TokenCodec::Error
      include Reasoned
    end
  end
end
