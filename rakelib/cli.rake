# frozen_string_literal: true

# The token-codec CLI (crates/token-cli). Its tests run the binary and are part
# of `cargo test --workspace` (test:rust, test:lint). demo:cli writes a sample
# log with tokens generated at demo time, scans it, redacts it, and times a scan
# of a generated corpus.

require "open3"
require "tmpdir"

# Runs the release build of token-codec for the demo.
module CliDemo
  module_function

  def binary
    File.join(ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target")), "release", "token-codec")
  end

  # Runs token-codec; fails unless it exits with one of `statuses`.
  def codec(*args, stdin: "", statuses: [0])
    out, err, status = Open3.capture3(binary, *args, stdin_data: stdin)
    unless statuses.include?(status.exitstatus)
      raise "token-codec #{args.join(' ')} exited #{status.exitstatus}: #{err}"
    end

    [out, err, status.exitstatus]
  end

  def show(command, out, err = "")
    puts "$ #{command}"
    print out
    print err
    puts
  end

  # A look-alike: one payload character changed, so the checksum fails.
  def tampered(token)
    copy = token.dup
    copy[12] = copy[12] == "A" ? "B" : "A"
    copy
  end

  def sample_log(dir)
    pat = codec("generate", "personal_access_token", "-r", "o=42,u=7", "--cell-id", "100").first.strip
    runner = codec("generate", "runner_authentication_token", "-r", "o=42,g=9,t=2", "--cell-id", "100").first.strip
    v0 = codec("generate", "glpat-", "-r", "o=1,u=3", "--format", "v0").first.strip
    agent = codec("generate", "cluster_agent_token", "--instance-prefix", "acme", "-r", "o=42,p=12").first.strip
    deploy = codec("generate", "deploy_token", "--legacy").first.strip
    lines = [
      "2024-05-01T12:00:00Z INFO  [Auth] token=#{pat} user_id=7",
      "2024-05-01T12:00:01Z INFO  [Runner] registered #{runner}",
      "curl --header \"PRIVATE-TOKEN: #{v0}\" https://gitlab.example.com/api/v4/user",
      "export KUBE_AGENT_TOKEN=#{agent}",
      "deploy: {user: gitlab+deploy-token-1, token: \"#{deploy}\"}",
      "2024-05-01T12:00:02Z WARN  [Auth] rejected #{tampered(pat)}",
      "nothing else here: glob(), global, v1.01.2, 2024.01.15",
    ]
    path = File.join(dir, "app.log")
    File.write(path, lines.join("\n") + "\n")
    [path, [pat, runner, v0, agent, deploy]]
  end
end

namespace :demo do
  desc "token-codec: scan and redact a sample log, time a scan of a generated corpus"
  task :cli do
    sh "cargo build --quiet --locked --release -p token-cli"
    Dir.mktmpdir("token-codec-demo") do |dir|
      log, tokens = CliDemo.sample_log(dir)

      out, err, status = CliDemo.codec("scan", log, statuses: [1])
      CliDemo.show("token-codec scan app.log   # exit status #{status}: secrets found", out.gsub(dir + "/", ""), err)
      raise "scan printed a secret" if tokens.any? { |t| out.include?(t) || err.include?(t) }
      raise "scan missed a token" unless out.lines.count == 6

      out, err, = CliDemo.codec("redact", stdin: File.read(log))
      CliDemo.show("token-codec redact < app.log", out, err)
      raise "redaction left a token" if tokens.any? { |t| out.include?(t) }

      out, = CliDemo.codec("decode", stdin: tokens.first + "\n")
      CliDemo.show("echo $TOKEN | token-codec decode", out)
      out, = CliDemo.codec("route", "-", stdin: tokens.first + "\n")
      CliDemo.show("echo $TOKEN | token-codec route", out)

      corpus = File.join(dir, "corpus.txt")
      out, = CliDemo.codec("corpus", "--size", "512M", "--seed", "1", "-o", corpus)
      CliDemo.show("token-codec corpus --size 512M --seed 1 -o corpus.txt", out)
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      _, err, = CliDemo.codec("scan", "-q", corpus, statuses: [1])
      seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
      CliDemo.show("token-codec scan -q corpus.txt", "", err)
      puts format("scanned 512 MiB in %.2f s: %.2f GB/s (reading the file, single thread)\n\n",
                  seconds, File.size(corpus) / seconds / 1e9)
    end
  end
end

task demo: "demo:cli"
