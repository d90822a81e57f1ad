//! OTP 25's deprecated and removed functions (`otp_internal:obsolete/3`)
//! and the warning `erlc` prints for a call to each. The table,
//! `deprecated.tsv`, is generated from a running OTP by
//! `scripts/gen_deprecated.escript`; a `_` function or arity stands for
//! any.

const TABLE: &str = include_str!("deprecated.tsv");

/// The warning for a call to `m:f/arity`, if OTP lists it.
pub(crate) fn message(m: &str, f: &str, arity: u32) -> Option<String> {
    let a = arity.to_string();
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.splitn(4, '\t');
            Some((cols.next()?, cols.next()?, cols.next()?, cols.next()?))
        })
        .find(|&(tm, tf, ta, _)| tm == m && (tf == "_" || tf == f) && (ta == "_" || ta == a))
        .map(|(_, _, _, msg)| msg.replace("{mfa}", &format!("{m}:{f}/{arity}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn now_is_deprecated_and_random_wholly() {
        assert!(super::message("erlang", "now", 0)
            .unwrap()
            .starts_with("erlang:now/0 is deprecated"));
        assert!(super::message("random", "uniform", 0)
            .unwrap()
            .contains("'rand' module"));
        assert_eq!(super::message("lists", "map", 2), None);
    }
}
