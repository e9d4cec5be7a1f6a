# frozen_string_literal: true

module TokenCodec
  VERSION = "0.1.0"
end
