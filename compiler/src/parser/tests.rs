//! Parser scenarios: precedence, every expression form, attributes, types,
//! and error recovery.

use super::*;
use crate::dump;

fn parse(text: &str) -> (ast::Module, Vec<Diagnostic>, SourceMap) {
    let mut map = SourceMap::new();
    let f = map.add("t.erl", text);
    let (m, d) = parse_module(&mut map, f, &crate::NoIncludes);
    (m, d, map)
}

/// The dump of every form of `text`, which must parse without diagnostics.
fn forms(text: &str) -> Vec<String> {
    let (m, d, map) = parse(text);
    let msgs: Vec<String> = d.iter().map(|d| d.render(&map)).collect();
    assert!(d.is_empty(), "unexpected diagnostics:\n{}", msgs.join(""));
    m.forms.iter().map(dump::form).collect()
}

fn form(text: &str) -> String {
    let f = forms(text);
    assert_eq!(f.len(), 1, "{f:?}");
    f.into_iter().next().unwrap_or_default()
}

/// The dump of the body of `f() -> TEXT.`.
fn expr(text: &str) -> String {
    let (m, d, map) = parse(&format!("f() -> {text}.\n"));
    let msgs: Vec<String> = d.iter().map(|d| d.render(&map)).collect();
    assert!(d.is_empty(), "unexpected diagnostics:\n{}", msgs.join(""));
    match &m.forms[0] {
        Form::Function(f) => {
            let b: Vec<String> = f.clauses[0].body.iter().map(dump::expression).collect();
            b.join(" ")
        }
        other => panic!("not a function: {other:?}"),
    }
}

fn errors(text: &str) -> Vec<String> {
    let (_, d, map) = parse(text);
    d.iter()
        .map(|d| {
            let (l, c) = map.line_col(d.span);
            format!("{l}:{c}: {}", d.message)
        })
        .collect()
}

#[test]
fn precedence_mult_over_add() {
    assert_eq!(
        expr("a + b * c"),
        "(op + (atom a) (op * (atom b) (atom c)))"
    );
    assert_eq!(
        expr("a - b - c"),
        "(op - (op - (atom a) (atom b)) (atom c))"
    );
}

#[test]
fn match_and_send_are_right_associative() {
    assert_eq!(expr("X = Y = 1"), "(match (var X) (match (var Y) (int 1)))");
    assert_eq!(expr("A ! B ! C"), "(op ! (var A) (op ! (var B) (var C)))");
}

#[test]
fn not_binds_tighter_than_andalso() {
    assert_eq!(
        expr("not a andalso b"),
        "(op andalso (op not (atom a)) (atom b))"
    );
    assert_eq!(
        expr("a orelse b andalso c"),
        "(op orelse (atom a) (op andalso (atom b) (atom c)))"
    );
}

#[test]
fn list_ops_are_right_associative() {
    assert_eq!(
        expr("A ++ B -- C"),
        "(op ++ (var A) (op -- (var B) (var C)))"
    );
}

#[test]
fn comparison_is_not_associative() {
    assert_eq!(
        errors("f() -> 1 < 2 < 3.\n"),
        vec!["1:14: syntax error before: '<'"]
    );
    assert_eq!(expr("1 + 1 == 2"), "(op == (op + (int 1) (int 1)) (int 2))");
}

#[test]
fn unary_minus_on_literals_folds() {
    assert_eq!(expr("-1"), "(int -1)");
    assert_eq!(expr("- 2.5"), "(float -2.5)");
    assert_eq!(expr("-X"), "(op - (var X))");
    assert_eq!(expr("1 - -1"), "(op - (int 1) (int -1))");
    assert_eq!(
        form("f(-1) -> ok.\n"),
        "(function f/1 (clause ((int -1)) (-> (atom ok))))"
    );
}

#[test]
fn catch_takes_a_whole_expression() {
    assert_eq!(expr("catch 1 + 2"), "(catch (op + (int 1) (int 2)))");
    assert_eq!(expr("catch X = 1"), "(catch (match (var X) (int 1)))");
    assert_eq!(expr("X = catch 1"), "(match (var X) (catch (int 1)))");
    // As in erl_parse, `catch` may be any operand and takes all to its right.
    assert_eq!(
        expr("1 + catch 2 * 3"),
        "(op + (int 1) (catch (op * (int 2) (int 3))))"
    );
    assert_eq!(
        expr("- catch 1 + 2"),
        "(op - (catch (op + (int 1) (int 2))))"
    );
    assert_eq!(
        expr("{+catch X, not catch a}"),
        "(tuple (op + (catch (var X))) (op not (catch (atom a))))"
    );
    assert_eq!(
        expr("A ! catch B ! C"),
        "(op ! (var A) (catch (op ! (var B) (var C))))"
    );
}

