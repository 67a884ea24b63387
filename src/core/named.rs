//! Enums stored by the name of their variant ("due", "phone", "BW"...).
//!
//! `#[derive(Serialize, Deserialize)]` compiles a reader for each such enum; [`stored_by_name!`]
//! gives them one reader between them instead, which walks the same steps as the derived one
//! (`deserialize_enum`, the variant's name, a unit variant), so the same text is accepted and
//! refused with the same words.

use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, Unexpected, VariantAccess, Visitor};
use serde::{Deserializer, Serializer};

/// An enum whose variants carry nothing, stored as the name of the variant.
pub trait Named: Copy + PartialEq + 'static {
    /// The type's name, as the derived code names it in messages.
    const TYPE: &'static str;
    /// Every variant, in the order of the declaration.
    const VARIANTS: &'static [Self];
    /// Each variant's stored name, in the same order.
    const NAMES: &'static [&'static str];
}

/// Writes `value` as a unit variant, as the derived code does.
pub fn serialize<T: Named, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let index = T::VARIANTS.iter().position(|v| v == value).unwrap_or(0);
    s.serialize_unit_variant(T::TYPE, index as u32, T::NAMES[index])
}

/// Reads a unit variant of `T` by its name.
pub fn deserialize<'de, T: Named, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let visitor = ByName {
        type_name: T::TYPE,
        names: T::NAMES,
    };
    let index = d.deserialize_enum(T::TYPE, T::NAMES, visitor)?;
    Ok(T::VARIANTS[index])
}

/// Serde for an enum by the names of its variants, in the order they are declared:
/// `stored_by_name!(Medium, [Email = "email", Phone = "phone"]);`.
#[macro_export]
macro_rules! stored_by_name {
    ($ty:ident, [$($variant:ident = $name:literal),+ $(,)?]) => {
        impl $crate::core::named::Named for $ty {
            const TYPE: &'static str = stringify!($ty);
            const VARIANTS: &'static [Self] = &[$($ty::$variant),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $crate::core::named::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::core::named::deserialize(d)
            }
        }
    };
}

/// The one reader: the enum, then its variant's name.
#[derive(Clone, Copy)]
struct ByName {
    type_name: &'static str,
    names: &'static [&'static str],
}

impl<'de> Visitor<'de> for ByName {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "enum {}", self.type_name)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (index, variant) = data.variant_seed(self)?;
        variant.unit_variant()?;
        Ok(index)
    }
}

impl<'de> DeserializeSeed<'de> for ByName {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(Variant(self.names))
    }
}

/// A variant's name (or, as the derived code allows, its index).
struct Variant(&'static [&'static str]);

/// "variant index 0 <= i < n", as the derived code words it.
struct IndexBelow(usize);

impl de::Expected for IndexBelow {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "variant index 0 <= i < {}", self.0)
    }
}

impl<'de> Visitor<'de> for Variant {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
        match usize::try_from(v) {
            Ok(i) if i < self.0.len() => Ok(i),
            _ => Err(E::invalid_value(
                Unexpected::Unsigned(v),
                &IndexBelow(self.0.len()),
            )),
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|n| *n == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        match self.0.iter().position(|n| n.as_bytes() == v) {
            Some(i) => Ok(i),
            None => Err(E::unknown_variant(&String::from_utf8_lossy(v), self.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    /// The derived code, to compare with.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Derived {
        First,
        SecondOne,
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum ByName {
        First,
        SecondOne,
    }
    crate::stored_by_name!(ByName, [First = "first", SecondOne = "second-one"]);

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct WithDerived {
        v: Option<Derived>,
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct WithByName {
        v: Option<ByName>,
    }

    #[test]
    fn reads_and_refuses_like_the_derived_code() {
        for text in [
            r#"{"v": "first"}"#,
            r#"{"v": "second-one"}"#,
            r#"{"v": "second_one"}"#,
            r#"{"v": "SecondOne"}"#,
            r#"{"v": ""}"#,
            r#"{"v": null}"#,
            r#"{"v": 1}"#,
            r#"{"v": true}"#,
            r#"{"v": ["first"]}"#,
            r#"{"v": {"first": null}}"#,
            r#"{"v": {"second-one": []}}"#,
            r#"{"v": {"third": null}}"#,
            r#"{"v": {}}"#,
            r#"{"v": "fir\u0073t"}"#,
            r#"{"v": "first"#,
        ] {
            let derived = serde_json::from_str::<WithDerived>(text)
                .map(|w| w.v.map(|v| v as u8))
                .map_err(|e| e.to_string());
            let ours = serde_json::from_str::<WithByName>(text)
                .map(|w| w.v.map(|v| v as u8))
                .map_err(|e| e.to_string());
            assert_eq!(ours, derived, "{text}");
            let value: Result<serde_json::Value, _> = serde_json::from_str(text);
            if let Ok(value) = value {
                let derived = serde_json::from_value::<WithDerived>(value.clone())
                    .map(|w| w.v.map(|v| v as u8))
                    .map_err(|e| e.to_string());
                let ours = serde_json::from_value::<WithByName>(value)
                    .map(|w| w.v.map(|v| v as u8))
                    .map_err(|e| e.to_string());
                assert_eq!(ours, derived, "{text} as a value");
            }
        }
    }

    #[test]
    fn writes_like_the_derived_code() {
        let ours = serde_json::to_string(&[ByName::First, ByName::SecondOne]).unwrap();
        let derived = serde_json::to_string(&[Derived::First, Derived::SecondOne]).unwrap();
        assert_eq!(ours, derived);
    }
}
