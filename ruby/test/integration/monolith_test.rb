# frozen_string_literal: true

require "minitest/autorun"
require "rack/test"
require_relative "monolith_app"

# The monolith flow end to end with ActiveRecord/SQLite and Rack: tokens are
# made by the gem, stored as digests, and authenticate API requests in
# both AuthFinders length-detection modes.
class MonolithTest < Minitest::Test
  MODES = [true, false].freeze

  def setup
    TokenCodec.reset_configuration!
    @alice = User.create!(username: "alice", organization_id: 42)
    @bob = User.create!(username: "bob", organization_id: 7)
    @length_detection = false
  end

  def teardown
    [PersonalAccessToken, OauthAccessToken, User].each(&:delete_all)
    TokenCodec.reset_configuration!
  end

  def app
    @app ||= MonolithApi.new(length_detection: @length_detection)
  end

  def in_each_mode
    MODES.each do |mode|
      @length_detection = mode
      @app = nil
      yield mode
    end
  end

  # One request through a fresh rack-test session of the current app.
  def get_user(headers: {}, params: {})
    session = Rack::Test::Session.new(app)
    headers.each { |name, value| session.header(name, value) }
    session.get("/api/v4/user", params)
    [session.last_response.status, JSON.parse(session.last_response.body)]
  end

  def pat_for(user, **attributes)
    PersonalAccessToken.create!(user: user, name: "ci", **attributes)
  end

  def test_a_pat_is_routable_and_stored_only_as_a_digest
    pat = pat_for(@alice)
    token = pat.token
    decoded = TokenCodec.decode!(token)
    assert_equal "glpat-", decoded.prefix
    assert_equal :v1, decoded.format
    assert_equal({ "o" => 42.to_s(36), "u" => @alice.id.to_s(36) }, decoded.routing)
    assert_equal :personal_access_token, TokenCodec.identify(token)

    stored = PersonalAccessToken.connection.select_rows("SELECT * FROM personal_access_tokens").flatten.map(&:to_s)
    refute(stored.any? { |column| column.include?(token) || column.include?(token[6, 20]) })
    assert_equal Digest::SHA256.hexdigest(token), PersonalAccessToken.find(pat.id).token_digest
    assert_nil PersonalAccessToken.find(pat.id).token
    assert_equal pat, PersonalAccessToken.find_by_token(token)
  end

  def test_private_token_header_and_param_authenticate_routable_and_legacy_pats
    routable = pat_for(@alice).token
    legacy = pat_for(@bob, legacy: true).token
    assert_match(/\Aglpat-[A-Za-z0-9_-]{20}\z/, legacy)
    in_each_mode do |mode|
      assert_equal [200, "alice", "private_token_header"],
                   get_user(headers: { "PRIVATE-TOKEN" => routable }).then { |s, b| [s, b["username"], b["source"]] }
      assert_equal [200, "bob"], get_user(headers: { "PRIVATE-TOKEN" => legacy }).then { |s, b| [s, b["username"]] }
      status, body = get_user(params: { private_token: routable })
      assert_equal [200, ["personal_access_token"]], [status, body["lookups"]], "mode #{mode}"
    end
  end

  def test_bearer_routable_pat_in_both_modes
    token = pat_for(@alice).token
    in_each_mode do |mode|
      status, body = get_user(headers: { "Authorization" => "Bearer #{token}" })
      assert_equal 200, status
      assert_equal "alice", body["username"]
      expected = mode ? %w[oauth personal_access_token] : %w[personal_access_token]
      assert_equal expected, body["lookups"], "length detection #{mode}: a routable PAT is longer than 40"
    end
  end

  def test_bearer_legacy_pat_in_both_modes
    token = pat_for(@bob, legacy: true).token
    in_each_mode do |mode|
      status, body = get_user(headers: { "Authorization" => "bearer #{token}" })
      assert_equal [200, "bob", %w[personal_access_token]], [status, body["username"], body["lookups"]], "mode #{mode}"
    end
  end

  def test_bearer_oauth_token_in_both_modes
    oauth = OauthAccessToken.create!(user: @bob).token
    assert_match(/\A\h{64}\z/, oauth)
    in_each_mode do |mode|
      status, body = get_user(headers: { "Authorization" => "Bearer #{oauth}" })
      assert_equal [200, "bob", %w[oauth]], [status, body["username"], body["lookups"]], "mode #{mode}"
      assert_equal "authorization_bearer", body["source"]
      status, body = get_user(params: { access_token: oauth })
      assert_equal [200, "access_token_param", %w[oauth]], [status, body["source"], body["lookups"]], "mode #{mode}"
    end
  end

  # The source decides, not the value: an OAuth token sent as PRIVATE-TOKEN is
  # looked up only as a PAT, even when the same value is also the Bearer token.
  def test_an_oauth_token_in_private_token_is_only_looked_up_as_a_pat
    oauth = OauthAccessToken.create!(user: @bob).token
    in_each_mode do |mode|
      status, body = get_user(headers: { "PRIVATE-TOKEN" => oauth, "Authorization" => "Bearer #{oauth}" })
      assert_equal [401, %w[personal_access_token]], [status, body["lookups"]], "mode #{mode}"
      status, body = get_user(params: { private_token: oauth })
      assert_equal [401, %w[personal_access_token]], [status, body["lookups"]], "mode #{mode}"
    end
  end

  def test_a_ci_job_token_is_never_looked_up_as_a_pat
    in_each_mode do |mode|
      status, body = get_user(headers: { "Authorization" => "Bearer glcbt-64_#{'a' * 20}" })
      assert_equal [401, %w[oauth]], [status, body["lookups"]], "mode #{mode}"
    end
  end

  def test_tampered_routable_tokens_are_rejected_before_any_lookup
    token = pat_for(@alice).token
    index = token.index(".01.") - 3
    tampered = token.dup
    tampered[index] = tampered[index] == "A" ? "B" : "A"
    in_each_mode do |mode|
      status, body = get_user(headers: { "PRIVATE-TOKEN" => tampered })
      assert_equal [401, []], [status, body["lookups"]], "mode #{mode}"
      status, = get_user(headers: { "Authorization" => "Bearer #{tampered}" })
      assert_equal 401, status
    end
  end

  def test_a_token_with_a_valid_checksum_but_no_digest_is_rejected
    forged = TokenCodec.generate({ o: 42, u: @alice.id }, prefix: "glpat-")
    in_each_mode do
      status, body = get_user(headers: { "PRIVATE-TOKEN" => forged })
      assert_equal [401, %w[personal_access_token]], [status, body["lookups"]]
    end
  end

  def test_tampered_legacy_tokens_and_revoked_tokens_are_rejected
    legacy = pat_for(@bob, legacy: true).token
    revoked = pat_for(@alice).tap { |pat| pat.update!(revoked: true) }.token
    in_each_mode do
      assert_equal 401, get_user(headers: { "PRIVATE-TOKEN" => legacy.succ }).first
      assert_equal 401, get_user(headers: { "PRIVATE-TOKEN" => revoked }).first
      assert_equal 401, get_user.first
    end
  end

  def test_the_routing_decision_of_an_authenticated_request
    token = pat_for(@alice).token
    _, body = get_user(headers: { "PRIVATE-TOKEN" => token })
    assert_equal({ "target" => "topology_service", "cell" => nil, "key" => "o", "value" => 42.to_s(36) }, body["route"])
    TokenCodec.cell_id = 5
    token = pat_for(@alice).token
    _, body = get_user(headers: { "PRIVATE-TOKEN" => token })
    assert_equal "cell", body["route"]["target"]
    assert_equal 5, body["route"]["cell"]
    legacy = pat_for(@bob, legacy: true).token
    _, body = get_user(headers: { "PRIVATE-TOKEN" => legacy })
    assert_equal "default_cell", body["route"]["target"]
  end

  def test_instance_prefix_and_custom_pat_prefix
    TokenCodec.instance_prefix = "acme"
    token = pat_for(@alice).token
    assert token.start_with?("acme-glpat-")
    in_each_mode do |mode|
      status, body = get_user(headers: { "Authorization" => "Bearer #{token}" })
      assert_equal [200, "alice"], [status, body["username"]]
      assert_equal %w[personal_access_token], body["lookups"] unless mode
    end
    TokenCodec.configure(instance_prefix: nil, custom_pat_prefix: "corp_")
    custom = pat_for(@bob).token
    assert custom.start_with?("corp_")
    @length_detection = false
    @app = nil
    status, body = get_user(headers: { "Authorization" => "Bearer #{custom}" })
    assert_equal [200, %w[personal_access_token]], [status, body["lookups"]]
  end

  def test_logs_show_only_redacted_tokens
    routable = pat_for(@alice).token
    legacy = pat_for(@bob, legacy: true).token
    get_user(headers: { "PRIVATE-TOKEN" => routable })
    get_user(headers: { "PRIVATE-TOKEN" => legacy })
    log = app.log.string
    assert_includes log, "token=glpat-[REDACTED]"
    refute_includes log, routable[6..]
    refute_includes log, legacy[6..]
  end
end