#[test]
fn record_chains() {
    assert_eq!(expr("#r{}"), "(record r)");
    assert_eq!(
        expr("#r{a = 1, _ = 2}"),
        "(record r (a (int 1)) (_ (int 2)))"
    );
    assert_eq!(expr("#r.f"), "(record_index r f)");
    assert_eq!(
        expr("X#r.a#r.b"),
        "(record_field (record_field (var X) r a) r b)"
    );
    assert_eq!(
        expr("X#r{a = 1}#r.a"),
        "(record_field (record_update (var X) r (a (int 1))) r a)"
    );
    assert_eq!(
        expr("#r{}#r{a = 2}"),
        "(record_update (record r) r (a (int 2)))"
    );
}

#[test]
fn map_expressions_and_updates() {
    assert_eq!(expr("#{}"), "(map)");
    assert_eq!(
        expr("#{a => 1, b => #{}}"),
        "(map (=> (atom a) (int 1)) (=> (atom b) (map)))"
    );
    assert_eq!(
        expr("M#{k := v}"),
        "(map_update (var M) (:= (atom k) (atom v)))"
    );
    assert_eq!(
        expr("A#{a => 1}#{b => 2}"),
        "(map_update (map_update (var A) (=> (atom a) (int 1))) (=> (atom b) (int 2)))"
    );
    assert_eq!(
        expr("#{a => 1}#{b => 2}"),
        "(map_update (map (=> (atom a) (int 1))) (=> (atom b) (int 2)))"
    );
}

#[test]
fn calls_local_remote_and_of_funs() {
    assert_eq!(expr("f(X)"), "(call (atom f) (var X))");
    assert_eq!(
        expr("m:f(X, 1)"),
        "(remote (atom m) (atom f) (var X) (int 1))"
    );
    assert_eq!(expr("M:F()"), "(remote (var M) (var F))");
    assert_eq!(
        expr("(fun() -> ok end)()"),
        "(call (fun (clause () (-> (atom ok)))))"
    );
    assert_eq!(expr("F(1)"), "(call (var F) (int 1))");
    assert_eq!(
        errors("f(F) -> F(1)(2).\n"),
        vec!["1:13: syntax error before: '('"]
    );
    assert_eq!(errors("g() -> a:b.\n"), vec!["1:8: illegal expression"]);
}

#[test]
fn lists_strings_tuples() {
    assert_eq!(expr("[]"), "nil");
    assert_eq!(expr("[1, 2 | T]"), "(cons (int 1) (cons (int 2) (var T)))");
    assert_eq!(expr("[a]"), "(cons (atom a) nil)");
    assert_eq!(expr("\"ab\" \"c\""), "(string \"abc\")");
    assert_eq!(expr("{}"), "(tuple)");
    assert_eq!(
        expr("{a, $b, 1.5}"),
        "(tuple (atom a) (int 98) (float 1.5))"
    );
    assert_eq!(expr("\"abc\" ++ T"), "(op ++ (string \"abc\") (var T))");
}

#[test]
fn macro_before_adjacent_string() {
    assert_eq!(
        forms("-define(M, \"x\").\nf() -> ?M \"abc\".\n"),
        vec!["(function f/0 (clause () (-> (string \"xabc\"))))"]
    );
}

#[test]
fn binaries_with_all_segment_forms() {
    assert_eq!(
        expr("<<X:8/little-signed-integer-unit:1, Y/binary, \"abc\", (1+2):8, <<>>/binary>>"),
        "(bin (seg (var X) :(int 8) /little /signed /integer /unit:1) \
         (seg (var Y) /binary) (seg (string \"abc\")) \
         (seg (op + (int 1) (int 2)) :(int 8)) (seg (bin) /binary))"
    );
    assert_eq!(expr("<<>>"), "(bin)");
    assert_eq!(expr("<<-1:8>>"), "(bin (seg (int -1) :(int 8)))");
    assert_eq!(
        expr("<<X:(N*8)>>"),
        "(bin (seg (var X) :(op * (var N) (int 8))))"
    );
}

