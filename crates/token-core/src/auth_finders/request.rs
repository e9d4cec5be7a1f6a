//! A request's headers and parameters, as the finders see them.

use std::collections::HashMap;

/// Read access to a request's headers and parameters. Header names are
/// compared without regard to ASCII case.
pub trait Request {
    /// The value of header `name`, if present.
    fn header(&self, name: &str) -> Option<&str>;
    /// The value of query or body parameter `name`, if present.
    fn param(&self, name: &str) -> Option<&str>;
}

/// A request given as lists of `(name, value)` pairs: the first pair of a name wins.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestParts<'a> {
    /// Header pairs (names in any case).
    pub headers: &'a [(&'a str, &'a str)],
    /// Parameter pairs.
    pub params: &'a [(&'a str, &'a str)],
}

impl Request for RequestParts<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

/// A request given as string maps (headers, params).
#[derive(Debug, Clone, Copy)]
pub struct RequestMaps<'a> {
    /// Headers by name (looked up without regard to ASCII case).
    pub headers: &'a HashMap<String, String>,
    /// Parameters by name.
    pub params: &'a HashMap<String, String>,
}

impl Request for RequestMaps<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .or_else(|| {
                self.headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v)
            })
            .map(String::as_str)
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}
