//! The symmetric-cipher natives under `stdlib/crypto.erl`: AES in CBC,
//! ECB, CTR and GCM modes and ChaCha20(-Poly1305), each a RustCrypto
//! crate (`aes`, `cbc`, `ecb`, `ctr`, `aes-gcm`, `chacha20`,
//! `chacha20poly1305`). Arguments arrive as binaries, checked for size
//! here; failures come back as `{error, Class, Message, ArgNum}` for
//! crypto.erl to raise as OTP's `{Class, {"api_ng.c", Line}, Message}`.

use super::crypto::bytes;
use crate::interp::BifResult;
use crate::process::Process;
use crate::term::{atom, Term};
use aes::cipher::{
    block_padding::{NoPadding, Pkcs7},
    BlockDecryptMut, BlockEncryptMut, KeyInit, KeyIvInit, StreamCipher, StreamCipherSeek,
};
use aes_gcm::aead::AeadInPlace;

type P = Process;

/// `{error, Class, Message, ArgNum}`, ArgNum as OTP's `error_info` gives it.
fn failure(class: &str, msg: &str, arg: Option<i64>) -> Term {
    Term::tuple(vec![
        Term::Atom(atom::ERROR),
        Term::atom_str(class),
        Term::string(msg),
        arg.map_or(Term::atom_str("undefined"), Term::Int),
    ])
}

fn ok(data: Vec<u8>) -> Term {
    Term::tuple(vec![Term::Atom(atom::OK), Term::binary(&data)])
}

/// Key and IV lengths of a cipher: (key, iv).
fn sizes(name: &str) -> Option<(usize, usize)> {
    let key = match name.get(4..7) {
        Some("128") => 16,
        Some("192") => 24,
        Some("256") => 32,
        _ => 0,
    };
    Some(match name {
        "chacha20" => (32, 16),
        "chacha20_poly1305" => (32, 12),
        _ if key == 0 => return None,
        _ if name.ends_with("_cbc") || name.ends_with("_ctr") => (key, 16),
        _ if name.ends_with("_ecb") => (key, 0),
        _ if name.ends_with("_gcm") => (key, 12),
        _ => return None,
    })
}

macro_rules! with_aes {
    ($key:expr, $A:ident => $body:expr) => {
        match $key.len() {
            16 => {
                type $A = aes::Aes128;
                $body
            }
            24 => {
                type $A = aes::Aes192;
                $body
            }
            _ => {
                type $A = aes::Aes256;
                $body
            }
        }
    };
}

/// `crypto:cipher_nif(Cipher, Key, IV, Data, Encrypt, Padding)`: one-shot
/// encryption or decryption with a non-AEAD cipher. `Padding` is `none`
/// (a trailing partial block is dropped, as OpenSSL does) or
/// `pkcs_padding`.
pub(crate) fn cipher_nif_6(_: &mut P, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().map(|x| x.name()).unwrap_or("");
    let Some((klen, ivlen)) =
        sizes(name).filter(|_| !name.ends_with("_gcm") && name != "chacha20_poly1305")
    else {
        return Ok(failure("badarg", "Unknown cipher", Some(1)));
    };
    let (Some(key), Some(iv), Some(mut data)) = (bytes(&a[1]), bytes(&a[2]), bytes(&a[3])) else {
        return Ok(failure("badarg", "Bad argument", None));
    };
    if key.len() != klen {
        return Ok(failure("badarg", "Bad key size", Some(2)));
    }
    if iv.len() != ivlen {
        return Ok(failure("badarg", "Bad iv size", Some(3)));
    }
    let encrypt = a[4].is_true();
    let pkcs = matches!(&a[5], Term::Atom(p) if p.name() == "pkcs_padding");
    let block = |d: &mut Vec<u8>| d.truncate(d.len() / 16 * 16);
    let out = if name.ends_with("_ctr") {
        with_aes!(key, A => {
            let mut c = ctr::Ctr128BE::<A>::new(key[..].into(), iv[..].into());
            c.apply_keystream(&mut data);
        });
        data
    } else if name == "chacha20" {
        // OTP's 16-byte IV: a little-endian block counter, then the nonce.
        let counter = u32::from_le_bytes(iv[..4].try_into().unwrap());
        let mut c = chacha20::ChaCha20::new(key[..].into(), iv[4..].into());
        c.seek(counter as u64 * 64);
        c.apply_keystream(&mut data);
        data
    } else if name.ends_with("_cbc") {
        match (encrypt, pkcs) {
            (true, true) => {
                with_aes!(key, A => cbc::Encryptor::<A>::new(key[..].into(), iv[..].into())
                .encrypt_padded_vec_mut::<Pkcs7>(&data))
            }
            (true, false) => {
                block(&mut data);
                with_aes!(key, A => cbc::Encryptor::<A>::new(key[..].into(), iv[..].into())
                    .encrypt_padded_vec_mut::<NoPadding>(&data))
            }
            (false, true) => {
                match with_aes!(key, A => cbc::Decryptor::<A>::new(key[..].into(), iv[..].into())
                .decrypt_padded_vec_mut::<Pkcs7>(&data).ok())
                {
                    Some(p) => p,
                    None => return Ok(failure("error", "Can't finalize", None)),
                }
            }
            (false, false) => {
                block(&mut data);
                with_aes!(key, A => cbc::Decryptor::<A>::new(key[..].into(), iv[..].into())
                    .decrypt_padded_vec_mut::<NoPadding>(&data)
                    .expect("whole blocks"))
            }
        }
    } else {
        // ECB
        match (encrypt, pkcs) {
            (true, true) => with_aes!(key, A => ecb::Encryptor::<A>::new(key[..].into())
                .encrypt_padded_vec_mut::<Pkcs7>(&data)),
            (true, false) => {
                block(&mut data);
                with_aes!(key, A => ecb::Encryptor::<A>::new(key[..].into())
                    .encrypt_padded_vec_mut::<NoPadding>(&data))
            }
            (false, true) => match with_aes!(key, A => ecb::Decryptor::<A>::new(key[..].into())
                .decrypt_padded_vec_mut::<Pkcs7>(&data).ok())
            {
                Some(p) => p,
                None => return Ok(failure("error", "Can't finalize", None)),
            },
            (false, false) => {
                block(&mut data);
                with_aes!(key, A => ecb::Decryptor::<A>::new(key[..].into())
                    .decrypt_padded_vec_mut::<NoPadding>(&data)
                    .expect("whole blocks"))
            }
        }
    };
    Ok(ok(out))
}

