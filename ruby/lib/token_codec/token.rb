# frozen_string_literal: true

module TokenCodec
  # A routable token that passed strict decoding (made only by
  # TokenCodec.decode / decode!). Readers, defined by the extension:
  #
  #   prefix           "glpat-"
  #   format           :v1 or :v0
  #   routing          { "o" => "1", "u" => "1" } (values exactly as in the token)
  #   routing_payload  "o:1\nu:1"
  #   random_bytes     the 16 secret bytes (binary String)
  #
  # #inspect and #to_h never include the random bytes.
  class Token
    # The value of routing key +key+ (:o or "o") as written in the token, or nil.
    def [](key)
      routing[key.to_s]
    end

    # Everything but the secret: { prefix:, format:, routing: }.
    def to_h
      { prefix: prefix, format: format, routing: routing }
    end

    def inspect
      "#<#{self.class.name} prefix=#{prefix.inspect} format=#{format.inspect} " \
        "routing=#{routing.inspect} random_bytes=[REDACTED]>"
    end
    alias to_s inspect

    alias eql? ==

    def hash
      [self.class, prefix, format, routing_payload, random_bytes].hash
    end
  end
end
