# frozen_string_literal: true

# The monolith flow through the token_codec gem: a personal access token is
# created for a user, stored as a digest, used to authenticate an API request
# (AuthFinders), decoded and routed to a cell. Tokens are printed redacted.
#
#   ruby -I ruby/lib ruby/examples/monolith_flow.rb      (after `rake compile`)

require "digest"
require "token_codec"

# What may be printed of a token: the prefix identify finds, then a marker.
def redacted(token)
  found = TokenCodec.identification(token)
  "#{found ? token[0, found.prefix_length] : ''}[REDACTED]"
end

def step(title)
  puts
  puts "== #{title}"
end

User = Struct.new(:id, :username, :organization_id)
PersonalAccessToken = Struct.new(:id, :user, :organization_id, :token_digest) do
  def user_id = user.id
end

# 1. Configuration of this instance (config/gitlab.yml in the monolith).
TokenCodec.cell_id = 100
step "instance: cell id #{TokenCodec.cell_id}, PAT prefix #{TokenCodec.prefix_for(:personal_access_token).inspect}"

# 2. A PAT is created: the token is shown once; only its digest is stored.
alice = User.new(17, "alice", 42)
pat = PersonalAccessToken.new(1, alice, alice.organization_id)
generator = TokenCodec::RoutableToken.new(
  pat,
  routing_payload: { o: ->(record) { record.organization_id }, u: ->(record) { record.user_id } },
  prefix: TokenCodec.prefix_for(:personal_access_token)
)
token = generator.generate_token
pat.token_digest = Digest::SHA256.hexdigest(token)
tokens_table = { pat.token_digest => pat }
step "created PAT #{redacted(token)} for #{alice.username}"
puts "  stored: token_digest = sha256:#{pat.token_digest[0, 16]}... (the token itself is not stored)"
puts "  identify: #{TokenCodec.identification(token).to_h}"

# 3. An API request authenticates with it (Authorization: Bearer), as the
#    AuthFinders decide in both length-detection modes.
env = { "REQUEST_METHOD" => "GET", "PATH_INFO" => "/api/v4/projects", "QUERY_STRING" => "",
        "HTTP_AUTHORIZATION" => "Bearer #{token}" }
request = TokenCodec::AuthFinders::Request.from_rack_env(env)
found = TokenCodec::AuthFinders.personal_access_token(request)
step "request GET /api/v4/projects with Authorization: Bearer #{redacted(found)}"
[true, false].each do |length_detection|
  kind = TokenCodec::AuthFinders.classify_bearer(found, length_detection: length_detection)
  puts "  length detection #{length_detection ? 'on ' : 'off'}: look it up as #{kind}"
end
user = tokens_table[Digest::SHA256.hexdigest(found)]&.user
puts "  digest lookup: authenticated as #{user&.username || 'nobody'}"

# 4. The Cells router decodes it without any lookup and picks a cell.
decoded = TokenCodec.decode!(found)
decision = TokenCodec::AuthFinders.route(found)
step "decode and route"
puts "  #{decoded.inspect}"
puts "  routing payload: #{decoded.routing} (o = #{Integer(decoded[:o], 36)}, u = #{Integer(decoded[:u], 36)})"
puts "  route: #{decision.target} #{decision.cell_number} (cell id #{decision.cell_id.inspect} in the token)"

# 5. What does not pass: a tampered token (cheap rejection, no lookup), a
#    legacy token (default cell), and where a token without c would go.
tampered = found.sub(/(?<=glpat-)./) { |c| c == "A" ? "B" : "A" }
begin
  TokenCodec.decode!(tampered)
rescue TokenCodec::DecodeError => e
  step "tampered #{redacted(tampered)}: rejected (#{e.reason}: #{e.message})"
end
legacy = TokenCodec.generate_legacy(:personal_access_token)
puts "  legacy #{redacted(legacy)}: #{TokenCodec.identification(legacy).kind}, " \
     "route #{TokenCodec::AuthFinders.route(legacy).target}"
runner = TokenCodec::RoutableToken.new(nil, routing_payload: { o: 42, g: 8, t: 2 }, prefix: "glrtr-")
TokenCodec.cell_id = nil
runner_token = runner.generate_token
runner_route = TokenCodec::AuthFinders.route(runner_token)
puts "  runner #{redacted(runner_token)} without a cell id: #{runner_route.target} by " \
     ":#{runner_route.key} = #{runner_route.value}"
