# frozen_string_literal: true

# GitLab's API tokens for the Rails monolith: routable (v1 and v0) and legacy
# tokens, identification, and the AuthFinders rules, backed by the Rust
# token-core codec. See ruby/README.md.
module TokenCodec
end

require_relative "token_codec/version"
require_relative "token_codec/errors"
require_relative "token_codec/token_codec_ext"
require_relative "token_codec/token"
require_relative "token_codec/prefix_config"
require_relative "token_codec/configuration"
require_relative "token_codec/codec"
require_relative "token_codec/identification"
require_relative "token_codec/routable_token"
require_relative "token_codec/auth_finders"
require_relative "token_codec/scan"
