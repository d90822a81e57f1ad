//! Generates the parser tables from `src/grammar.lalrpop`.

fn main() {
    lalrpop::process_src().expect("grammar.lalrpop must generate");
}
