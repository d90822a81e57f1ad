//! Process aliases: what conformance tests (which run on OTP too) cannot
//! see. The runtime's alias table, which lets a sender find an alias's
//! owner, holds an entry exactly while the alias is active, and nothing of
//! a process that has ended.

use ferl_runtime::code::loader;
use ferl_runtime::code::path::{CodePath, Source};
use ferl_runtime::entry;
use ferl_runtime::sched::{Outcome, Runtime};
use ferl_runtime::term::{Atom, Term};
use std::sync::Arc;
use std::time::Duration;

/// `t:run()` ends aliases every way there is: owners that end (normally,
/// killed, or with a monitor alias pending), a `reply` alias answered, a
/// monitor alias whose process ended, `unalias/1`; it keeps one alias
/// active, then registers itself as `ready` and waits for `go`.
const ALIASES: &str = r#"
-module(t).
-export([run/0]).
run() ->
    Self = self(),
    Owners = [spawn(fun() -> owner(Self, N) end) || N <- lists:seq(1, 50)],
    [receive {made, O} -> ok end || O <- Owners],
    Idle = hd(Owners),
    exit(Idle, kill),
    [wait_down(O) || O <- Owners],
    Keep = erlang:alias(),
    Reply = erlang:alias([reply]),
    Reply ! answer,
    receive answer -> ok end,
    Target = spawn(fun() -> receive stop -> ok end end),
    M = monitor(process, Target, [{alias, reply_demonitor}]),
    Target ! stop,
    receive {'DOWN', M, process, Target, normal} -> ok end,
    true = erlang:unalias(erlang:alias()),
    register(ready, Self),
    receive go -> Keep ! kept, receive kept -> ok end after 10000 -> timeout end.
owner(Parent, N) ->
    _ = erlang:alias(),
    _ = erlang:alias([reply]),
    _ = monitor(process, Parent, [{alias, demonitor}]),
    Parent ! {made, self()},
    case N of
        1 -> receive never -> ok end;
        _ -> ok
    end.
wait_down(Pid) ->
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, Pid, _} -> ok end.
"#;

fn compile(rt: &Runtime, module: &str) {
    let src = Source {
        display: "t.erl".into(),
        text: module.to_string(),
        dir: None,
        undecodable: false,
    };
    let code = loader::compile(&src, &rt.code.path).unwrap_or_else(|e| panic!("{e}"));
    rt.code.install(loader::link(code).unwrap());
}

#[test]
fn the_alias_table_keeps_only_active_aliases_of_live_processes() {
    let rt = entry::runtime(CodePath::new(Vec::new()));
    compile(&rt, ALIASES);
    let runner = {
        let rt: Arc<Runtime> = rt.clone();
        std::thread::spawn(move || {
            entry::call(
                &rt,
                Atom::from_static("t"),
                Atom::from_static("run"),
                vec![],
            )
            .unwrap()
        })
    };
    // Bounded: the program registers `ready` once every owner has ended.
    let mut ready = None;
    for _ in 0..10_000 {
        ready = rt.whereis(Atom::from_static("ready"));
        if ready.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let main = ready.expect("t:run/0 never got ready");
    assert_eq!(rt.alias_count(), 1, "only the alias kept by t:run/0");
    rt.send(main, Term::atom_str("go"));
    match runner.join().unwrap() {
        Outcome::Returned(Term::Atom(a)) => assert_eq!(a.name(), "ok"),
        other => panic!("expected ok, got {other:?}"),
    }
    assert_eq!(rt.alias_count(), 0);
}
