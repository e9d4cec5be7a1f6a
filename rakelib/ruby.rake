# frozen_string_literal: true

# The Ruby gem (ruby/): the extension crates/token-rb built with cargo (no
# rb_sys gem), its unit tests (also under GC.stress), the monolith
# integration test, the platform gem and its offline install, benchmarks
# against a pure-Ruby implementation, and the monolith demo.

require "fileutils"
require "rbconfig"
require "tmpdir"

# Paths and commands of the Ruby layer.
module RubyLayer
  DIR = File.join(ROOT, "ruby")
  LIB = File.join(DIR, "lib")
  TEST = File.join(DIR, "test")
  PKG = File.join(DIR, "pkg")
  EXT_NAME = "token_codec_ext"
  EXT = File.join(LIB, "token_codec", "#{EXT_NAME}.#{RbConfig::CONFIG['DLEXT']}")

  module_function

  # The cdylib cargo builds for crates/token-rb.
  def built_library
    target = ENV.fetch("CARGO_TARGET_DIR", File.join(ROOT, "target"))
    name = RbConfig::CONFIG["host_os"].include?("darwin") ? "lib#{EXT_NAME}.dylib" : "lib#{EXT_NAME}.so"
    File.join(target, "release", name)
  end

  # Copies the library next to the Ruby files under a temporary name, then
  # renames it, so a Ruby process that has the old file loaded keeps working.
  def install_extension
    staged = "#{EXT}.tmp#{Process.pid}"
    FileUtils.cp(built_library, staged)
    File.rename(staged, EXT)
  end

  def ruby_command
    RbConfig.ruby
  end

  # Runs the unit tests; +env+ adds e.g. TOKEN_CODEC_GC_STRESS.
  def unit_tests_command
    files = Dir.glob(File.join(TEST, "unit", "**", "*_test.rb")).sort
    [ruby_command, "-w", "-I", LIB, "-I", TEST, "-e", "ARGV.each { |f| require f }", *files]
  end

  def gem_file
    Dir.glob(File.join(PKG, "token_codec-*.gem")).max_by { |f| File.mtime(f) }
  end
end

desc "Build the Ruby extension with cargo into ruby/lib/token_codec"
task :compile do
  sh "cargo build --release --locked -p token-rb"
  RubyLayer.install_extension
  puts "compile: #{RubyLayer::EXT}"
end

desc "Build the platform gem (prebuilt extension) into ruby/pkg"
task gem: :compile do
  require "rubygems/package"
  FileUtils.mkdir_p(RubyLayer::PKG)
  FileUtils.rm_f(Dir.glob(File.join(RubyLayer::PKG, "token_codec-*.gem")))
  Dir.chdir(RubyLayer::DIR) do
    spec = Gem::Specification.load("token_codec.gemspec")
    built = Gem::Package.build(spec)
    FileUtils.mv(built, File.join(RubyLayer::PKG, built))
    puts "gem: #{File.join(RubyLayer::PKG, built)}"
  end
end

namespace :test do
  desc "Ruby gem: compile, unit tests, GC.stress run, integration test, offline gem install"
  task ruby: %w[compile test:ruby:unit test:ruby:gc_stress test:ruby:integration test:ruby:gem_install]

  namespace :ruby do
    desc "Ruby unit tests (vectors, errors, fork, threads)"
    task unit: :compile do
      sh(*RubyLayer.unit_tests_command)
    end

    desc "Ruby unit tests again with GC.stress = true around every test"
    task gc_stress: :compile do
      sh({ "TOKEN_CODEC_GC_STRESS" => "1" }, *RubyLayer.unit_tests_command)
    end

    desc "The monolith played with ActiveRecord/SQLite and Rack (rack-test)"
    task integration: :compile do
      test = File.join(RubyLayer::TEST, "integration", "monolith_test.rb")
      sh RubyLayer.ruby_command, "-I", RubyLayer::LIB, "-I", RubyLayer::TEST, test
    end

    desc "Install the platform gem offline into an empty GEM_HOME and use it there"
    task gem_install: :gem do
      Dir.mktmpdir("token_codec_gem") do |home|
        env = { "GEM_HOME" => home, "GEM_PATH" => home, "RUBYLIB" => nil, "RUBYOPT" => nil }
        sh env, RubyLayer.ruby_command, "-S", "gem", "install", "--local", "--no-document", RubyLayer.gem_file
        check = File.join(RubyLayer::TEST, "gem", "installed_gem_check.rb")
        Dir.chdir(home) { sh env, RubyLayer.ruby_command, check, File.join(ROOT, "testdata", "vectors.json") }
      end
    end
  end
end

task test: "test:ruby"

namespace :bench do
  desc "Ruby: generate_token, decode, identify vs pure Ruby (benchmark-ips); writes target/bench/ruby.md"
  task ruby: :compile do
    sh RubyLayer.ruby_command, "-I", RubyLayer::LIB, "-I", RubyLayer::TEST,
       File.join(RubyLayer::DIR, "bench", "token_codec_bench.rb"), File.join(ROOT, "target", "bench", "ruby.md")
  end
end

task bench: "bench:ruby"

namespace :demo do
  desc "Ruby: a PAT created, stored as a digest, used, decoded and routed (redacted output)"
  task ruby: :compile do
    sh RubyLayer.ruby_command, "-I", RubyLayer::LIB, File.join(RubyLayer::DIR, "examples", "monolith_flow.rb")
  end
end

task demo: "demo:ruby"
