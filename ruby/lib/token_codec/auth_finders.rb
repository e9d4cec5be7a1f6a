# frozen_string_literal: true

require "uri"

module TokenCodec
  # GitLab's AuthFinders decisions (docs/spec/auth-finders.md) over a
  # request's headers and params: where each token is found (first non-blank
  # source wins), whether a Bearer token is a PAT or an OAuth token, in both
  # length-detection modes, and which cell a token routes to.
  #
  #   request = TokenCodec::AuthFinders::Request.from_rack_env(env)
  #   token = TokenCodec::AuthFinders.personal_access_token(request)
  #   TokenCodec::AuthFinders.classify_bearer(token, length_detection: false)
  #   # => :personal_access_token, :oauth_token or :oauth_then_personal_access_token
  #   TokenCodec::AuthFinders.route(token).cell_id
  module AuthFinders
    # Longest CI job token accepted, in bytes.
    MAX_JOB_TOKEN_LENGTH = 8192

    # A request as the finders see it: headers (names in any case) and
    # params (String or Symbol names), and the path (for feed tokens).
    # Values that are not Strings are ignored.
    class Request
      attr_reader :headers, :params, :path

      # From a Rack env: HTTP_* entries become headers (HTTP_PRIVATE_TOKEN is
      # PRIVATE-TOKEN); params are Rails' parsed parameters when present,
      # else Rack's (when Rack is loaded), else the query string.
      def self.from_rack_env(env)
        headers = {}
        env.each do |name, value|
          next unless name.is_a?(String) && name.start_with?("HTTP_") && value.is_a?(String)

          headers[name.delete_prefix("HTTP_").tr("_", "-")] = value
        end
        new(headers: headers, params: rack_params(env), path: env["PATH_INFO"].to_s)
      end

      def self.rack_params(env)
        rails = env["action_dispatch.request.parameters"]
        return rails if rails.is_a?(Hash)
        return ::Rack::Request.new(env).params if defined?(::Rack::Request)

        URI.decode_www_form(env["QUERY_STRING"].to_s).to_h
      rescue ArgumentError, TypeError, EOFError
        {} # unparseable parameters carry no token
      end
      private_class_method :rack_params

      def initialize(headers: {}, params: {}, path: "")
        raise TypeError, "headers must be a Hash, not #{headers.class}" unless headers.is_a?(Hash)
        raise TypeError, "params must be a Hash, not #{params.class}" unless params.is_a?(Hash)
        raise TypeError, "path must be a String, not #{path.class}" unless path.is_a?(String)

        @headers = headers
        @params = params
        @path = path
      end

      # The finders never show token values.
      def inspect
        "#<#{self.class.name} headers=#{@headers.keys.inspect} params=#{@params.keys.inspect} path=#{@path.inspect}>"
      end
    end

    # Where a request goes: :cell (cell_id as in the token, cell_number when
    # it is base36 of an integer), :topology_service (by key :p, :g, :o or :u
    # and its value) or :default_cell (with the DecodeError reason).
    RouteDecision = Struct.new(:target, :cell_id, :cell_number, :key, :value, :reason, keyword_init: true) do
      def cell?
        target == :cell
      end

      def topology_service?
        target == :topology_service
      end

      def default_cell?
        target == :default_cell
      end
    end

    # A token found in a request and where it was found. +source+ is
    # :private_token_param, :private_token_header, :access_token_param,
    # :authorization_bearer or :bearer_token_param. #inspect never shows the
    # token.
    Located = Struct.new(:token, :source, :oauth_style) do
      # Whether the source is OAuth-style (access_token, Authorization:
      # Bearer, bearer_token): such a token may be an OAuth token or a PAT,
      # and classify_bearer says how to look it up. A private_token /
      # PRIVATE-TOKEN token is only a PAT.
      def oauth_style?
        oauth_style
      end

      def inspect
        "#<struct #{self.class.name} token=[REDACTED] source=#{source.inspect} oauth_style=#{oauth_style.inspect}>"
      end
      alias_method :to_s, :inspect
    end

    module_function

    # The PAT candidate: param private_token, header PRIVATE-TOKEN, then the OAuth token.
    def personal_access_token(request)
      Native.personal_access_token(request.headers, request.params)
    end

    # The OAuth token: param access_token, Authorization: Bearer, param bearer_token.
    def oauth_token(request)
      Native.oauth_token(request.headers, request.params)
    end

    # Like personal_access_token, as a Located (token and source), or nil.
    def locate_personal_access_token(request)
      found = Native.locate_personal_access_token(request.headers, request.params)
      found && Located.new(*found)
    end

    # Like oauth_token, as a Located (token and source), or nil.
    def locate_oauth_token(request)
      found = Native.locate_oauth_token(request.headers, request.params)
      found && Located.new(*found)
    end

    # The token of an Authorization: Bearer header (scheme in any case).
    def bearer_token(request)
      Native.bearer_token(request.headers, request.params)
    end

    # The CI job token (params job_token, token, header JOB-TOKEN, or basic
    # auth as gitlab-ci-token). Raises JobTokenTooLong over 8192 bytes.
    def job_token(request)
      Native.job_token(request.headers, request.params)
    end

    # The deploy token: basic-auth password, header Deploy-Token, or the OAuth token.
    def deploy_token(request)
      Native.deploy_token(request.headers, request.params)
    end

    # The runner token: param token, on API requests only.
    def runner_token(request, api_request: true)
      Native.runner_token(request.headers, request.params, api_request ? true : false)
    end

    # The feed token: param feed_token or rss_token, for .atom / .ics paths only.
    def feed_token(request)
      Native.feed_token(request.headers, request.params, request.path)
    end

    # The static-object token: param token or header X-Gitlab-Static-Object-Token.
    def static_object_token(request)
      Native.static_object_token(request.headers, request.params)
    end

    # [user, password] of an Authorization: Basic header, or nil.
    def basic_credentials(request)
      Native.basic_credentials(request.headers)
    end

    # How an API request's Bearer token must be looked up:
    # :personal_access_token (only as a PAT), :oauth_token (only as OAuth: CI
    # job tokens) or :oauth_then_personal_access_token.
    #
    # +length_detection+: true (flag auth_finder_no_token_length_detection
    # off: a 20..40 character token is a PAT) or false (flag on, GitLab today:
    # the PAT prefixes of +config+ decide).
    def classify_bearer(token, length_detection:, config: TokenCodec.prefix_config)
      unless [true, false].include?(length_detection)
        raise ArgumentError, "length_detection must be true or false, not #{length_detection.class}"
      end

      Native.classify_bearer(token, length_detection, config)
    end

    # The routing decision for +token+ (a TokenCodec::AuthFinders::RouteDecision),
    # decoded strictly without any lookup.
    def route(token)
      target, first, second = Native.route(token)
      case target
      when :cell then RouteDecision.new(target: target, cell_id: first, cell_number: second)
      when :topology_service then RouteDecision.new(target: target, key: first, value: second)
      else RouteDecision.new(target: target, reason: first)
      end
    end
  end
end
