//! Runtime tests as a table: each snippet is the body of a function whose
//! value is printed with `~p`; the expected text was taken from OTP 25
//! (`erl -noshell -eval 'io:format("~p", [begin SNIPPET end])'`).

use ferl_runtime::code::loader;
use ferl_runtime::code::path::{CodePath, Source};
use ferl_runtime::entry;
use ferl_runtime::sched::Outcome;
use ferl_runtime::term::Atom;

/// Compiles `body` as `t:run/0`, runs it and returns `~p` of its value,
/// or `Class:Reason` of the exception.
fn eval(body: &str) -> String {
    let rt = entry::runtime(CodePath::new(Vec::new()));
    let text = format!(
        "-module(t).\n-export([run/0]).\n-record(r, {{a = 1, b}}).\nrun() ->\n    V = try begin {body} end catch Cls__:Rsn__ -> {{caught, Cls__, Rsn__}} end,\n    lists:flatten(io_lib:format(\"~p\", [V])).\n"
    );
    let src = Source {
        display: "t.erl".into(),
        text,
        dir: None,
        undecodable: false,
    };
    let code = loader::compile(&src, &rt.code.path).unwrap_or_else(|e| panic!("{e}"));
    rt.code.install(loader::link(code).unwrap());
    match entry::call(
        &rt,
        Atom::from_static("t"),
        Atom::from_static("run"),
        vec![],
    )
    .unwrap()
    {
        Outcome::Returned(v) => v.list_to_string().unwrap(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn snippets_print_what_otp_prints() {
    let table: &[(&str, &str)] = &[
        ("1 + 2", "3"),
        ("(1 bsl 64) * 3", "55340232221128654848"),
        ("7 div -2", "-3"),
        ("-7 rem 2", "-1"),
        ("1 / 3", "0.3333333333333333"),
        ("[X * X || X <- lists:seq(1, 5), X rem 2 =:= 1]", "[1,9,25]"),
        ("<< <<X:4>> || X <- [1,2,3,4] >>", "<<18,52>>"),
        ("#r{b = 2}", "{r,1,2}"),
        ("R = #r{}, R#r{a = 5}", "{r,5,undefined}"),
        ("M = #{a => 1}, M#{b => 2}", "#{a => 1,b => 2}"),
        ("#{a := W} = #{a => 7}, W", "7"),
        ("<<A:8, B/binary>> = <<1, 2, 3>>, {A, B}", "{1,<<2,3>>}"),
        ("F = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end, F(20)", "2432902008176640000"),
        ("M = lists, F = reverse, M:F([1,2,3])", "[3,2,1]"),
        ("try throw(x) catch throw:X -> {got, X} end", "{got,x}"),
        ("C = error, try erlang:raise(C, boom, []) catch C:R -> R end", "boom"),
        ("{'EXIT', {badarith, [Top, Next | _]}} = (catch 1 + a), {Top, Next}", "{{erlang,'+',[1,a],[{error_info,#{module => erl_erts_errors}}]},\n {t,run,0,[{file,\"t.erl\"},{line,5}]}}"),
        ("X = 1, X = 2", "{caught,error,{badmatch,2}}"),
        ("case 3 of 1 -> a end", "{caught,error,{case_clause,3}}"),
        ("lists:foo()", "{caught,error,undef}"),
        ("<<1,2>> =:= <<1,3>>", "false"),
        ("lists:sort([b, 1, \"s\", {t}, 2.0])", "[1,2.0,b,{t},\"s\"]"),
        ("term_to_binary({a, 1})", "<<131,104,2,100,0,1,97,97,1>>"),
        ("erlang:phash2({a, 1})", "72425156"),
        ("self() ! hi, receive hi -> got after 0 -> none end", "got"),
        ("receive x -> x after 10 -> timeout end", "timeout"),
        ("lists:flatten(io_lib:format(\"~5.2f|~-4s|~b\", [3.14159, \"ab\", 255]))", "\" 3.14|ab  |255\""),
    ];
    for (body, expected) in table {
        assert_eq!(eval(body), *expected, "snippet: {body}");
    }
}

#[test]
fn every_embedded_library_module_compiles() {
    let path = CodePath::new(Vec::new());
    for name in ferl_runtime::code::path::embedded_modules() {
        let src = path.find_module(&name).unwrap();
        if let Err(e) = loader::compile(&src, &path) {
            panic!("{name} does not compile:\n{e}");
        }
    }
}
