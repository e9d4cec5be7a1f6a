# frozen_string_literal: true

require "rbconfig"
require_relative "lib/token_codec/version"

# A platform gem: it ships the extension `rake compile` built with cargo
# (lib/token_codec/token_codec_ext.so), for this platform and Ruby minor version.
Gem::Specification.new do |spec|
  spec.name = "token_codec"
  spec.version = TokenCodec::VERSION
  spec.summary = "GitLab API tokens (routable v1/v0, legacy, identification, AuthFinders) backed by a Rust codec"
  spec.description = "Generate, decode and identify GitLab's API tokens and make the AuthFinders " \
                     "decisions with the token-core Rust codec shared by the monolith and Rust services."
  spec.authors = ["token_codec developers"]
  spec.license = "MIT"
  spec.homepage = "https://gitlab.com/gitlab-org/token_codec"
  spec.metadata = { "source_code_uri" => spec.homepage, "rubygems_mfa_required" => "true" }

  spec.platform = Gem::Platform.local
  ruby_minor = Gem::Version.new(RUBY_VERSION).segments.first(2)
  spec.required_ruby_version = [">= #{ruby_minor.join('.')}", "< #{ruby_minor[0]}.#{ruby_minor[1] + 1}"]

  extension = "lib/token_codec/token_codec_ext.#{RbConfig::CONFIG['DLEXT']}"
  spec.files = Dir.glob("lib/**/*.rb", base: __dir__).sort + [extension, "README.md"]
  spec.require_paths = ["lib"]
end
