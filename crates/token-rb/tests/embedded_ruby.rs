//! The extension inside an embedded Ruby VM: the gem's Ruby files loaded
//! around `token_codec_ext::define`, then the known-answer vectors and the
//! error mapping checked from Ruby. (The Ruby test suite in ruby/test covers
//! the gem in depth; this keeps `cargo test` honest about the Rust layer.)

use magnus::Ruby;

/// The gem's Ruby files, in the order `token_codec.rb` loads them (the
/// extension itself is defined in-process instead of loaded from disk).
const BEFORE_EXTENSION: &[&str] = &["version", "errors"];
const AFTER_EXTENSION: &[&str] = &[
    "token",
    "prefix_config",
    "configuration",
    "codec",
    "identification",
    "routable_token",
    "auth_finders",
    "scan",
];

fn load_gem(ruby: &Ruby) -> Result<(), magnus::Error> {
    let lib = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ruby/lib/token_codec");
    for file in BEFORE_EXTENSION {
        ruby.require(format!("{lib}/{file}.rb"))?;
    }
    token_codec_ext::define(ruby)?;
    for file in AFTER_EXTENSION {
        ruby.require(format!("{lib}/{file}.rb"))?;
    }
    Ok(())
}

fn vectors_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/vectors.json").to_owned()
}

/// How many vectors the Ruby check must go through.
fn expected_vector_count() -> i64 {
    let text = std::fs::read_to_string(vectors_path()).expect("testdata/vectors.json");
    let vectors: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    ["encode", "decode", "reject", "generate_errors"]
        .iter()
        .map(|section| vectors[section].as_array().map_or(0, Vec::len) as i64)
        .sum()
}

/// Checks the vectors from Ruby; returns how many were checked.
fn check_vectors(ruby: &Ruby) -> Result<i64, magnus::Error> {
    let script = format!(
        r#"
        require "json"
        vectors = JSON.parse(File.read({path:?}))
        checked = 0
        vectors.fetch("encode").each do |v|
          token = TokenCodec.encode(v["routing"].transform_keys(&:to_sym), prefix: v["prefix"],
                                    random_bytes: [v["random_hex"]].pack("H*"),
                                    format: v["format"].to_sym, cell_id: v["cell_id"])
          raise "encode: #{{v["note"]}}" unless token == v["token"]
          checked += 1
        end
        vectors.fetch("decode").each do |v|
          t = TokenCodec.decode(v["token"])
          raise "decode: #{{v["note"]}}" unless t && t.routing == v["routing"] &&
                                                t.random_bytes.unpack1("H*") == v["random_hex"]
          checked += 1
        end
        vectors.fetch("reject").each do |v|
          raise "reject: #{{v["why"]}}" unless TokenCodec.decode(v["token"]).nil?
          begin
            TokenCodec.decode!(v["token"])
            raise "decode! accepted: #{{v["why"]}}"
          rescue TokenCodec::DecodeError => e
            raise "no reason" unless TokenCodec::DECODE_ERROR_REASONS.include?(e.reason)
          end
          checked += 1
        end
        vectors.fetch("generate_errors").each do |v|
          begin
            TokenCodec.generate(v["routing"].transform_keys(&:to_sym), prefix: "glpat-")
            raise "no error: #{{v["error"]}}"
          rescue TokenCodec::RoutableToken.const_get(v["error"]) => e
            raise "message: #{{e.message}}" unless e.message == v["message"]
          end
          checked += 1
        end
        checked
        "#,
        path = vectors_path()
    );
    ruby.eval(&script)
}

/// Argument errors become Ruby exceptions of the documented classes.
fn check_errors(ruby: &Ruby) -> Result<bool, magnus::Error> {
    ruby.eval(
        r#"
        raised = lambda do |klass, &block|
          block.call
          false
        rescue klass
          true
        end
        [
          raised.call(TypeError) { TokenCodec.decode(nil) },
          raised.call(RangeError) { TokenCodec.encode({ o: 2**64 }, prefix: "", random_bytes: "a" * 16) },
          raised.call(RangeError) { TokenCodec.encode({ o: -1 }, prefix: "", random_bytes: "a" * 16) },
          raised.call(ArgumentError) { TokenCodec.encode({ o: 1 }, prefix: "", random_bytes: "a" * 15) },
          raised.call(TypeError) { TokenCodec.encode({ o: 1.5 }, prefix: "", random_bytes: "a" * 16) },
          raised.call(TokenCodec::EncodeError) { TokenCodec.generate({ o: 1 }, prefix: "a\nb") },
          raised.call(TokenCodec::ConfigurationError) { TokenCodec.instance_prefix = "bad prefix" },
          raised.call(TokenCodec::RoutableToken::InvalidRoutingKeys) do
            TokenCodec::RoutableToken.new(nil, routing_payload: { q: 1, o: 1 }, prefix: "")
          end,
          raised.call(TokenCodec::AuthFinders::JobTokenTooLong) do
            TokenCodec::AuthFinders.job_token(TokenCodec::AuthFinders::Request.new(params: { "job_token" => "x" * 9000 }))
          end
        ].all?
        "#,
    )
}

/// Decoding, generating, scanning and redacting under GC.stress keep every
/// object alive; a text over the threshold is scanned without the GVL.
fn check_gc_stress(ruby: &Ruby) -> Result<bool, magnus::Error> {
    ruby.eval(
        r#"
        GC.stress = true
        ok = Array.new(20) do
          token = TokenCodec.generate({ o: 1, u: "x" }, prefix: "glpat-")
          t = TokenCodec.decode(token)
          text = "log #{token}
"
          big = ("lorem ipsum " * 6000) + text
          found = TokenCodec.scan(text).first
          t.routing == { "o" => "1", "u" => "x" } && t.random_bytes.bytesize == 16 &&
            TokenCodec.identify(token) == :personal_access_token &&
            found.token == token && found.checksum == :valid && found.routing == t.routing &&
            TokenCodec.redact(text) == "log glpat-[REDACTED]
" &&
            big.bytesize > TokenCodec::SCAN_WITHOUT_GVL_ABOVE &&
            TokenCodec.scan(big).map(&:offset) == [big.bytesize - text.bytesize + 4] &&
            TokenCodec.redact(big).end_with?("lorem ipsum log glpat-[REDACTED]
")
        end.all?
        GC.stress = false
        ok
        "#,
    )
}

/// Work run without the GVL returns its result; a panic in it becomes a
/// Ruby `RuntimeError` instead of unwinding into Ruby.
fn check_without_gvl(ruby: &Ruby) -> bool {
    use token_codec_ext::without_gvl::without_gvl;
    let bytes = vec![7u8; 1 << 20];
    let sum = without_gvl(ruby, || bytes.iter().map(|&b| u64::from(b)).sum::<u64>());
    let panicked = without_gvl(ruby, || -> u64 { panic!("a test panic") });
    sum.ok() == Some(7 << 20)
        && panicked.is_err_and(|error| error.is_kind_of(ruby.exception_runtime_error()))
}

#[test]
fn the_extension_works_inside_ruby() {
    Ruby::init(|ruby| {
        load_gem(ruby)?;
        let expected = expected_vector_count();
        assert!(expected >= 30, "testdata/vectors.json lost vectors");
        assert_eq!(check_vectors(ruby)?, expected);
        assert!(
            check_errors(ruby)?,
            "an argument error was not raised as documented"
        );
        assert!(check_gc_stress(ruby)?, "a result changed under GC.stress");
        assert!(check_without_gvl(ruby), "work without the GVL");
        Ok(())
    })
    .unwrap();
}