#[test]
fn comprehensions() {
    assert_eq!(
        expr("[X * 2 || X <- L, X > 1]"),
        "(lc (op * (var X) (int 2)) (<- (var X) (var L)) (op > (var X) (int 1)))"
    );
    assert_eq!(
        expr("<< <<B>> || <<B:8>> <= Bin >>"),
        "(bc (bin (seg (var B))) (<= (bin (seg (var B) :(int 8))) (var Bin)))"
    );
    assert_eq!(
        expr("[{K, V} || {K, V} <- maps:to_list(M)]"),
        "(lc (tuple (var K) (var V)) (<- (tuple (var K) (var V)) (remote (atom maps) (atom to_list) (var M))))"
    );
}

#[test]
fn block_case_if() {
    assert_eq!(expr("begin a, b end"), "(block (atom a) (atom b))");
    assert_eq!(
        expr("case X of {ok, V} when V > 0; V < -5 -> V; _ -> 0 end"),
        "(case (var X) (clause ((tuple (atom ok) (var V))) (when ((op > (var V) (int 0))) ((op < (var V) (int -5)))) (-> (var V))) (clause ((var _)) (-> (int 0))))"
    );
    assert_eq!(
        expr("if X > 1, X < 5 -> a; true -> b end"),
        "(if (clause () (when ((op > (var X) (int 1)) (op < (var X) (int 5)))) (-> (atom a))) (clause () (when ((atom true))) (-> (atom b))))"
    );
}

#[test]
fn receive_forms() {
    assert_eq!(
        expr("receive {msg, M} -> M end"),
        "(receive (clause ((tuple (atom msg) (var M))) (-> (var M))))"
    );
    assert_eq!(
        expr("receive after 100 -> timeout end"),
        "(receive (after (int 100) (-> (atom timeout))))"
    );
    assert_eq!(
        expr("receive X -> X after T -> ok end"),
        "(receive (clause ((var X)) (-> (var X))) (after (var T) (-> (atom ok))))"
    );
}

#[test]
fn try_forms() {
    assert_eq!(
        expr("try f() of ok -> 1 catch throw:X -> X; error:R:S when R =/= a -> S; E -> E after g() end"),
        "(try ((call (atom f))) (of (clause ((atom ok)) (-> (int 1)))) \
         (catch_clause (atom throw) (var X) (-> (var X))) \
         (catch_clause (atom error) (var R) (var S) (when ((op =/= (var R) (atom a)))) (-> (var S))) \
         (catch_clause _ (var E) (-> (var E))) (after (call (atom g))))"
    );
    assert_eq!(
        expr("try a after b end"),
        "(try ((atom a)) (after (atom b)))"
    );
    assert_eq!(
        expr("try a catch _:_:S -> S; C:{x, _} -> C end"),
        "(try ((atom a)) (catch_clause (var _) (var _) (var S) (-> (var S))) \
         (catch_clause (var C) (tuple (atom x) (var _)) (-> (var C))))"
    );
}

#[test]
fn fun_forms() {
    assert_eq!(expr("fun f/1"), "(fun_ref (atom f) (int 1))");
    assert_eq!(expr("fun m:f/1"), "(fun_ref (atom m) (atom f) (int 1))");
    assert_eq!(expr("fun M:F/A"), "(fun_ref (var M) (var F) (var A))");
    assert_eq!(
        expr("fun (X) when X > 0 -> X; (_) -> 0 end"),
        "(fun (clause ((var X)) (when ((op > (var X) (int 0)))) (-> (var X))) (clause ((var _)) (-> (int 0))))"
    );
    assert_eq!(
        expr("fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end"),
        "(fun Fact (clause ((int 0)) (-> (int 1))) (clause ((var N)) (-> (op * (var N) (call (var Fact) (op - (var N) (int 1)))))))"
    );
}

#[test]
fn function_clauses_and_head_mismatch() {
    assert_eq!(
        form("f(0) -> a;\nf(N) when is_integer(N) -> b.\n"),
        "(function f/1 (clause ((int 0)) (-> (atom a))) (clause ((var N)) (when ((call (atom is_integer) (var N)))) (-> (atom b))))"
    );
    assert_eq!(
        errors("m(X) -> X;\nn(Y) -> Y.\n"),
        vec!["2:1: head mismatch"]
    );
    assert_eq!(
        errors("m(X) -> X;\nm(X, Y) -> Y.\n"),
        vec!["2:1: head mismatch"]
    );
}

#[test]
fn patterns() {
    assert_eq!(
        form("f({X, [H | T]} = A, #{k := V}, #r{a = 1}, <<B:8, _/binary>>, \"ab\" ++ R) -> ok.\n"),
        "(function f/5 (clause ((match (tuple (var X) (cons (var H) (var T))) (var A)) \
         (map (:= (atom k) (var V))) (record r (a (int 1))) \
         (bin (seg (var B) :(int 8)) (seg (var _) /binary)) \
         (op ++ (string \"ab\") (var R))) (-> (atom ok))))"
    );
}

