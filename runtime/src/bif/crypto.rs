//! The natives under `stdlib/crypto.erl`: digests, HMAC, PBKDF2, Ed25519
//! and the system's random bytes. Each is a well-kept RustCrypto crate
//! (`md-5`, `md4`, `sha1`, `sha2`, `sha3`, `blake2`, `ripemd`, `hmac`,
//! `pbkdf2`, `ed25519-dalek`) or `getrandom`: cryptography is never
//! hand-written. Arguments arrive checked and flattened by the Erlang side;
//! an algorithm not known here answers `notsup`, which crypto.erl turns
//! into OTP's error.

use super::args::{badarg_in, int};
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{Atom, Term};
use hmac::{Hmac, Mac};
use sha2::Digest;

type P = Process;

/// A binary argument's bytes (also for the cipher natives).
pub(super) fn bytes(t: &Term) -> Option<Vec<u8>> {
    match t {
        Term::Binary(b) if b.is_binary() => Some(b.to_bytes()),
        _ => None,
    }
}

fn notsup() -> Term {
    Term::Atom(Atom::from_static("notsup"))
}

/// Runs `$body` with `$D` bound to the digest type named by `$name`.
macro_rules! with_digest {
    ($name:expr, $D:ident => $body:expr, else $other:expr) => {
        match $name {
            "md4" => {
                type $D = md4::Md4;
                $body
            }
            "md5" => {
                type $D = md5::Md5;
                $body
            }
            "ripemd160" => {
                type $D = ripemd::Ripemd160;
                $body
            }
            "sha" => {
                type $D = sha1::Sha1;
                $body
            }
            "sha224" => {
                type $D = sha2::Sha224;
                $body
            }
            "sha256" => {
                type $D = sha2::Sha256;
                $body
            }
            "sha384" => {
                type $D = sha2::Sha384;
                $body
            }
            "sha512" => {
                type $D = sha2::Sha512;
                $body
            }
            "sha3_224" => {
                type $D = sha3::Sha3_224;
                $body
            }
            "sha3_256" => {
                type $D = sha3::Sha3_256;
                $body
            }
            "sha3_384" => {
                type $D = sha3::Sha3_384;
                $body
            }
            "sha3_512" => {
                type $D = sha3::Sha3_512;
                $body
            }
            "blake2b" => {
                type $D = blake2::Blake2b512;
                $body
            }
            "blake2s" => {
                type $D = blake2::Blake2s256;
                $body
            }
            _ => $other,
        }
    };
}

fn type_name(t: &Term) -> Option<String> {
    t.as_atom().map(|a| a.name().to_string())
}

/// `crypto:digest_nif(Type, Data)`: the digest of a binary, or `notsup`.
pub(crate) fn digest_nif_2(_: &mut P, a: &[Term]) -> BifResult {
    let (Some(ty), Some(data)) = (type_name(&a[0]), bytes(&a[1])) else {
        return Err(badarg_in("crypto", "digest_nif", a));
    };
    Ok(with_digest!(ty.as_str(), D => Term::binary(&D::digest(&data)), else notsup()))
}

/// `crypto:hmac_nif(Type, Key, Data)`: HMAC with a digest, or `notsup`.
pub(crate) fn hmac_nif_3(_: &mut P, a: &[Term]) -> BifResult {
    let (Some(ty), Some(key), Some(data)) = (type_name(&a[0]), bytes(&a[1]), bytes(&a[2])) else {
        return Err(badarg_in("crypto", "hmac_nif", a));
    };
    fn mac<D>(key: &[u8], data: &[u8]) -> Option<Vec<u8>>
    where
        D: Digest + hmac::digest::core_api::BlockSizeUser,
    {
        let mut m = <hmac::SimpleHmac<D> as hmac::digest::KeyInit>::new_from_slice(key).ok()?;
        m.update(data);
        Some(m.finalize().into_bytes().to_vec())
    }
    // OTP's HMAC covers the MD and SHA families.
    let out = match ty.as_str() {
        "md4" => mac::<md4::Md4>(&key, &data),
        "md5" => mac::<md5::Md5>(&key, &data),
        "ripemd160" => mac::<ripemd::Ripemd160>(&key, &data),
        "sha" => mac::<sha1::Sha1>(&key, &data),
        "sha224" => mac::<sha2::Sha224>(&key, &data),
        "sha256" => mac::<sha2::Sha256>(&key, &data),
        "sha384" => mac::<sha2::Sha384>(&key, &data),
        "sha512" => mac::<sha2::Sha512>(&key, &data),
        "sha3_224" => mac::<sha3::Sha3_224>(&key, &data),
        "sha3_256" => mac::<sha3::Sha3_256>(&key, &data),
        "sha3_384" => mac::<sha3::Sha3_384>(&key, &data),
        "sha3_512" => mac::<sha3::Sha3_512>(&key, &data),
        _ => None,
    };
    Ok(out.map_or_else(notsup, |b| Term::binary(&b)))
}

