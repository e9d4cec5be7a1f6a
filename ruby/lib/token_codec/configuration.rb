# frozen_string_literal: true

module TokenCodec
  # The largest routing integer the core takes (u64).
  MAX_INTEGER = (2**64) - 1

  @cell_id = nil
  @prefix_config = PrefixConfig::DEFAULT
  @configuration_lock = Mutex.new

  class << self
    # The default cell id added as routing key c (nil: none). The caller's c wins.
    attr_reader :cell_id

    # The instance's prefixes (a TokenCodec::PrefixConfig), used by identify,
    # the generators and the AuthFinders functions unless a call passes config:.
    attr_reader :prefix_config

    def cell_id=(value)
      @cell_id = checked_cell_id(value)
    end

    def prefix_config=(config)
      raise TypeError, "prefix_config must be a TokenCodec::PrefixConfig, not #{config.class}" unless config.is_a?(PrefixConfig)

      @configuration_lock.synchronize { @prefix_config = config }
    end

    # The instance-wide prefix ("acme" makes "acme-glpat-"), or nil.
    def instance_prefix
      prefix_config.instance_prefix
    end

    def instance_prefix=(prefix)
      @configuration_lock.synchronize { @prefix_config = @prefix_config.with(instance_prefix: prefix) }
    end

    # The admin-configured PAT prefix, or nil.
    def custom_pat_prefix
      prefix_config.custom_pat_prefix
    end

    def custom_pat_prefix=(prefix)
      @configuration_lock.synchronize { @prefix_config = @prefix_config.with(custom_pat_prefix: prefix) }
    end

    # Sets several settings at once; each one left out keeps its value.
    #
    #   TokenCodec.configure(cell_id: 100, instance_prefix: "acme")
    def configure(**settings)
      unknown = settings.keys - %i[cell_id instance_prefix custom_pat_prefix]
      raise ArgumentError, "unknown settings: #{unknown.map(&:inspect).join(', ')}" unless unknown.empty?

      prefixes = settings.slice(:instance_prefix, :custom_pat_prefix)
      config = prefixes.empty? ? prefix_config : prefix_config.with(**prefixes)
      cell = settings.key?(:cell_id) ? checked_cell_id(settings[:cell_id]) : cell_id
      self.prefix_config = config
      @cell_id = cell
      self
    end

    # Back to no cell id and GitLab's default prefixes.
    def reset_configuration!
      @cell_id = nil
      self.prefix_config = PrefixConfig::DEFAULT
    end

    private

    def checked_cell_id(value)
      unless value.nil? || value.is_a?(Integer)
        raise TypeError, "cell_id must be an Integer or nil, not #{value.class}"
      end
      raise RangeError, "cell_id must be between 0 and #{MAX_INTEGER}" if value && !value.between?(0, MAX_INTEGER)

      value
    end
  end
end