#[test]
fn module_attributes() {
    assert_eq!(
        forms("-module(m).\n-export([f/1, g/2]).\n-export_type([t/0]).\n-import(lists, [map/2]).\n-compile(export_all).\n-behaviour(gen_server).\n-behavior(x).\n-vsn(\"1\").\n-my_attr({a, [1]}).\n"),
        vec![
            "(attribute module m)",
            "(attribute export [f/1, g/2])",
            "(attribute export_type [t/0])",
            "(attribute import lists [map/2])",
            "(attribute compile (atom export_all))",
            "(attribute behaviour (atom gen_server))",
            "(attribute behavior (atom x))",
            "(attribute vsn (string \"1\"))",
            "(attribute my_attr (tuple (atom a) (cons (int 1) nil)))",
        ]
    );
    assert_eq!(errors("-foo(a, b).\n"), vec!["1:9: bad attribute"]);
    assert_eq!(errors("-export(foo).\n"), vec!["1:9: bad Name/Arity"]);
    assert_eq!(
        errors("-export([g1, 1]).\n-import(lists, [a]).\n-module(1).\n"),
        vec![
            "1:9: bad Name/Arity",
            "2:16: bad Name/Arity",
            "3:9: bad module declaration"
        ]
    );
    assert_eq!(
        forms("-compile({inline, [f/1]}).\n-on_load(init/0).\n"),
        vec![
            "(attribute compile (tuple (atom inline) (cons (tuple (atom f) (int 1)) nil)))",
            "(attribute on_load (tuple (atom init) (int 0)))",
        ]
    );
}

#[test]
fn record_declarations() {
    assert_eq!(
        form("-record(r, {a, b = 1, c :: integer(), d = [] :: [atom()]}).\n"),
        "(record r (field a) (field b = (int 1)) (field c :: (call integer)) \
         (field d = nil :: (list (call atom))))"
    );
}

#[test]
fn bad_record_and_type_declarations() {
    assert_eq!(
        errors("-record(r, {a, f(x)}).\n-record(R, {}).\n-type t(_) :: x.\n-type u() :: <<X:8>>.\n-type v() :: <<_:_*8, _:4>>.\n"),
        vec![
            "1:16: bad record field",
            "2:9: bad record declaration",
            "3:9: bad type variable",
            "4:16: Bad binary type",
            "5:21: syntax error before: ','",
        ]
    );
}

#[test]
fn bare_remote_is_illegal_unless_a_syntax_error_comes_first() {
    assert_eq!(errors("g() -> a:b.\n"), vec!["1:8: illegal expression"]);
    assert_eq!(
        errors("f(L) -> [B || B:8>> <= L].\n"),
        vec!["1:18: syntax error before: '>>'"]
    );
}

#[test]
fn type_declarations() {
    assert_eq!(
        form("-type t(A) :: {A, 1..10} | [A, ...] | #{atom() => A, b := -1} | fun((A) -> ok) | fun() | fun((...) -> A) | #r{a :: integer()} | <<_:8, _:_*4>> | <<>> | m:t() | 1 bsl 8 | [] | {} | Name :: atom().\n"),
        "(attribute type t ((var A)) (union (tuple (var A) (range (integer 1) (integer 10))) \
         (nonempty_list (var A)) \
         (map (map_assoc (call atom) (var A)) (map_exact (atom b) (integer -1))) \
         (fun (product (var A)) (atom ok)) (any_fun) (any_arity_fun (var A)) \
         (record r (field a (call integer))) (binary (integer 8) (integer 4)) \
         (binary (integer 0) (integer 0)) (remote m:t) \
         (op bsl (integer 1) (integer 8)) (nil) (tuple) (ann Name (call atom))))"
    );
    assert_eq!(
        form("-opaque o() :: term().\n"),
        "(attribute opaque o () (call term))"
    );
}

#[test]
fn spec_and_callback() {
    assert_eq!(
        form("-spec f(X) -> Y when X :: integer(), Y :: atom(); (a) -> b.\n"),
        "(attribute spec f/1 (bounded (fun (product (var X)) (var Y)) \
         (constraint is_subtype (var X) (call integer)) (constraint is_subtype (var Y) (call atom))) \
         (fun (product (atom a)) (atom b)))"
    );
    assert_eq!(
        form("-spec m:g() -> ok.\n"),
        "(attribute spec m:g/0 (fun (product) (atom ok)))"
    );
    assert_eq!(
        form("-callback init(Args :: term()) -> {ok, State :: term()}.\n"),
        "(attribute callback init/1 (fun (product (ann Args (call term))) \
         (tuple (atom ok) (ann State (call term)))))"
    );
}

