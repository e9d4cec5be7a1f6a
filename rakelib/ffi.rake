# frozen_string_literal: true

# The C ABI (crates/token-ffi): its cbindgen header in include/, and its tests:
# C suites linked against the shared and the static library, again under
# AddressSanitizer + UndefinedBehaviorSanitizer and under valgrind, and a
# Python ctypes test of the shared library. See crates/token-ffi/README.md.

require "fileutils"
require "open3"
require "tmpdir"

# Paths, builds and runs of the C ABI layer.
module FfiLayer
  extend Rake::FileUtilsExt

  CRATE = File.join(ROOT, "crates/token-ffi")
  HEADER = File.join(ROOT, "include/token_codec.h")
  C_TESTS = File.join(CRATE, "tests/c")
  VECTORS = File.join(ROOT, "testdata/vectors.json")
  SUITES = %w[vectors errors identify threads fork random_failure scan redact].freeze
  # Link flags per suite: random_failure exports its own getrandom.
  LDFLAGS = { "random_failure" => %w[-rdynamic] }.freeze
  # Arguments per suite: fewer tokens under valgrind, which is ~50x slower.
  ARGS = { "threads" => %w[2000], "fork" => %w[500] }.freeze
  VALGRIND_ARGS = { "threads" => %w[200], "fork" => %w[100] }.freeze
  CFLAGS = %w[-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic -Werror -g -O1 -pthread].freeze
  SANITIZE = %w[-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer].freeze
  # What Rust's std needs from the system when linked statically.
  STATIC_LIBS = %w[-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc].freeze
  SANITIZER_ENV = {
    "ASAN_OPTIONS" => "detect_leaks=1:abort_on_error=0:halt_on_error=1",
    "UBSAN_OPTIONS" => "halt_on_error=1:print_stacktrace=1",
  }.freeze
  VALGRIND = %w[valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible
                --trace-children=yes].freeze

  module_function

  def target_dir
    ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target"))
  end

  def lib_dir
    File.join(target_dir, "debug")
  end

  def build_dir
    File.join(target_dir, "ffi-tests")
  end

  def build_library
    sh "cargo build --quiet --locked -p token-ffi"
  end

  # Writes the header cbindgen makes from the sources to +path+.
  def write_header(path)
    sh "cargo", "run", "--quiet", "--locked", "-p", "token-ffi-header", "--", path
  end

  # Regenerates the header into a temporary file and fails with a diff if the
  # committed one differs.
  def check_header_drift
    Dir.mktmpdir("token_codec_h") do |dir|
      fresh = File.join(dir, "token_codec.h")
      write_header(fresh)
      if File.binread(fresh) == File.binread(HEADER)
        puts "ffi: include/token_codec.h matches the sources"
      else
        system("diff", "-u", HEADER, fresh)
        raise "include/token_codec.h is out of date with crates/token-ffi: run `rake ffi:header` and commit it"
      end
    end
  end

  def write_vectors_header
    FileUtils.mkdir_p(build_dir)
    sh "python3", File.join(C_TESTS, "vectors_to_c.py"), VECTORS, File.join(build_dir, "vectors.h")
  end

  # Compiles one suite in one of three ways: "shared", "static" or "sanitize".
  def compile(suite, variant)
    compile_source(File.join(C_TESTS, "test_#{suite}.c"), variant, File.join(build_dir, "#{variant}_#{suite}"),
                   LDFLAGS.fetch(suite, []))
  end

  def compile_source(source, variant, output, ldflags = [])
    includes = ["-I#{File.join(ROOT, 'include')}", "-I#{C_TESTS}", "-I#{build_dir}"]
    static_lib = File.join(lib_dir, "libtoken_ffi.a")
    link = case variant
           when "shared" then ["-L#{lib_dir}", "-ltoken_ffi", "-Wl,-rpath,#{lib_dir}"]
           when "static" then [static_lib, *STATIC_LIBS]
           when "sanitize" then [*SANITIZE, static_lib, *STATIC_LIBS]
           end
    sh "gcc", *CFLAGS, *includes, source, *ldflags, *link, "-o", output, verbose: false
    output
  end

  # Runs a command, echoing its output, and returns [passed, failed, ok].
  def run_counted(label, command, env = {})
    output, status = Open3.capture2e(env, *command)
    puts output unless output.strip.empty?
    passed, failed = output.scan(/: (\d+) passed, (\d+) failed/).last&.map(&:to_i)
    ok = status.success? && !passed.nil? && failed.zero?
    result = Result.new(label, passed || 0, failed || 0, ok, describe(status, passed))
    puts format("ffi: %-34s %s", label, result.summary)
    result
  end

  def describe(status, passed)
    return "crashed (#{Signal.signame(status.termsig)})" if status.signaled?
    return "no summary printed (exit #{status.exitstatus})" if passed.nil?
    return "exit #{status.exitstatus}" unless status.success?

    "ok"
  end

  Result = Struct.new(:label, :passed, :failed, :ok, :status) do
    def summary
      "#{passed} passed, #{failed} failed, #{ok ? 'ok' : "FAILED: #{status}"}"
    end
  end

  # What each C example of the README (in order) must print.
  README_EXAMPLE_OUTPUTS = [
    ["route to cell 100"],
    ["personal_access_token at 14 (51 bytes): valid o=1 u=1", "auth ok token=glpat-[REDACTED] user=1",
     "3 tokens redacted"],
  ].freeze

  # Compiles and runs the C examples of the README, so that they stay true.
  def run_readme_examples
    examples = File.read(File.join(CRATE, "README.md")).scan(/```c\n(.*?)```/m).map(&:first)
    unless examples.size == README_EXAMPLE_OUTPUTS.size
      raise "crates/token-ffi/README.md has #{examples.size} C examples, rakelib/ffi.rake expects " \
            "#{README_EXAMPLE_OUTPUTS.size}"
    end

    examples.zip(README_EXAMPLE_OUTPUTS).each_with_index.map do |(example, expected), index|
      source = File.join(build_dir, "readme_example_#{index + 1}.c")
      File.write(source, example)
      binary = compile_source(source, "shared", File.join(build_dir, "readme_example_#{index + 1}"))
      output, status = Open3.capture2e(binary)
      ok = status.success? && expected.all? { |line| output.include?(line) }
      result = Result.new("README example #{index + 1}", ok ? 1 : 0, ok ? 0 : 1, ok, ok ? "ok" : output.strip)
      puts format("ffi: %-34s %s", result.label, result.summary)
      result
    end
  end

  def report(results)
    passed = results.sum(&:passed)
    failed = results.sum(&:failed)
    bad = results.reject(&:ok)
    puts "ffi: #{results.size} runs, #{passed} checks passed, #{failed} failed, #{bad.size} runs failed"
    return if bad.empty?

    raise "test:ffi FAILED: #{bad.map(&:label).join(', ')}"
  end
