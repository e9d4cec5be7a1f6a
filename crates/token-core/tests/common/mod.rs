//! Builders of tokens with chosen defects but a correct checksum, so each
//! rejection reason can be reached on its own.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Appends the 7-character base36 CRC-32 of `body`.
pub fn seal(body: &[u8]) -> Vec<u8> {
    let crc = crc32fast::hash(body);
    let mut digits = [b'0'; 7];
    let mut rest = u64::from(crc);
    for slot in digits.iter_mut().rev() {
        *slot = b"0123456789abcdefghijklmnopqrstuvwxyz"[(rest % 36) as usize];
        rest /= 36;
    }
    let mut token = body.to_vec();
    token.extend_from_slice(&digits);
    token
}

/// Two base36 characters of `n`.
pub fn len_field(n: usize) -> String {
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    format!("{}{}", digits[n / 36] as char, digits[n % 36] as char)
}

/// A v1 token over an arbitrary raw payload.
pub fn v1_from_raw(prefix: &[u8], raw: &[u8]) -> Vec<u8> {
    let b64 = URL_SAFE_NO_PAD.encode(raw);
    let mut body = prefix.to_vec();
    body.extend_from_slice(b64.as_bytes());
    body.extend_from_slice(format!(".01.{}", len_field(b64.len())).as_bytes());
    seal(&body)
}

/// A v0 token over an arbitrary raw payload.
pub fn v0_from_raw(prefix: &[u8], raw: &[u8]) -> Vec<u8> {
    let b64 = URL_SAFE_NO_PAD.encode(raw);
    let mut body = prefix.to_vec();
    body.extend_from_slice(b64.as_bytes());
    body.extend_from_slice(format!(".{}", len_field(b64.len())).as_bytes());
    seal(&body)
}

/// The v1 raw payload of `routing`: 16 bytes of `a`, the routing, its length byte.
pub fn v1_raw(routing: &[u8]) -> Vec<u8> {
    let mut raw = vec![b'a'; 16];
    raw.extend_from_slice(routing);
    raw.push(routing.len() as u8);
    raw
}

/// The v0 raw payload of `routing`: the routing, 16 bytes of `a`, then 16.
pub fn v0_raw(routing: &[u8]) -> Vec<u8> {
    let mut raw = routing.to_vec();
    raw.extend_from_slice(&[b'a'; 16]);
    raw.push(16);
    raw
}
