# frozen_string_literal: true

require "zlib"
require "test_setup"

# Builders of hostile inputs for the hardening tests: tokens resealed with a
# fresh checksum after an edit, so that only the edit can be wrong.
module HardeningSupport
  PAT_V1 = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
  PAT_V0 = "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o"
  MAX_PREFIX_LEN = 64
  MAX_LENGTH_FIELD = (36 * 36) - 1
  MAX_DECODE_INPUT_LEN = MAX_PREFIX_LEN + MAX_LENGTH_FIELD + 13
  MEGABYTE = 1 << 20

  module_function

  # +body+ (binary) followed by its CRC-32 in 7 base36 digits.
  def seal(body)
    body = body.b
    body + Zlib.crc32(body).to_s(36).rjust(7, "0")
  end

  # +token+ without its checksum, changed by the block, then sealed again.
  def resealed(token)
    body = token.b[0...-7]
    yield body
    seal(body)
  end

  # +items+, or under GC.stress (every allocation a full GC) +keep+ of them
  # spread evenly: each case still reaches every entry point.
  def spread(items, keep = 3)
    items = items.to_a
    return items unless TestSupport.gc_stress?

    step = [(items.size.to_f / keep).ceil, 1].max
    items.each_slice(step).map(&:first)
  end

  def length_field(value)
    value.to_s(36).rjust(2, "0")
  end

  # Where the base64 payload of a valid routable token starts and ends.
  def payload_range(token)
    decoded = TokenCodec.decode!(token)
    tail = token.include?(".01.") ? 13 : 10
    decoded.prefix.bytesize...(token.bytesize - tail)
  end

  # The instance used for configured identification.
  def configured
    TokenCodec::PrefixConfig.new(instance_prefix: "acme", custom_pat_prefix: "mypat_")
  end

  # Resident set size of this process in KiB (Linux), or nil.
  def rss_kib
    File.foreach("/proc/self/status") { |line| return line.split[1].to_i if line.start_with?("VmRSS:") }
    nil
  rescue Errno::ENOENT
    nil
  end
end
