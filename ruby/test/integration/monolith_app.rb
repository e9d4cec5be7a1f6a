# frozen_string_literal: true

# A small stand-in for the Rails monolith, built from real parts: an
# ActiveRecord model PersonalAccessToken in SQLite whose token comes from
# TokenCodec::RoutableToken and is stored only as a SHA-256 digest, OAuth
# access tokens, and a Rack API that authenticates requests by PRIVATE-TOKEN
# and Authorization: Bearer through TokenCodec::AuthFinders.

require "active_record"
require "digest"
require "json"
require "logger"
require "rack"
require "stringio"
require "token_codec"

ActiveRecord::Base.establish_connection(adapter: "sqlite3", database: ":memory:")
ActiveRecord::Migration.verbose = false
ActiveRecord::Schema.define do
  create_table :users do |t|
    t.string :username, null: false
    t.integer :organization_id, null: false
  end

  create_table :personal_access_tokens do |t|
    t.references :user, null: false
    t.integer :organization_id, null: false
    t.string :name, null: false
    t.string :token_digest, null: false, index: { unique: true }
    t.boolean :revoked, null: false, default: false
  end

  create_table :oauth_access_tokens do |t|
    t.references :user, null: false
    t.string :token_digest, null: false, index: { unique: true }
  end
end

# Token digests, as GitLab stores them: the plaintext is never persisted.
module TokenDigest
  def self.of(token)
    Digest::SHA256.hexdigest(token)
  end
end

class User < ActiveRecord::Base
  has_many :personal_access_tokens
end

# GitLab's PersonalAccessToken: a routable token (v1) with the organization
# and user ids, unless created as a legacy token.
class PersonalAccessToken < ActiveRecord::Base
  ROUTING_PAYLOAD = { o: ->(pat) { pat.organization_id }, u: ->(pat) { pat.user_id } }.freeze

  belongs_to :user
  attribute :legacy, :boolean, default: false

  # The plaintext token, only in memory right after creation.
  attr_reader :token

  before_validation :set_token, on: :create

  def self.find_by_token(token)
    find_by(token_digest: TokenDigest.of(token), revoked: false)
  end

  private

  def set_token
    self.organization_id ||= user&.organization_id
    @token =
      if legacy
        TokenCodec.generate_legacy(:personal_access_token)
      else
        TokenCodec::RoutableToken.new(self, routing_payload: ROUTING_PAYLOAD,
                                            prefix: TokenCodec.prefix_for(:personal_access_token)).generate_token
      end
    self.token_digest = TokenDigest.of(@token)
  end
end

# A Doorkeeper-style OAuth access token (64 hex characters, no prefix).
class OauthAccessToken < ActiveRecord::Base
  belongs_to :user
  attr_reader :token

  before_validation(on: :create) do
    @token = TokenCodec.generate_legacy(:oauth_access_token)
    self.token_digest = TokenDigest.of(@token)
  end

  def self.find_by_token(token)
    find_by(token_digest: TokenDigest.of(token))
  end
end

# Redacts a token for logs: the prefix identify found, then a marker.
module Redaction
  def self.redact(token)
    found = TokenCodec.identification(token)
    "#{found ? token[0, found.prefix_length] : ''}[REDACTED]"
  end
end

# The API: GET /api/v4/user answers who the token belongs to, how it was
# looked up, and where the Cells router would send the request.
class MonolithApi
  attr_reader :log

  # +length_detection+: the AuthFinders mode (feature flag
  # auth_finder_no_token_length_detection off = true).
  def initialize(length_detection:)
    @length_detection = length_detection
    @log = StringIO.new
    @logger = Logger.new(@log)
  end

  def call(env)
    request = TokenCodec::AuthFinders::Request.from_rack_env(env)
    located = TokenCodec::AuthFinders.locate_personal_access_token(request)
    return respond(401, error: "no token") unless located

    token = located.token
    lookups = []
    user = authenticate(located, lookups)
    @logger.info("auth token=#{Redaction.redact(token)} source=#{located.source} lookups=#{lookups.join(',')} " \
                 "ok=#{!user.nil?}")
    return respond(401, error: "invalid token", lookups: lookups) unless user

    decision = TokenCodec::AuthFinders.route(token)
    respond(200, username: user.username, source: located.source, lookups: lookups,
                 route: { target: decision.target, cell: decision.cell_number, key: decision.key,
                          value: decision.value })
  end

  private

  # A token from private_token / PRIVATE-TOKEN is only a PAT; an OAuth-style
  # one (access_token, Bearer, bearer_token) is looked up as classify_bearer says.
  def authenticate(located, lookups)
    token = located.token
    kind =
      if located.oauth_style?
        TokenCodec::AuthFinders.classify_bearer(token, length_detection: @length_detection)
      else
        :personal_access_token
      end
    case kind
    when :personal_access_token then find_pat(token, lookups)
    when :oauth_token then find_oauth(token, lookups)
    else find_oauth(token, lookups) || find_pat(token, lookups)
    end
  end

  # A routable-looking token whose checksum fails is rejected before any query.
  def find_pat(token, lookups)
    found = TokenCodec.identification(token)
    return nil if found&.routable? && !found.checksum_valid?

    lookups << "personal_access_token"
    pat = PersonalAccessToken.find_by_token(token)
    return nil unless pat

    routed = TokenCodec.decode(token)
    return nil if routed && routed[:u] != pat.user_id.to_s(36)

    pat.user
  end

  def find_oauth(token, lookups)
    lookups << "oauth"
    OauthAccessToken.find_by_token(token)&.user
  end

  def respond(status, body)
    [status, { "Content-Type" => "application/json" }, [JSON.generate(body)]]
  end
end
