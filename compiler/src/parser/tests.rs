use super::*;
#[test]
fn smoke() {
    let mut map = SourceMap::new();
    let f = map.add("t.erl", "-module(t).\nf(X) -> X + 1.\n");
    let (m, d) = parse_module(&mut map, f, &crate::NoIncludes);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(m.forms.len(), 2);
}
