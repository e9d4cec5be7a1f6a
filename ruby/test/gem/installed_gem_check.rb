# frozen_string_literal: true

# Run by `rake test:ruby:gem_install` with GEM_HOME set to an empty directory
# into which the platform gem was installed offline: the gem must load from
# there (not from the repository) and work. Argument: testdata/vectors.json.

require "json"

def check(description)
  raise "installed gem check failed: #{description}" unless yield

  puts "ok - #{description}"
end

gem_home = File.realpath(ENV.fetch("GEM_HOME"))
spec = Gem::Specification.find_by_name("token_codec")
check("the gem is installed in GEM_HOME") { File.realpath(spec.gem_dir).start_with?(gem_home) }
check("it is a platform gem") { spec.platform.to_s == Gem::Platform.local.to_s }

require "token_codec"
extension = $LOADED_FEATURES.find { |path| path.include?("token_codec_ext") }
check("the extension loads from the installed gem") { extension && File.realpath(extension).start_with?(gem_home) }

vectors = JSON.parse(File.read(ARGV.fetch(0)))
vectors.fetch("encode").each do |vector|
  token = TokenCodec.encode(vector["routing"].transform_keys(&:to_sym), prefix: vector["prefix"],
                                                                        random_bytes: [vector["random_hex"]].pack("H*"),
                                                                        format: vector["format"].to_sym,
                                                                        cell_id: vector["cell_id"])
  check("encode: #{vector['note']}") { token == vector["token"] }
end
vectors.fetch("decode").each do |vector|
  check("decode: #{vector['note']}") { TokenCodec.decode(vector["token"])&.routing == vector["routing"] }
end
generator = TokenCodec::RoutableToken.new(nil, routing_payload: { o: ->(_) { 1 }, u: ->(_) { 2 } }, prefix: "glpat-")
check("generate_token and identify") { TokenCodec.identify(generator.generate_token) == :personal_access_token }
leaked = vectors.fetch("decode").find { |vector| vector["prefix"] == "glpat-" }.fetch("token")
check("scan and redact") do
  TokenCodec.scan("x #{leaked} y").map { |f| [f.offset, f.checksum] } == [[2, :valid]] &&
    TokenCodec.redact("x #{leaked} y") == "x glpat-[REDACTED] y"
end
