# frozen_string_literal: true

module TokenCodec
  # An instance's prefix settings, validated by the core: the instance-wide
  # prefix (alphanumeric, at most 20; blank or "gl" means none) and the custom
  # PAT prefix (at most 20 of [a-zA-Z0-9_+=/@:.-]). Immutable; a bad value
  # raises TokenCodec::ConfigurationError.
  #
  #   config = TokenCodec::PrefixConfig.new(instance_prefix: "acme")
  #   config.prefix_for(:personal_access_token)  # => "acme-glpat-"
  #   config.prefixes_of(:runner_authentication_token)
  class PrefixConfig
    class << self
      def new(instance_prefix: nil, custom_pat_prefix: nil)
        from_prefixes(instance_prefix, custom_pat_prefix)
      end

      private :from_prefixes
    end

    # A copy with some settings changed.
    def with(instance_prefix: self.instance_prefix, custom_pat_prefix: self.custom_pat_prefix)
      self.class.new(instance_prefix: instance_prefix, custom_pat_prefix: custom_pat_prefix)
    end

    def ==(other)
      other.is_a?(PrefixConfig) && other.instance_prefix == instance_prefix &&
        other.custom_pat_prefix == custom_pat_prefix
    end
    alias eql? ==

    def hash
      [self.class, instance_prefix, custom_pat_prefix].hash
    end

    def inspect
      "#<#{self.class.name} instance_prefix=#{instance_prefix.inspect} " \
        "custom_pat_prefix=#{custom_pat_prefix.inspect}>"
    end

    DEFAULT = new
  end
end
