# frozen_string_literal: true

# Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from
# the known-answer vectors (testdata/vectors.json), at run time, so that no
# corpus files are committed. libFuzzer adds what it finds next to them.
#
#   ruby fuzz/seed_corpus.rb [corpus_dir]

require "digest"
require "fileutils"
require "json"

module SeedCorpus
  ROOT = File.expand_path("..", __dir__)
  INSTANCE = "acme"
  CUSTOM_PAT = "mypat_"

  module_function

  # Every token string the vectors hold: valid, rejected and legacy.
  def tokens
    vectors = JSON.parse(File.read(File.join(ROOT, "testdata/vectors.json")))
    %w[encode decode reject legacy].flat_map { |group| vectors.fetch(group).map { |v| v.fetch("token") } }.uniq
  end

  # Raw inputs for decode, verify and decode_lax.
  def token_inputs
    tokens + ["glpat-", ".01.", "." * 4096, "glpat-ts8y8Mk2gxi-xvXVsxfN\0"]
  end

  # identify: one byte of prefix lengths (low nibble: instance, high: custom
  # PAT), then those prefixes, then the token.
  def identify_inputs
    plain = tokens.map { |t| "\x00".b + t.b }
    configured = tokens.map do |t|
      [INSTANCE.bytesize | (CUSTOM_PAT.bytesize << 4)].pack("C") + INSTANCE + CUSTOM_PAT + "#{INSTANCE}-#{t}"
    end
    plain + configured
  end

  # auth_finders: NUL-separated records H<name>:<value> / P<name>:<value>.
  def auth_finder_inputs
    basic = ["gitlab-ci-token:glcbt-64_abcdefghijklmnopqrst"].pack("m0")
    tokens.flat_map do |t|
      [
        "HAuthorization:Bearer #{t}",
        "HPRIVATE-TOKEN:#{t}",
        "Pprivate_token:#{t}\0Paccess_token:#{t}",
        "HJOB-TOKEN:#{t}\0Pjob_token:#{t}\0Ptoken:#{t}",
        "HDeploy-Token:#{t}\0HX-Gitlab-Static-Object-Token:#{t}\0Pfeed_token:#{t}",
      ]
    end + ["HAuthorization:Basic #{basic}", "HAuthorization:bearer glcbt-#{"a" * 20}", "Prss_token: "]
  end

  # scan and redact: one byte of options and chunk size, then log-like text
  # with the tokens in it (alone, in a line, glued to words, instance-prefixed).
  def scan_inputs
    lines = tokens.map { |t| "2026-01-01 INFO auth token=#{t} user=1\n" }
    texts = tokens.flat_map { |t| [t, "x#{t}", "#{t}x", "acme-#{t} #{t}\t#{t}", "\0#{t}\xff".b] }
    [lines.join, lines.first(4).join] + texts + ["#{"a" * 64} #{"0123456789abcdef" * 4}"]
  end

  def flagged(inputs)
    inputs.each_with_index.map { |text, i| [i * 37 % 256].pack("C") + text.b }
  end

  def inputs_by_target
    {
      "decode" => token_inputs,
      "verify" => token_inputs,
      "decode_lax" => token_inputs,
      "identify" => identify_inputs,
      "auth_finders" => auth_finder_inputs,
      "scan" => flagged(scan_inputs),
      "redact" => flagged(scan_inputs),
    }
  end

  # Writes each input as a file named by its digest (as libFuzzer names them).
  def write(corpus_dir = File.join(ROOT, "fuzz/corpus"), targets = inputs_by_target.keys)
    targets.each do |target|
      dir = File.join(corpus_dir, target)
      FileUtils.mkdir_p(dir)
      inputs_by_target.fetch(target).each do |input|
        File.binwrite(File.join(dir, Digest::SHA1.hexdigest(input)), input)
      end
    end
  end
end

SeedCorpus.write(*ARGV.first(1)) if $PROGRAM_NAME == __FILE__