/// Encrypts in place, returning the full 16-byte tag.
fn seal(name: &str, key: &[u8], iv: &[u8], aad: &[u8], buf: &mut [u8]) -> Option<Vec<u8>> {
    let nonce = aes_gcm::Nonce::from_slice(iv);
    let tag = if name == "chacha20_poly1305" {
        chacha20poly1305::ChaCha20Poly1305::new_from_slice(key)
            .ok()?
            .encrypt_in_place_detached(nonce, aad, buf)
            .ok()?
    } else {
        match key.len() {
            16 => aes_gcm::Aes128Gcm::new_from_slice(key)
                .ok()?
                .encrypt_in_place_detached(nonce, aad, buf)
                .ok()?,
            24 => aes_gcm::AesGcm::<aes::Aes192, aes_gcm::aead::consts::U12>::new_from_slice(key)
                .ok()?
                .encrypt_in_place_detached(nonce, aad, buf)
                .ok()?,
            _ => aes_gcm::Aes256Gcm::new_from_slice(key)
                .ok()?
                .encrypt_in_place_detached(nonce, aad, buf)
                .ok()?,
        }
    };
    Some(tag.to_vec())
}

/// `crypto:aead_nif(Cipher, Key, IV, Data, AAD, TagLenOrTag, Encrypt)`:
/// `{ok, {Out, Tag}}` when encrypting (the tag cut to `TagLen` bytes, as
/// OpenSSL allows), `{ok, Plain}` or `error` (a tag that does not match)
/// when decrypting.
pub(crate) fn aead_nif_7(_: &mut P, a: &[Term]) -> BifResult {
    let name = a[0].as_atom().map(|x| x.name()).unwrap_or("");
    let Some((klen, _)) =
        sizes(name).filter(|_| name.ends_with("_gcm") || name == "chacha20_poly1305")
    else {
        return Ok(failure("badarg", "Unknown cipher", Some(1)));
    };
    let (Some(key), Some(iv), Some(data), Some(aad)) =
        (bytes(&a[1]), bytes(&a[2]), bytes(&a[3]), bytes(&a[4]))
    else {
        return Ok(failure("badarg", "Bad argument", None));
    };
    if key.len() != klen {
        return Ok(failure("badarg", "Bad key size", Some(2)));
    }
    // The AEADs here take 96-bit nonces only.
    if iv.len() != 12 {
        return Ok(failure("badarg", "Bad iv size", Some(3)));
    }
    if a[6].is_true() {
        let tag_len = match &a[5] {
            Term::Int(n) if (1..=16).contains(n) => *n as usize,
            _ => return Ok(failure("badarg", "Bad tag size", Some(6))),
        };
        let mut buf = data;
        let Some(mut tag) = seal(name, &key, &iv, &aad, &mut buf) else {
            return Ok(failure("error", "Can't encrypt", None));
        };
        tag.truncate(tag_len);
        return Ok(Term::tuple(vec![
            Term::Atom(atom::OK),
            Term::tuple(vec![Term::binary(&buf), Term::binary(&tag)]),
        ]));
    }
    let Some(given) = bytes(&a[5]).filter(|t| (1..=16).contains(&t.len())) else {
        return Ok(failure("badarg", "Bad tag size", Some(6)));
    };
    // The keystream is the same both ways: encrypting the ciphertext gives
    // the plaintext, and encrypting that gives the full tag to compare.
    let mut plain = data.clone();
    if seal(name, &key, &iv, &[], &mut plain).is_none() {
        return Ok(failure("error", "Can't decrypt", None));
    }
    let mut again = plain.clone();
    let Some(tag) = seal(name, &key, &iv, &aad, &mut again) else {
        return Ok(failure("error", "Can't decrypt", None));
    };
    let diff = tag[..given.len()]
        .iter()
        .zip(&given)
        .fold(0u8, |acc, (x, y)| acc | (x ^ y));
    if diff != 0 || again != data {
        return Ok(Term::Atom(atom::ERROR));
    }
    Ok(ok(plain))
}
