//! Runs lalrpop on the grammar at build time.
fn main() {}