#[test]
fn error_recovery_reports_every_bad_form() {
    let text = "-module(e).\nf() -> ).\ng() -> ok.\nh() -> foo bar.\nk() -> 'B' x.\nl() -> .\n";
    assert_eq!(
        errors(text),
        vec![
            "2:8: syntax error before: ')'",
            "4:12: syntax error before: bar",
            "5:12: syntax error before: x",
            "6:8: syntax error before: '.'",
        ]
    );
    let (m, _, _) = parse(text);
    assert_eq!(m.forms.len(), 6);
    assert!(matches!(m.forms[1], Form::Error(_)));
    assert!(matches!(m.forms[2], Form::Function(_)));
}

#[test]
fn missing_final_dot() {
    assert_eq!(
        errors("f() -> ok.\ng() -> ok"),
        vec!["2:8: syntax error before: "]
    );
}

#[test]
fn lexer_and_preprocessor_errors_are_reported_with_parse_errors() {
    assert_eq!(
        errors("f() -> ?X.\ng() -> ).\n"),
        vec!["1:9: undefined macro 'X'", "2:8: syntax error before: ')'",]
    );
}

#[test]
fn lone_dot_and_empty_forms_do_not_panic() {
    assert_eq!(errors(".\n"), vec!["1:1: syntax error before: '.'"]);
    assert_eq!(errors("-.\n"), vec!["1:2: syntax error before: '.'"]);
    assert_eq!(errors("f"), vec!["1:1: syntax error before: "]);
}

#[test]
fn type_errors_as_otp_reads_type_attributes() {
    // OTP reads the head as an expression: `::` cannot stand inside it.
    assert_eq!(
        errors("-opaque q(Item :: {list(Item)}.\n"),
        vec!["1:16: syntax error before: '::'"]
    );
    // After the head's `::`, the type grammar's error stands.
    assert_eq!(
        errors("-type(o() :: {a, , b}).\n"),
        vec!["1:18: syntax error before: ','"]
    );
    assert_eq!(
        errors("-type +() :: x.\n"),
        vec!["1:9: syntax error before: ')'"]
    );
    assert_eq!(errors("-type t() x.\n"), vec!["1:7: bad attribute"]);
    assert_eq!(errors("-type  License.\n"), vec!["1:8: bad attribute"]);
}

#[test]
fn maybe_is_an_atom_without_the_feature() {
    assert_eq!(expr("maybe"), "(atom maybe)");
    assert_eq!(expr("{else, maybe}"), "(tuple (atom else) (atom maybe))");
}

#[test]
fn maybe_expressions_become_cases() {
    let f = forms(
        "-feature(maybe_expr, enable).\n\
         f(X) -> maybe {ok, A} ?= X, A + 1 end.\n\
         g(X) -> maybe {ok, A} ?= X else {error, E} -> E end.\n",
    );
    assert_eq!(
        f[0],
        "(function f/1 (clause ((var X)) (-> (block (match (var maybe@38@0) (var X)) \
         (case (var maybe@38@0) (clause ((tuple (atom ok) (var A))) (-> (op + (var A) (int 1)))) \
         (clause ((var _)) (-> (var maybe@38@0))))))))"
    );
    assert_eq!(
        f[1],
        "(function g/1 (clause ((var X)) (-> (block (match (var maybe@77@0) (var X)) \
         (case (var maybe@77@0) (clause ((tuple (atom ok) (var A))) (-> (var maybe@77@0))) \
         (clause ((var _)) (-> (case (var maybe@77@0) \
         (clause ((tuple (atom error) (var E))) (-> (var E))) \
         (clause ((var maybe@77@0@else)) (-> (remote (atom erlang) (atom error) \
         (tuple (atom else_clause) (var maybe@77@0@else)))))))))))))"
    );
}

#[test]
fn feature_directive_errors() {
    assert_eq!(
        errors(
            "-module(m).\n-export([f/0]).\n-feature(maybe_expr, enable).\n-feature(foo, enable).\n"
        ),
        vec![
            "3:2: feature directive not allowed after exports or record definitions",
            "4:2: feature directive not allowed after exports or record definitions",
        ]
    );
    assert_eq!(
        errors("-module(m).\n-feature(foo, enable).\n-feature(maybe_expr, on).\n"),
        vec![
            "2:2: the feature 'foo' does not exist.",
            "3:9: badly formed 'feature'",
        ]
    );
}
