# frozen_string_literal: true

require "test_setup"

# Scanning large texts: the GVL is released above SCAN_WITHOUT_GVL_ABOVE
# bytes (other Ruby threads run meanwhile), the scan reads the text as it was
# when called even if another thread changes it, results do not depend on
# which side of the threshold a text is, and interrupts still arrive.
class ScanThreadsTest < TokenCodecTest
  MEGABYTE = 1024 * 1024
  # Filler the prefilter stops at in every line (a "glpat-" with no token
  # body), so a scan of it takes long enough to watch other threads run.
  FILLER = "lorem glpat-short ipsum dolor sit amet\n"
  TOKEN = "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
  LEGACY = "glpat-ts8y8Mk2gxi-xvXVsxfN"

  # +size+ bytes of filler with " token " written over it at each offset.
  def text_with(size, planted)
    text = FILLER * (size / FILLER.bytesize + 1)
    text = text.byteslice(0, size)
    planted.each { |offset, token| text[offset - 1, token.bytesize + 2] = " #{token} " }
    text
  end

  # Runs +call+ in this thread while another thread counts its own loop
  # iterations during which it saw this thread inside the call without the
  # GVL: Ruby marks a thread that released the GVL as sleeping (Thread#stop?),
  # and the other thread can only look while it holds the GVL. A call that
  # keeps the GVL therefore yields a count of 0. The loop allocates nothing,
  # so GC.stress does not slow it. Before its first count the other thread
  # runs +during+ once. Returns the count and the call's result.
  def count_other_thread_runs(during: nil, &call)
    caller_thread = Thread.current
    calling = false
    done = false
    runs = 0
    other = Thread.new do
      until done
        if calling && caller_thread.stop?
          during&.call if runs.zero?
          runs += 1
          Thread.pass if (runs % 1000).zero?
        else
          Thread.pass
        end
      end
    end
    Thread.pass until other.status == "run" || other.status == "sleep"
    calling = true
    result = call.call
    done = true
    other.join
    [runs, result]
  end

  def test_a_long_scan_lets_other_threads_run_and_reads_the_text_as_it_was
    size = 64 * MEGABYTE
    last = size - 1000
    text = text_with(size, { 1 => TOKEN, size / 2 => LEGACY, last => TOKEN })
    runs, findings = count_other_thread_runs(during: -> { text.setbyte(last + 6, "!".ord) }) { TokenCodec.scan(text) }
    assert_operator runs, :>=, 1000, "another thread ran while a 64 MB scan did (runs: #{runs})"
    assert_equal [1, size / 2, last], findings.map(&:offset), "the scan saw the text as it was when called"
    assert_equal [:valid, :none, :valid], findings.map(&:checksum)
    assert_equal "!".ord, text.getbyte(last + 6), "the other thread changed the caller's String"
    refute_predicate text, :frozen?
  end

  # The control of the test above: a call that keeps the GVL for about as
  # long (String#count over 64 MB, three times) gives a count of 0.
  def test_a_call_that_keeps_the_gvl_lets_no_other_thread_run
    text = text_with(64 * MEGABYTE, {})
    runs, count = count_other_thread_runs { text.count("!") + text.count("?") + text.count("#") }
    assert_equal 0, count
    assert_equal 0, runs
  end

  def test_redacting_a_long_text_releases_the_gvl_too
    size = 64 * MEGABYTE
    text = text_with(size, { 10 => TOKEN, size - 100 => LEGACY })
    runs, redacted = count_other_thread_runs { TokenCodec.redact(text) }
    assert_operator runs, :>=, 1000, "runs: #{runs}"
    assert_equal size - (TOKEN.bytesize - 6 - 10) - (LEGACY.bytesize - 6 - 10), redacted.bytesize
    assert_equal " glpat-[REDACTED] ", redacted.byteslice(9, 18)
    assert_equal text.byteslice(10 + TOKEN.bytesize, MEGABYTE), redacted.byteslice(16 + 10, MEGABYTE)
  end

  def test_results_do_not_depend_on_the_side_of_the_threshold
    threshold = TokenCodec::SCAN_WITHOUT_GVL_ABOVE
    assert_equal 64 * 1024, threshold
    [threshold - 1, threshold, threshold + 1, MEGABYTE].each do |size|
      planted = { 1 => TOKEN, size / 2 => LEGACY, size - TOKEN.bytesize - 2 => TOKEN }
      text = text_with(size, planted)
      assert_equal size, text.bytesize
      findings = TokenCodec.scan(text)
      assert_equal planted.keys, findings.map(&:offset), "size #{size}"
      assert_equal planted.values, findings.map(&:token)
      redacted = TokenCodec.redact(text)
      assert_equal TokenCodec.redact(text.byteslice(0, size / 2)) + TokenCodec.redact(text.byteslice(size / 2..)),
                   redacted, "size #{size}"
      assert_empty TokenCodec.scan(redacted)
    end
  end

  def test_threads_scan_at_once
    texts = Array.new(4) { |i| text_with(MEGABYTE + i, { 100 + i => TOKEN, 5000 => LEGACY }) }
    results = texts.map do |text|
      Thread.new { Array.new(TestSupport.scaled(10)) { TokenCodec.scan(text).map(&:offset) }.uniq }
    end.map(&:value)
    assert_equal(Array.new(4) { |i| [[100 + i, 5000]] }, results)
  end

  def test_interrupts_reach_a_scanning_thread
    text = text_with(64 * MEGABYTE, { 1 => TOKEN })
    stop = Class.new(StandardError)
    raised = Thread.new { loop { TokenCodec.scan(text) } }
    raised.report_on_exception = false
    killed = Thread.new { loop { TokenCodec.redact(text) } }
    sleep 0.05
    raised.raise(stop)
    killed.kill
    assert_raises(stop) { raised.join }
    assert_nil killed.value
    assert_equal [1], TokenCodec.scan(text).map(&:offset)
  end
end
