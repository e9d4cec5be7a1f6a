//! Converting Ruby arguments to token-core's types, with a Ruby `TypeError`,
//! `ArgumentError` or `RangeError` for anything that does not fit.
//!
//! Nothing here interprets a value beyond its type: key validity, ordering,
//! rendering and every size rule are token-core's.

use std::borrow::Cow;

use magnus::prelude::*;
use magnus::r_hash::ForEach;
use magnus::value::LazyId;
use magnus::{Error, Integer, RArray, RHash, RString, Ruby, Symbol, Value};
use token_core::{Format, RANDOM_LEN, RequiredKeys, RoutingOptions, RoutingPayload, RoutingValue};

use crate::errors::{argument_error, type_error};

/// A routing value copied out of Ruby, so no Ruby object is borrowed while the
/// core works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedRoutingValue {
    /// A Ruby Integer that fits in `u64`.
    Int(u64),
    /// A Ruby String (valid UTF-8).
    Text(String),
    /// Ruby's `nil`.
    Absent,
}

/// Routing entries in the caller's order: `(key name, value)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutingEntries(Vec<(Cow<'static, str>, OwnedRoutingValue)>);

/// Symbols compared by id, so the hot path never looks a name up.
struct Names<const N: usize>([(LazyId, &'static str); N]);

impl<const N: usize> Names<N> {
    /// The name of `symbol` if it is one of these.
    fn find(&self, symbol: Symbol) -> Option<&'static str> {
        self.0
            .iter()
            .find(|(id, _)| symbol == *id)
            .map(|(_, name)| *name)
    }
}

/// The routing keys token-core knows; other keys go to it by name.
static ROUTING_KEYS: Names<6> = Names([
    (LazyId::new("c"), "c"),
    (LazyId::new("g"), "g"),
    (LazyId::new("o"), "o"),
    (LazyId::new("p"), "p"),
    (LazyId::new("u"), "u"),
    (LazyId::new("t"), "t"),
]);

static FORMATS: Names<2> = Names([(LazyId::new("v1"), "v1"), (LazyId::new("v0"), "v0")]);

static REQUIRED_KEYS: Names<2> = Names([
    (LazyId::new("cell_or_organization"), "cell_or_organization"),
    (LazyId::new("organization"), "organization"),
]);

impl RoutingEntries {
    /// Copies the entries of a routing Hash (`{ o: 1, u: "x", g: nil }`).
    ///
    /// # Errors
    /// `TypeError` for a key that is not a Symbol or String or a value that is
    /// not an Integer, String or nil; `RangeError` for an Integer outside `u64`;
    /// `ArgumentError` for a String value that is not valid UTF-8.
    pub fn from_hash(ruby: &Ruby, hash: RHash) -> Result<RoutingEntries, Error> {
        let mut entries = Vec::with_capacity(hash.len());
        hash.foreach(|key: Value, value: Value| {
            let name = key_name(ruby, key)?;
            let value = routing_value(ruby, &name, value)?;
            entries.push((name, value));
            Ok(ForEach::Continue)
        })?;
        Ok(RoutingEntries(entries))
    }

    /// The entries as token-core takes them.
    pub fn iter(&self) -> impl Iterator<Item = (&str, RoutingValue<'_>)> {
        self.0
            .iter()
            .map(|(name, value)| (name.as_ref(), value.as_core()))
    }
}

impl OwnedRoutingValue {
    /// The value as token-core takes it.
    pub fn as_core(&self) -> RoutingValue<'_> {
        match self {
            OwnedRoutingValue::Int(n) => RoutingValue::Int(*n),
            OwnedRoutingValue::Text(text) => RoutingValue::Text(text),
            OwnedRoutingValue::Absent => RoutingValue::Absent,
        }
    }
}

/// The names of routing keys given as Symbols or Strings, in order.
///
/// # Errors
/// `TypeError` for a key that is not a Symbol or String.
pub fn key_names(ruby: &Ruby, keys: RArray) -> Result<Vec<Cow<'static, str>>, Error> {
    let mut names = Vec::with_capacity(keys.len());
    for key in keys {
        names.push(key_name(ruby, key)?);
    }
    Ok(names)
}

/// The name of a routing key given as a Symbol (`:o`) or a String (`"o"`).
fn key_name(ruby: &Ruby, key: Value) -> Result<Cow<'static, str>, Error> {
    if let Some(symbol) = Symbol::from_value(key) {
        return match ROUTING_KEYS.find(symbol) {
            Some(name) => Ok(Cow::Borrowed(name)),
            None => Ok(Cow::Owned(symbol.name()?.into_owned())),
        };
    }
    if let Some(string) = RString::from_value(key) {
        return Ok(Cow::Owned(
            String::from_utf8_lossy(&copy_bytes(string)).into_owned(),
        ));
    }
    Err(type_error(
        ruby,
        format!(
            "routing keys must be Symbols or Strings, not {}",
            class_name(key)
        ),
    ))
}

/// One routing value: Integer (any size that fits `u64`), String or nil.
///
/// # Errors
/// `TypeError` for another type (the message names `key`), `RangeError` for
/// an Integer outside `u64`, `ArgumentError` for a String that is not UTF-8.
pub fn routing_value(ruby: &Ruby, key: &str, value: Value) -> Result<OwnedRoutingValue, Error> {
    if value.is_nil() {
        return Ok(OwnedRoutingValue::Absent);
    }
    if let Some(integer) = Integer::from_value(value) {
        return integer.to_u64().map(OwnedRoutingValue::Int);
    }
    if let Some(string) = RString::from_value(value) {
        return String::from_utf8(copy_bytes(string))
            .map(OwnedRoutingValue::Text)
            .map_err(|_| {
                argument_error(ruby, format!("routing value for :{key} is not valid UTF-8"))
            });
    }
    Err(type_error(
        ruby,
        format!(
            "routing value for :{key} must be an Integer, a String or nil, not {}",
            class_name(value)
        ),
    ))
}

