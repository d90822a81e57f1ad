//! The one-shot functions of `zlib` (`compress`, `uncompress`, `zip`,
//! `unzip`, `gzip`, `gunzip`) over `flate2` with the zlib library, so the
//! bytes are zlib's own, as OTP's. The streaming API (`zlib:open/0` and
//! the `deflate*`/`inflate*` calls) is not there yet.

use crate::interp::{BifError, BifResult};
use crate::process::Process;
use crate::term::{Atom, Term};
use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};
use flate2::write::{DeflateEncoder, ZlibEncoder};
use flate2::{Compression, GzBuilder};
use std::io::{Read, Write};

type P = Process;

fn input(f: &str, a: &[Term]) -> Result<Vec<u8>, BifError> {
    super::erlang::iolist_bytes(&a[0]).ok_or_else(|| super::args::badarg_in("zlib", f, a))
}

fn data_error(f: &str, a: &[Term]) -> BifError {
    BifError::error_in(
        Term::atom_str("data_error"),
        Atom::from_static("zlib"),
        Atom::from_static(f),
        a,
    )
}

fn encoded(w: impl FnOnce(&[u8]) -> std::io::Result<Vec<u8>>, data: &[u8]) -> BifResult {
    // Writing into memory cannot fail.
    Ok(Term::binary(&w(data).expect("in-memory compression")))
}

fn decoded(mut r: impl Read, f: &str, a: &[Term]) -> BifResult {
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|_| data_error(f, a))?;
    Ok(Term::binary(&out))
}

/// `zlib:compress(Data)`: the zlib format at the default level.
pub(crate) fn compress_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("compress", a)?;
    encoded(
        |d| {
            let mut e = ZlibEncoder::new(Vec::new(), Compression::default());
            e.write_all(d)?;
            e.finish()
        },
        &data,
    )
}

/// `zlib:uncompress(Data)`.
pub(crate) fn uncompress_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("uncompress", a)?;
    decoded(ZlibDecoder::new(&data[..]), "uncompress", a)
}

/// `zlib:zip(Data)`: raw deflate, no header.
pub(crate) fn zip_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("zip", a)?;
    encoded(
        |d| {
            let mut e = DeflateEncoder::new(Vec::new(), Compression::default());
            e.write_all(d)?;
            e.finish()
        },
        &data,
    )
}

/// `zlib:unzip(Data)`.
pub(crate) fn unzip_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("unzip", a)?;
    decoded(DeflateDecoder::new(&data[..]), "unzip", a)
}

/// `zlib:gzip(Data)`: the gzip format with the header zlib writes (no
/// name, time 0, OS Unix).
pub(crate) fn gzip_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("gzip", a)?;
    encoded(
        |d| {
            let mut e = GzBuilder::new()
                .operating_system(3)
                .write(Vec::new(), Compression::default());
            e.write_all(d)?;
            e.finish()
        },
        &data,
    )
}

/// `zlib:gunzip(Data)`.
pub(crate) fn gunzip_1(_: &mut P, a: &[Term]) -> BifResult {
    let data = input("gunzip", a)?;
    decoded(GzDecoder::new(&data[..]), "gunzip", a)
}
