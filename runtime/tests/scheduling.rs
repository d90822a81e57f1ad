//! Scheduler properties that conformance tests (which run on OTP too)
//! cannot pin down: the deterministic single scheduler, preemption,
//! deadlock detection and the number of threads.

use ferl_runtime::code::loader;
use ferl_runtime::code::path::{CodePath, Source};
use ferl_runtime::entry;
use ferl_runtime::sched::Outcome;
use ferl_runtime::term::order::exact_eq;
use ferl_runtime::term::{Atom, Term};

/// Compiles `module` (which must be named `t` and export `run/0`) and runs
/// `t:run()` on `schedulers` scheduler threads.
fn run(module: &str, schedulers: usize) -> Outcome {
    let rt = entry::runtime(CodePath::new(Vec::new()));
    rt.set_schedulers(schedulers);
    let src = Source {
        display: "t.erl".into(),
        text: module.to_string(),
        dir: None,
        undecodable: false,
    };
    let code = loader::compile(&src, &rt.code.path).unwrap_or_else(|e| panic!("{e}"));
    rt.code.install(loader::link(code).unwrap());
    entry::call(
        &rt,
        Atom::from_static("t"),
        Atom::from_static("run"),
        vec![],
    )
    .unwrap()
}

fn returned(o: Outcome) -> Term {
    match o {
        Outcome::Returned(v) => v,
        other => panic!("expected a value, got {other:?}"),
    }
}

/// Five workers, each busy long enough to be preempted many times, report
/// progress to the caller; the order of the reports is the interleaving.
const INTERLEAVING: &str = r#"
-module(t).
-export([run/0]).
run() ->
    Self = self(),
    [spawn(fun() -> work(Self, W, 30) end) || W <- lists:seq(1, 5)],
    collect(5 * 30, []).
work(_, _, 0) -> ok;
work(To, W, N) ->
    spin(2000),
    To ! {W, N},
    work(To, W, N - 1).
spin(0) -> ok;
spin(K) -> spin(K - 1).
collect(0, Acc) -> lists:reverse(Acc);
collect(N, Acc) -> receive {W, _} -> collect(N - 1, [W | Acc]) end.
"#;

#[test]
fn one_scheduler_runs_the_same_interleaving_every_time() {
    let first = returned(run(INTERLEAVING, 1));
    let Some(order) = first.list_to_vec() else {
        panic!("not a list: {first:?}")
    };
    // Preemption interleaves the workers: the reports do not come in runs
    // of one worker at a time.
    assert!(order.windows(2).filter(|w| !exact_eq(&w[0], &w[1])).count() > 10);
    for _ in 0..4 {
        assert!(exact_eq(&returned(run(INTERLEAVING, 1)), &first));
    }
}

#[test]
fn a_busy_loop_does_not_starve_other_processes() {
    let module = r#"
-module(t).
-export([run/0]).
run() ->
    Busy = spawn(fun Loop() -> Loop() end),
    receive after 20 -> ok end,
    exit(Busy, kill),
    done.
"#;
    for schedulers in [1, 2] {
        assert!(exact_eq(
            &returned(run(module, schedulers)),
            &Term::atom_str("done")
        ));
    }
}

#[test]
fn a_program_whose_processes_all_wait_forever_ends() {
    let module = r#"
-module(t).
-export([run/0]).
run() ->
    spawn(fun() -> receive never -> ok end end),
    T = erlang:send_after(60000, self(), late),
    erlang:cancel_timer(T),
    receive never -> ok end.
"#;
    for schedulers in [1, 2, 4] {
        assert!(matches!(run(module, schedulers), Outcome::Deadlock));
    }
}

#[test]
fn the_number_of_schedulers_is_what_was_asked() {
    let module = r#"
-module(t).
-export([run/0]).
run() -> {erlang:system_info(schedulers), erlang:system_info(schedulers_online)}.
"#;
    for schedulers in [1, 3] {
        let n = Term::Int(schedulers as i64);
        let want = Term::tuple(vec![n.clone(), n]);
        assert!(exact_eq(&returned(run(module, schedulers)), &want));
    }
}