end

namespace :ffi do
  desc "Regenerate include/token_codec.h from crates/token-ffi with cbindgen"
  task :header do
    FfiLayer.write_header(FfiLayer::HEADER)
    puts "ffi:header: wrote #{FfiLayer::HEADER}"
  end
end

namespace :test do
  desc "C ABI: header drift, C suites (shared, static, ASan+UBSan, valgrind), Python ctypes"
  task :ffi do
    FfiLayer.build_library
    FfiLayer.check_header_drift
    FfiLayer.write_vectors_header
    results = []
    FfiLayer::SUITES.each do |suite|
      args = FfiLayer::ARGS.fetch(suite, [])
      small = FfiLayer::VALGRIND_ARGS.fetch(suite, [])
      shared = FfiLayer.compile(suite, "shared")
      static = FfiLayer.compile(suite, "static")
      sanitize = FfiLayer.compile(suite, "sanitize")
      results << FfiLayer.run_counted("#{suite} (shared)", [shared, *args])
      results << FfiLayer.run_counted("#{suite} (static)", [static, *args])
      results << FfiLayer.run_counted("#{suite} (asan+ubsan)", [sanitize, *args], FfiLayer::SANITIZER_ENV)
      results << FfiLayer.run_counted("#{suite} (valgrind, shared)", [*FfiLayer::VALGRIND, shared, *small])
      results << FfiLayer.run_counted("#{suite} (valgrind, static)", [*FfiLayer::VALGRIND, static, *small])
    end
    results << FfiLayer.run_counted(
      "python ctypes",
      ["python3", File.join(FfiLayer::CRATE, "tests/python/test_ctypes.py"),
       File.join(FfiLayer.lib_dir, "libtoken_ffi.so"), FfiLayer::HEADER, FfiLayer::VECTORS]
    )
    results.concat(FfiLayer.run_readme_examples)
    FfiLayer.report(results)
  end
end

task test: "test:ffi"
