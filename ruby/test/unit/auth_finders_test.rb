# frozen_string_literal: true

require "test_setup"

# TokenCodec::AuthFinders: locating tokens, classifying Bearer tokens in both
# length-detection modes, and routing decisions (docs/spec/auth-finders.md).
class AuthFindersTest < TokenCodecTest
  AF = TokenCodec::AuthFinders
  ROUTABLE_PAT = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
  LEGACY_PAT = "glpat-ts8y8Mk2gxi-xvXVsxfN"
  OAUTH = "0123456789abcdef" * 4

  def request(headers: {}, params: {}, path: "/api/v4/user")
    AF::Request.new(headers: headers, params: params, path: path)
  end

  def test_personal_access_token_sources_in_order
    all = request(headers: { "PRIVATE-TOKEN" => "header", "Authorization" => "Bearer bearer" },
                  params: { "private_token" => "param", "access_token" => "access" })
    assert_equal "param", AF.personal_access_token(all)
    assert_equal "header", AF.personal_access_token(request(headers: { "private-token" => "header" }))
    assert_equal "access", AF.personal_access_token(request(params: { access_token: "access" },
                                                            headers: { "Authorization" => "Bearer b" }))
    assert_equal "b", AF.personal_access_token(request(headers: { "Authorization" => "bEaReR b" }))
    assert_equal "bt", AF.personal_access_token(request(params: { "bearer_token" => "bt" }))
    assert_nil AF.personal_access_token(request)
  end

  def test_blank_sources_are_skipped
    req = request(params: { "private_token" => "  " }, headers: { "PRIVATE-TOKEN" => "", "Authorization" => "Bearer x" })
    assert_equal "x", AF.personal_access_token(req)
  end

  def test_non_string_values_are_ignored
    req = request(params: { "private_token" => ["a"], "access_token" => { "x" => "y" } },
                  headers: { "PRIVATE-TOKEN" => "header" })
    assert_equal "header", AF.personal_access_token(req)
  end

  def test_oauth_and_bearer_tokens
    req = request(headers: { "Authorization" => "Bearer abc" }, params: { "bearer_token" => "param" })
    assert_equal "abc", AF.bearer_token(req)
    assert_equal "abc", AF.oauth_token(req)
    assert_nil AF.bearer_token(request(headers: { "Authorization" => "Basic abc" }))
    assert_equal "param", AF.oauth_token(request(headers: { "Authorization" => "Basic abc" },
                                                 params: { "bearer_token" => "param" }))
  end

  def test_located_tokens_say_where_they_were_found
    cases = [
      [{ params: { "private_token" => "p" } }, "p", :private_token_param, false],
      [{ headers: { "private-token" => "h" } }, "h", :private_token_header, false],
      [{ params: { access_token: "a" }, headers: { "Authorization" => "Bearer b" } }, "a", :access_token_param, true],
      [{ headers: { "Authorization" => "bEaReR b" } }, "b", :authorization_bearer, true],
      [{ params: { "bearer_token" => "bt" } }, "bt", :bearer_token_param, true]
    ]
    cases.each do |parts, token, source, oauth_style|
      found = AF.locate_personal_access_token(request(**parts))
      assert_equal [token, source, oauth_style], [found.token, found.source, found.oauth_style?], source.inspect
      assert_equal AF.personal_access_token(request(**parts)), found.token
    end
    assert_nil AF.locate_personal_access_token(request)
    assert_nil AF.locate_personal_access_token(request(params: { "private_token" => " " }, headers: { "PRIVATE-TOKEN" => "" }))
  end

  def test_located_oauth_tokens_skip_private_token_sources
    req = request(params: { "private_token" => "p", "bearer_token" => "bt" }, headers: { "PRIVATE-TOKEN" => "h" })
    found = AF.locate_oauth_token(req)
    assert_equal ["bt", :bearer_token_param, true], found.to_a
    assert_nil AF.locate_oauth_token(request(params: { "private_token" => "p" }))
  end

  def test_a_located_token_is_not_shown_by_inspect
    found = AF.locate_personal_access_token(request(headers: { "PRIVATE-TOKEN" => ROUTABLE_PAT }))
    assert_equal ROUTABLE_PAT, found.token
    [found.inspect, found.to_s].each do |text|
      refute_includes text, ROUTABLE_PAT[6, 10]
      assert_includes text, "private_token_header"
    end
  end

  def test_job_token_sources_and_limit
    assert_equal "jt", AF.job_token(request(params: { "job_token" => "jt", "token" => "t" }))
    assert_equal "t", AF.job_token(request(params: { "token" => "t" }))
    assert_equal "h", AF.job_token(request(headers: { "JOB-TOKEN" => "h" }))
    basic = "Basic #{['gitlab-ci-token:secret-job'].pack('m0')}"
    assert_equal "secret-job", AF.job_token(request(headers: { "Authorization" => basic }))
    other_user = "Basic #{['someone:pw'].pack('m0')}"
    assert_nil AF.job_token(request(headers: { "Authorization" => other_user }))
    assert_equal "x" * 8192, AF.job_token(request(params: { "job_token" => "x" * 8192 }))
    error = assert_raises(AF::JobTokenTooLong) { AF.job_token(request(params: { "job_token" => "x" * 8193 })) }
    assert_equal :job_token_too_long, error.reason
    refute_includes error.message, "xxxx"
  end

  def test_deploy_runner_feed_and_static_object_tokens
    basic = "Basic #{['user:deploy-pw'].pack('m0')}"
    assert_equal "deploy-pw", AF.deploy_token(request(headers: { "Authorization" => basic, "Deploy-Token" => "dt" }))
    assert_equal "dt", AF.deploy_token(request(headers: { "Deploy-Token" => "dt" }))
    assert_equal "runner", AF.runner_token(request(params: { "token" => "runner" }))
    assert_nil AF.runner_token(request(params: { "token" => "runner" }), api_request: false)
    assert_equal "feed", AF.feed_token(request(params: { "feed_token" => "feed" }, path: "/dashboard/issues.atom"))
    assert_equal "rss", AF.feed_token(request(params: { "rss_token" => "rss" }, path: "/u.ics"))
    assert_nil AF.feed_token(request(params: { "feed_token" => "feed" }, path: "/dashboard/issues"))
    assert_equal "so", AF.static_object_token(request(headers: { "X-Gitlab-Static-Object-Token" => "so" }))
    assert_equal %w[user deploy-pw], AF.basic_credentials(request(headers: { "Authorization" => basic }))
    assert_nil AF.basic_credentials(request(headers: { "Authorization" => "Basic !!!" }))
  end

  def test_request_from_a_rack_env
    env = { "HTTP_PRIVATE_TOKEN" => "from-header", "HTTP_AUTHORIZATION" => "Bearer b", "QUERY_STRING" => "a=1",
            "PATH_INFO" => "/api/v4/projects", "rack.input" => nil, "HTTP_X_NUMBER" => 1 }
    req = AF::Request.from_rack_env(env)
    assert_equal "from-header", req.headers["PRIVATE-TOKEN"]
    assert_equal "Bearer b", req.headers["AUTHORIZATION"]
    refute req.headers.key?("X-NUMBER")
    assert_equal "/api/v4/projects", req.path
    assert_equal "from-header", AF.personal_access_token(req)
    assert_equal "b", AF.bearer_token(req)
    with_query = AF::Request.from_rack_env("QUERY_STRING" => "private_token=q%2Dt&x=1")
    assert_equal "q-t", AF.personal_access_token(with_query)
    rails = AF::Request.from_rack_env("action_dispatch.request.parameters" => { "private_token" => "rails" })
    assert_equal "rails", AF.personal_access_token(rails)
  end

  def test_request_inspect_hides_values
    req = request(headers: { "PRIVATE-TOKEN" => LEGACY_PAT }, params: { "private_token" => ROUTABLE_PAT })
    refute_includes req.inspect, LEGACY_PAT
    refute_includes req.inspect, ROUTABLE_PAT
    assert_raises(TypeError) { AF::Request.new(headers: nil) }
    assert_raises(TypeError) { AF::Request.new(params: "a=1") }
  end

  def test_classify_bearer_with_length_detection
    assert_equal :personal_access_token, AF.classify_bearer(LEGACY_PAT, length_detection: true)
    assert_equal :personal_access_token, AF.classify_bearer("a" * 20, length_detection: true)
    assert_equal :personal_access_token, AF.classify_bearer("a" * 40, length_detection: true)
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer("a" * 19, length_detection: true)
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer(OAUTH, length_detection: true)
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer(ROUTABLE_PAT, length_detection: true),
                 "the old rule misroutes routable PATs"
    assert_equal :oauth_token, AF.classify_bearer("glcbt-#{'a' * 20}", length_detection: true)
  end

  def test_classify_bearer_without_length_detection
    assert_equal :personal_access_token, AF.classify_bearer(ROUTABLE_PAT, length_detection: false)
    assert_equal :personal_access_token, AF.classify_bearer(LEGACY_PAT, length_detection: false)
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer("a" * 20, length_detection: false)
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer(OAUTH, length_detection: false)
    assert_equal :oauth_token, AF.classify_bearer("glcbt-#{'a' * 20}", length_detection: false)
  end

  def test_classify_bearer_uses_the_configured_pat_prefixes
    custom = "mypat_#{'a' * 60}"
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer(custom, length_detection: false)
    TokenCodec.custom_pat_prefix = "mypat_"
    assert_equal :personal_access_token, AF.classify_bearer(custom, length_detection: false)
    TokenCodec.instance_prefix = "acme"
    assert_equal :personal_access_token, AF.classify_bearer("acme-glpat-#{'a' * 60}", length_detection: false)
    assert_equal :oauth_token, AF.classify_bearer("acme-glcbt-#{'a' * 20}", length_detection: false)
    config = TokenCodec::PrefixConfig::DEFAULT
    assert_equal :oauth_then_personal_access_token, AF.classify_bearer(custom, length_detection: false, config: config)
  end

  def test_route_to_the_cell_named_in_the_token
    decision = AF.route("glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k")
    assert_predicate decision, :cell?
    assert_equal "1", decision.cell_id
    assert_equal 1, decision.cell_number
    TokenCodec.cell_id = 100
    decision = AF.route(TokenCodec.generate({ o: 1 }, prefix: "glpat-"))
    assert_equal ["2s", 100], [decision.cell_id, decision.cell_number]
  end

  def test_route_through_the_topology_service_by_the_most_specific_key
    random = { prefix: "glrt-", random_bytes: "z" * 16 }
    cases = { { o: 1, u: 2, g: 3, p: 4 } => [:p, "4"], { o: 1, u: 2, g: 3 } => [:g, "3"],
              { o: 1, u: 2 } => [:o, "1"] }
    cases.each do |routing, (key, value)|
      decision = AF.route(TokenCodec.encode(routing, **random))
      assert_predicate decision, :topology_service?
      assert_equal [key, value], [decision.key, decision.value]
    end
  end

  def test_route_unroutable_tokens_to_the_default_cell
    { LEGACY_PAT => :not_routable, ROUTABLE_PAT.sub("YWFh", "YWFi") => :checksum_mismatch, "" => :empty,
      OAUTH => :not_routable }.each do |token, reason|
      decision = AF.route(token)
      assert_predicate decision, :default_cell?
      assert_equal reason, decision.reason
      assert_nil decision.cell_id
    end
  end
end
