# frozen_string_literal: true

require "etc"
require "json"
require "time"

# Writes target/bench/report.md from one `rake bench` run: the targets of the
# issue with what was measured, the margin and a baseline measured in the same
# run, then each part in full (token-core criterion, the gem against pure
# Ruby, the C ABI from Python, the scanner against ripgrep).
module BenchReport
  OUT = File.join(ROOT, "target/bench/report.md")

  # One target: `direction` :max (measured must not exceed `bound`) or :min.
  Target = Struct.new(:name, :measured, :bound, :direction, :unit, :baseline, :why_if_missed) do
    def met? = direction == :max ? measured <= bound : measured >= bound

    def required = "#{direction == :max ? '<=' : '>='} #{BenchReport.number(bound)} #{unit}"

    def margin
      gap = BenchReport.number((measured - bound).abs)
      if direction == :max
        met? ? format("%.0f%% under", (1 - (measured / bound)) * 100) : format("%s %s (%.0f%%) over", gap, unit, ((measured / bound) - 1) * 100)
      else
        met? ? format("%.0f%% above", ((measured / bound) - 1) * 100) : format("%s %s short (%.0f%% of the target)", gap, unit, measured / bound * 100)
      end
    end
  end

  module_function

  def number(value)
    return value.to_s if value.is_a?(Integer)
    return format("%.0f", value) if value >= 100

    value >= 10 ? format("%.1f", value) : format("%.2f", value)
  end

  def machine
    cpu = File.foreach("/proc/cpuinfo").find { |l| l.start_with?("model name") }&.split(":", 2)&.last&.strip
    memory = File.foreach("/proc/meminfo").find { |l| l.start_with?("MemTotal") }&.split&.[](1).to_i / 1024 / 1024
    commit = `git -C #{ROOT} rev-parse --short HEAD 2>/dev/null`.strip
    dirty = `git -C #{ROOT} status --porcelain --untracked-files=no 2>/dev/null`.strip.empty? ? "" : " (with uncommitted changes)"
    [
      "#{Time.now.utc.iso8601}, commit #{commit}#{dirty}",
      "#{Etc.nprocessors} cores (#{cpu || 'unknown CPU'}), #{memory} GiB RAM, Linux #{`uname -r`.strip}",
      "#{`rustc --version`.strip}; #{RUBY_DESCRIPTION.split(' [').first}; Python #{`python3 -c 'import sys; print(sys.version.split()[0])'`.strip}",
    ]
  end

  # The gem's rows from target/bench/ruby.md: operation => ratio of medians.
  def ruby_ratios(markdown)
    header = markdown.lines.find { |l| l.start_with?("| operation") }
    return {} unless header

    columns = header.split("|").map(&:strip)
    ratio = columns.index("ratio (medians)")
    markdown.lines.grep(/^\| \w/).drop(1).to_h do |line|
      cells = line.split("|").map(&:strip)
      [cells[1], cells[ratio].to_f]
    end
  end

  def targets(core, ruby, scanners)
    median = ->(id) { core.fetch(id).median_ns }
    list = [
      Target.new("generate, userspace CSPRNG (token-rng, fork-aware)", median["generate/fork_aware_thread_local"], 150,
                 :max, "ns", "OS per token #{number(median['generate/os_random_per_token'])} ns",
                 "a ChaCha12 block and the encoding; see docs/benchmarks.md"),
      Target.new("generate, OS CSPRNG per token (getrandom)", median["generate/os_random_per_token"], 600, :max, "ns",
                 "userspace #{number(median['generate/userspace_chacha12'])} ns",
                 "one getrandom(2) system call per token dominates"),
      Target.new("decode (v1)", median["decode/v1"], 100, :max, "ns",
                 "GitLab-compatible lax decode #{number(median['decode/lax_v1'])} ns", "see docs/benchmarks.md"),
      Target.new("verify (v1)", median["verify/v1"], 40, :max, "ns",
                 "decode #{number(median['decode/v1'])} ns", "CRC-32 over the token"),
      Target.new("identify (routable v1)", median["identify/routable_v1"], 30, :max, "ns",
                 "legacy token #{number(median['identify/legacy'])} ns; verify alone #{number(median['verify/v1'])} ns",
                 "identify reports the checksum state, so it runs verify (CRC-32 of the token) " \
                 "before the prefix table and the base64url alphabet check"),
      Target.new("scanner in memory (sparse corpus)", core.fetch("scan/sparse_in_memory").gb_per_s, 10, :min, "GB/s",
                 "dense corpus #{number(core.fetch('scan/dense_2000_per_mib').gb_per_s)} GB/s", "see docs/benchmarks.md"),
    ]
    if ruby["generate_token"]
      list << Target.new("gem generate_token vs pure Ruby", ruby["generate_token"], 20, :min, "x",
                         "pure Ruby in the same run (target/bench/ruby.md)",
                         "per-token Ruby work that both sides do (the routing lambdas, method calls, the " \
                         "result String) caps the ratio; see the breakdown in the gem's section below")
    end
    if ruby["decode"]
      list << Target.new("gem decode vs pure Ruby", ruby["decode"], 10, :min, "x",
                         "pure Ruby in the same run", "see ruby.md below")
    end
    if scanners
      rg = scanners.dig("ripgrep", "gb_per_s")
      list << Target.new("CLI scan from a file", scanners.dig("cli", "gb_per_s"), 2, :min, "GB/s",
                         "ripgrep + gitleaks rules #{number(rg)} GB/s", "see docs/benchmarks.md")
      list << Target.new("CLI scan vs ripgrep + gitleaks rules", scanners.dig("cli", "gb_per_s") / rg, 1, :min, "x",
                         "same file, same run", "see docs/benchmarks.md")
    end
    list
  end

  def target_table(list)
    rows = list.map do |t|
      "| #{t.name} | #{t.required} | #{number(t.measured)} #{t.unit} | #{t.margin} | #{t.baseline} | " \
        "#{t.met? ? 'met' : "MISSED: #{t.why_if_missed}"} |"
    end
    ["| target | required | measured (median) | margin | baseline, same run | result |",
     "| --- | --- | ---: | --- | --- | --- |", *rows].join("\n")
  end

  def core_table(core)
    rows = core.each_value.map do |r|
      rate = r.gb_per_s ? "#{number(r.gb_per_s)} GB/s" : "#{number(r.per_second / 1e6)} M/s"
      "| #{r.id} | #{number(r.median_ns)} ns | #{rate} |"
    end
    ["| benchmark | median | rate |", "| --- | ---: | ---: |", *rows].join("\n")
  end

  def ffi_table(ffi)
    rows = ffi["results"].map do |r|
      "| #{r['operation']} | #{number(r['ffi_ns'])} ns | #{number(r['python_ns'])} ns | #{number(r['ratio'])}x |"
    end
    ["Python #{ffi['python']} through ctypes, #{ffi['library']}; medians of #{ffi['rounds']} rounds of " \
     "#{ffi['calls']} calls. Pure Python = GitLab's algorithm (base64, zlib.crc32, int(x, 36), os.urandom) " \
     "in scripts/bench/ffi_ctypes_bench.py.", "",
     "| operation | C ABI via ctypes | pure Python | pure Python / C ABI |", "| --- | ---: | ---: | ---: |",
     *rows].join("\n")
  end

  def scanner_table(s)
    c = s["corpus"]
    row = lambda do |name, r|
      a = r["accuracy"]
      "| #{name} | #{number(r['seconds'] * 1000)} ms | #{number(r['gb_per_s'])} | " \
        "#{a['found_whole']}/#{a['secrets']} (#{format('%.1f', a['recall'] * 100)}%) | " \
        "#{a['v1_found_whole']}/#{a['v1']} | #{a['cut_short']} | #{a['look_alikes_as_secrets']}/#{a['look_alikes']} | " \
        "#{a['elsewhere']} |"
    end
    ["Corpus: #{c['path']}, #{c['bytes']} bytes (token-codec corpus --seed 1), #{c['planted']} planted tokens: " \
     "#{c['valid']} valid routable, #{c['look_alikes']} checksum-invalid look-alikes, #{c['legacy']} legacy. " \
     "Times: median of #{s['runs']} runs after a warm-up run (file in the page cache). #{s.dig('ripgrep', 'version')}, " \
     "#{s.dig('ripgrep', 'rules')} gitleaks GitLab rules in one run (timing) and one rule at a time (accuracy).", "",
     "| scanner | time | GB/s | secrets reported whole (recall) | v1 reported whole | secrets cut short | " \
     "look-alikes reported as secrets | matches on no planted token |",
     "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
     row.call("token-codec scan (file)", s["cli"]), row.call("ripgrep + gitleaks rules", s["ripgrep"])].join("\n")
  end

  def write(core:, ruby_markdown:, ffi:, scanners:)
    ruby = ruby_markdown ? ruby_ratios(ruby_markdown) : {}
    list = targets(core, ruby, scanners)
    sections = [
      "# token_codec benchmark report", "", *machine.map { |l| "- #{l}" }, "",
      "## Targets", "", target_table(list), "",
      "## token-core (criterion)", "",
      "`cargo bench -p token-benches` (#{CriterionResults.criterion_args.join(' ')}); medians.", "",
      core_table(core), "",
      "## Ruby gem vs pure Ruby (rake bench:ruby)", "",
      ruby_markdown ? ruby_markdown.sub(/\A# .*\n+/, "") : "(target/bench/ruby.md missing)", "",
      "## C ABI from a second runtime (Python ctypes)", "", ffi ? ffi_table(ffi) : "(not measured)", "",
      "## Leak scanning: token-codec vs ripgrep with the gitleaks GitLab rules", "",
      scanners ? scanner_table(scanners) : "(not measured)", ""
    ]
    File.write(OUT, sections.join("\n"))
    puts File.read(OUT)
    missed = list.reject(&:met?)
    puts "bench: #{list.size - missed.size}/#{list.size} targets met#{missed.empty? ? '' : "; missed: #{missed.map(&:name).join(', ')}"}"
    puts "bench: report written to #{OUT.delete_prefix("#{ROOT}/")}"
  end
end