/// Routing options from the default cell id (`nil` or an Integer) and the
/// required-key rule (`:cell_or_organization` or `:organization`).
///
/// # Errors
/// `TypeError`/`RangeError` for a cell id that is not `nil` or a `u64`;
/// `ArgumentError` for an unknown rule.
pub fn routing_options(
    ruby: &Ruby,
    cell_id: Value,
    required: Symbol,
) -> Result<RoutingOptions, Error> {
    Ok(RoutingOptions {
        default_cell_id: optional_u64(ruby, cell_id, "cell_id")?,
        required: required_keys(ruby, required)?,
    })
}

/// The required-key rule `:cell_or_organization` or `:organization`.
///
/// # Errors
/// `ArgumentError` for another Symbol.
pub fn required_keys(ruby: &Ruby, required: Symbol) -> Result<RequiredKeys, Error> {
    match REQUIRED_KEYS.find(required) {
        Some("cell_or_organization") => Ok(RequiredKeys::CellOrOrganization),
        Some(_) => Ok(RequiredKeys::Organization),
        None => Err(argument_error(
            ruby,
            "required_keys must be :cell_or_organization or :organization",
        )),
    }
}

/// `nil` or a non-negative Integer that fits in `u64` (no implicit conversion:
/// a Float or a String is a `TypeError`).
///
/// # Errors
/// `TypeError` for another type, `RangeError` for an Integer outside `u64`.
pub fn optional_u64(ruby: &Ruby, value: Value, what: &str) -> Result<Option<u64>, Error> {
    if value.is_nil() {
        return Ok(None);
    }
    match Integer::from_value(value) {
        Some(integer) => integer.to_u64().map(Some),
        None => Err(type_error(
            ruby,
            format!(
                "{what} must be an Integer or nil, not {}",
                class_name(value)
            ),
        )),
    }
}

/// A token format given as `:v0`/`:v1` (or `"v0"`/`"v1"`).
///
/// # Errors
/// `TypeError` for another type, `ArgumentError` for another name.
pub fn format(ruby: &Ruby, value: Value) -> Result<Format, Error> {
    let name = if let Some(symbol) = Symbol::from_value(value) {
        match FORMATS.find(symbol) {
            Some("v0") => return Ok(Format::V0),
            Some(_) => return Ok(Format::V1),
            None => symbol.name()?.into_owned(),
        }
    } else if let Some(string) = RString::from_value(value) {
        String::from_utf8_lossy(&copy_bytes(string)).into_owned()
    } else {
        return Err(type_error(
            ruby,
            format!("format must be :v0 or :v1, not {}", class_name(value)),
        ));
    };
    name.parse()
        .map_err(|error: token_core::UnknownFormat| argument_error(ruby, error.to_string()))
}

/// A routing payload as `{ "o" => "1", "u" => "1" }`: keys and values as
/// Strings, exactly as in the token, in payload order.
///
/// # Errors
/// A Ruby exception if the Hash cannot be filled.
pub fn routing_hash(ruby: &Ruby, routing: &RoutingPayload) -> Result<RHash, Error> {
    let hash = ruby.hash_new();
    for (key, value) in routing.entries() {
        hash.aset(ruby.str_new(key.as_str()), ruby.str_new(value))?;
    }
    Ok(hash)
}

/// The Ruby Symbol of a format (`:v1`).
pub fn format_symbol(ruby: &Ruby, format: Format) -> Symbol {
    ruby.to_symbol(format.as_str())
}

/// Exactly [`RANDOM_LEN`] bytes, from a String of any encoding.
///
/// # Errors
/// `TypeError` for a non-String, `ArgumentError` for another size.
pub fn random_bytes(ruby: &Ruby, value: Value) -> Result<[u8; RANDOM_LEN], Error> {
    let string = string(ruby, value, "random_bytes")?;
    let bytes = copy_bytes(string);
    bytes.as_slice().try_into().map_err(|_| {
        argument_error(
            ruby,
            format!(
                "random_bytes must be {RANDOM_LEN} bytes, got {}",
                bytes.len()
            ),
        )
    })
}

/// Runs `encode` with the text of a prefix String (valid UTF-8; every other
/// rule is token-core's), borrowed rather than copied.
///
/// # Errors
/// `ArgumentError` for invalid UTF-8.
pub fn with_prefix<T>(
    ruby: &Ruby,
    prefix: RString,
    encode: impl FnOnce(&str) -> T,
) -> Result<T, Error> {
    // SAFETY: no Ruby code runs while the slice is borrowed: `encode` only
    // runs token-core, and building the error value calls no Ruby method.
    let bytes = unsafe { prefix.as_slice() };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(encode(text)),
        Err(_) => Err(argument_error(ruby, "prefix must be valid UTF-8")),
    }
}

/// A Ruby String, without implicit conversion.
///
/// # Errors
/// `TypeError` naming `what` and the class given.
pub fn string(ruby: &Ruby, value: Value, what: &str) -> Result<RString, Error> {
    RString::from_value(value).ok_or_else(|| {
        type_error(
            ruby,
            format!("{what} must be a String, not {}", class_name(value)),
        )
    })
}

/// A copy of a Ruby String's bytes.
pub fn copy_bytes(string: RString) -> Vec<u8> {
    // SAFETY: the slice is copied before any other Ruby call can run.
    unsafe { string.as_slice() }.to_vec()
}

/// The class name of a value, for error messages (never the value itself).
pub fn class_name(value: Value) -> String {
    value.class().inspect()
}
