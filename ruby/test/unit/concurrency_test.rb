# frozen_string_literal: true

require "test_setup"

# Fork safety (real fork: Puma and Sidekiq workers) and thread safety.
class ConcurrencyTest < TokenCodecTest
  Record = Struct.new(:organization_id, :user_id)

  def generator
    TokenCodec::RoutableToken.new(Record.new(1, 1), routing_payload: { o: ->(r) { r.organization_id },
                                                                      u: ->(r) { r.user_id } },
                                                    prefix: "glpat-")
  end

  def random_hex(tokens)
    tokens.map { |token| TokenCodec.decode!(token).random_bytes.unpack1("H*") }
  end

  # Runs +block+ in +count+ forked children; returns each child's lines.
  def in_children(count, &block)
    readers = Array.new(count) do
      reader, writer = IO.pipe
      pid = fork do
        reader.close
        writer.puts(block.call)
        writer.close
        exit!(0)
      end
      writer.close
      [pid, reader]
    end
    readers.map do |pid, reader|
      lines = reader.read.split("\n")
      reader.close
      _, status = Process.wait2(pid)
      assert_predicate status, :success?
      lines
    end
  end

  def test_forked_children_never_repeat_each_other_or_the_parent
    skip "fork is not available" unless Process.respond_to?(:fork)

    per_process = TestSupport.scaled(500)
    gen = generator
    parent_before = random_hex(Array.new(per_process) { gen.generate_token })
    children = in_children(4) { random_hex(Array.new(per_process) { gen.generate_token }) }
    parent_after = random_hex(Array.new(per_process) { gen.generate_token })

    all = parent_before + parent_after + children.flatten
    assert_equal per_process * 6, all.size
    assert_equal all.size, all.uniq.size, "random bytes repeated across fork"
  end

  def test_the_first_token_after_fork_differs_in_every_child
    skip "fork is not available" unless Process.respond_to?(:fork)

    TokenCodec.generate({ o: 1 }, prefix: "glpat-")
    firsts = in_children(6) { TokenCodec.generate({ o: 1 }, prefix: "glpat-") }.flatten
    legacy = in_children(6) { TokenCodec.generate_legacy(:personal_access_token) }.flatten
    assert_equal 6, firsts.uniq.size
    assert_equal 6, legacy.uniq.size
  end

  # The next +count+ routable and legacy tokens of this thread, as random hex.
  def next_draws(gen, count)
    random_hex(Array.new(count) { gen.generate_token }) +
      Array.new(count) { TokenCodec.generate_legacy(:ci_trigger_token) }
  end

  # Forks 3 children after this thread's generator has drawn (it is seeded
  # and has state) and compares each child's next draws with the parent's
  # next draws: a child that kept the parent's generator would repeat them
  # exactly. Each child also reports the fork epoch it sees.
  def assert_children_do_not_continue_the_parent_stream
    gen = generator
    earlier = next_draws(gen, 10)
    epoch = TokenCodec::Native.fork_epoch
    count = TestSupport.scaled(50)
    children = in_children(3) { [TokenCodec::Native.fork_epoch, *next_draws(gen, count)] }
    parent_next = next_draws(gen, count)

    children.each do |epoch_seen, *draws|
      assert_equal (epoch + 1).to_s, epoch_seen, "the fork handler ran in the child"
      assert_equal count * 2, draws.size
      assert_empty draws & parent_next, "a child continued the parent's stream"
      assert_empty draws & earlier
    end
    all = earlier + parent_next + children.flat_map { |_, *draws| draws }
    assert_equal all.size, all.uniq.size
    assert_equal epoch, TokenCodec::Native.fork_epoch, "the parent's epoch does not move"
  end

  def test_children_forked_with_a_warm_generator_do_not_continue_the_parent_stream
    skip "fork is not available" unless Process.respond_to?(:fork)

    assert_children_do_not_continue_the_parent_stream
  end

  def test_children_forked_from_a_warm_worker_thread_do_not_continue_its_stream
    skip "fork is not available" unless Process.respond_to?(:fork)

    Thread.new { assert_children_do_not_continue_the_parent_stream }.join
  end

  def test_many_threads_generate_decode_and_identify
    per_thread = TestSupport.scaled(400)
    threads = Array.new(8) do |i|
      Thread.new do
        record = Record.new(i + 1, 1000 + i)
        gen = TokenCodec::RoutableToken.new(record, routing_payload: { o: ->(r) { r.organization_id },
                                                                       u: ->(r) { r.user_id } },
                                                    prefix: "glpat-")
        Array.new(per_thread) do
          token = gen.generate_token
          decoded = TokenCodec.decode!(token)
          raise "wrong routing" unless decoded.routing == { "o" => (i + 1).to_s(36), "u" => (1000 + i).to_s(36) }
          raise "wrong type" unless TokenCodec.identify(token) == :personal_access_token

          decoded.random_bytes
        end
      end
    end
    randoms = threads.flat_map(&:value)
    assert_equal 8 * per_thread, randoms.size
    assert_equal randoms.size, randoms.uniq.size
  end

  def test_a_million_tokens_across_threads_never_repeat
    threads = 8
    per_thread = TestSupport.gc_stress? ? 10 : 1_000_000 / threads
    keys = Array.new(threads) do
      Thread.new do
        Array.new(per_thread) do
          # 62 of the 16 random bytes' bits: a repeat of the whole secret would repeat these.
          TokenCodec.decode(TokenCodec.generate({ o: 1 }, prefix: "glpat-")).random_bytes.unpack1("Q") >> 2
        end
      end
    end.flat_map(&:value)
    assert_equal threads * per_thread, keys.size
    assert_equal keys.size, keys.uniq.size
  end

  def test_configuration_changes_while_threads_read_it
    token = "acme-glpat-#{'a' * 20}"
    readers = Array.new(4) do
      Thread.new do
        Array.new(TestSupport.scaled(2000)) { TokenCodec.identify(token) }.uniq
      end
    end
    TestSupport.scaled(200).times do |i|
      TokenCodec.instance_prefix = i.even? ? "acme" : nil
      Thread.pass
    end
    seen = readers.flat_map(&:value).uniq
    assert_empty seen - [:personal_access_token, nil], "every answer comes from one whole configuration"
  end
end