/// `crypto:pbkdf2_nif(Type, Password, Salt, Iterations, KeyLen)`.
pub(crate) fn pbkdf2_nif_5(_: &mut P, a: &[Term]) -> BifResult {
    let bad = || badarg_in("crypto", "pbkdf2_nif", a);
    let ty = type_name(&a[0]).ok_or_else(bad)?;
    let pass = bytes(&a[1]).ok_or_else(bad)?;
    let salt = bytes(&a[2]).ok_or_else(bad)?;
    let iter = int(&a[3])
        .and_then(|n| u32::try_from(n).ok())
        .filter(|&n| n > 0)
        .ok_or_else(bad)?;
    let len = int(&a[4])
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= 1 << 24)
        .ok_or_else(bad)?;
    let mut out = vec![0u8; len];
    let done = match ty.as_str() {
        "sha" => pbkdf2::pbkdf2::<Hmac<sha1::Sha1>>(&pass, &salt, iter, &mut out).is_ok(),
        "sha224" => pbkdf2::pbkdf2::<Hmac<sha2::Sha224>>(&pass, &salt, iter, &mut out).is_ok(),
        "sha256" => pbkdf2::pbkdf2::<Hmac<sha2::Sha256>>(&pass, &salt, iter, &mut out).is_ok(),
        "sha384" => pbkdf2::pbkdf2::<Hmac<sha2::Sha384>>(&pass, &salt, iter, &mut out).is_ok(),
        "sha512" => pbkdf2::pbkdf2::<Hmac<sha2::Sha512>>(&pass, &salt, iter, &mut out).is_ok(),
        _ => return Ok(notsup()),
    };
    if !done {
        return Err(bad());
    }
    Ok(Term::binary(&out))
}

fn secret_key(t: &Term) -> Option<ed25519_dalek::SigningKey> {
    let b = bytes(t)?;
    let arr: [u8; 32] = b.as_slice().try_into().ok()?;
    Some(ed25519_dalek::SigningKey::from_bytes(&arr))
}

/// `crypto:ed25519_public_nif(Private)`: the public key of a 32-byte
/// private key, or `error`.
pub(crate) fn ed25519_public_nif_1(_: &mut P, a: &[Term]) -> BifResult {
    Ok(secret_key(&a[0]).map_or_else(
        || Term::Atom(Atom::from_static("error")),
        |k| Term::binary(k.verifying_key().as_bytes()),
    ))
}

/// `crypto:ed25519_sign_nif(Msg, Private)`: the signature, or `error`.
pub(crate) fn ed25519_sign_nif_2(_: &mut P, a: &[Term]) -> BifResult {
    use ed25519_dalek::Signer;
    let msg = bytes(&a[0]).ok_or_else(|| badarg_in("crypto", "ed25519_sign_nif", a))?;
    Ok(secret_key(&a[1]).map_or_else(
        || Term::Atom(Atom::from_static("error")),
        |k| Term::binary(&k.sign(&msg).to_bytes()),
    ))
}

/// `crypto:ed25519_verify_nif(Msg, Signature, Public)`: whether it verifies
/// (a malformed key or signature does not).
pub(crate) fn ed25519_verify_nif_3(_: &mut P, a: &[Term]) -> BifResult {
    let bad = || badarg_in("crypto", "ed25519_verify_nif", a);
    let msg = bytes(&a[0]).ok_or_else(bad)?;
    let sig = bytes(&a[1]).ok_or_else(bad)?;
    let public = bytes(&a[2]).ok_or_else(bad)?;
    let ok = (|| {
        let pk: [u8; 32] = public.as_slice().try_into().ok()?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(&pk).ok()?;
        let sig = ed25519_dalek::Signature::from_slice(&sig).ok()?;
        Some(key.verify_strict(&msg, &sig).is_ok())
    })()
    .unwrap_or(false);
    Ok(Term::bool(ok))
}

/// `crypto:strong_rand_bytes_nif(N)`: N bytes from the operating system.
pub(crate) fn strong_rand_bytes_nif_1(_: &mut P, a: &[Term]) -> BifResult {
    let n = int(&a[0])
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= 1 << 30)
        .ok_or_else(|| badarg_in("crypto", "strong_rand_bytes", a))?;
    let mut out = vec![0u8; n];
    getrandom::getrandom(&mut out).map_err(|_| badarg_in("crypto", "strong_rand_bytes", a))?;
    Ok(Term::binary(&out))
}
