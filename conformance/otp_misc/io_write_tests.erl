-module(io_write_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: io_lib:write/1,2 and io_lib:print/1 (exact deep-list
%% results, depth and chars_limit, encoding), io_lib:write_atom/
%% write_string/write_char edge cases, char_list/printable_* predicates,
%% and io:write/1,2, io:format/1,2,3, io:put_chars/1,2, io:nl/0,1 and
%% io:fwrite sent to a test I/O device (a process speaking the I/O
%% protocol, also installed as group leader), as OTP 25 has them. Text
%% sent to the device ends in a newline, so that a runtime which wrongly
%% prints it on standard output does not garble the runner's result lines.

id(X) -> X.

%% ---- a capturing I/O device ---------------------------------------------------

dev_start() -> spawn(fun() -> dev_loop([]) end).

dev_loop(Acc) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, Acc1} = dev_request(Req, Acc),
            From ! {io_reply, ReplyAs, Reply},
            dev_loop(Acc1);
        {get, From} ->
            From ! {self(), lists:reverse(Acc)},
            dev_loop(Acc);
        stop -> ok
    end.

dev_request({put_chars, Enc, Chars}, Acc) ->
    {ok, [unicode:characters_to_list(Chars, enc(Enc)) | Acc]};
dev_request({put_chars, Enc, M, F, A}, Acc) ->
    try apply(M, F, A) of
        Chars -> {ok, [unicode:characters_to_list(Chars, enc(Enc)) | Acc]}
    catch _:_ -> {{error, F}, Acc}
    end;
dev_request({put_chars, Chars}, Acc) ->
    dev_request({put_chars, latin1, Chars}, Acc);
dev_request({put_chars, M, F, A}, Acc) ->
    dev_request({put_chars, latin1, M, F, A}, Acc);
dev_request({requests, Reqs}, Acc) ->
    lists:foldl(fun(R, {_, A}) -> dev_request(R, A) end, {ok, Acc}, Reqs);
dev_request(getopts, Acc) ->
    {[{binary, false}, {encoding, unicode}], Acc};
dev_request(_, Acc) ->
    {{error, request}, Acc}.

enc(unicode) -> unicode;
enc(utf8) -> unicode;
enc(latin1) -> latin1.

dev_output(Dev) ->
    Dev ! {get, self()},
    receive {Dev, Out} -> lists:flatten(Out) after 5000 -> timeout end.

%% Runs F(Dev) and returns {F's result, everything written to Dev}.
with_dev(F) ->
    Dev = dev_start(),
    R = F(Dev),
    Out = dev_output(Dev),
    Dev ! stop,
    {R, Out}.

%% Runs F() with the device as group leader.
with_group_leader(F) ->
    Old = group_leader(),
    with_dev(fun(Dev) ->
                     group_leader(Dev, self()),
                     try F() after group_leader(Old, self()) end
             end).

%% ---- io_lib:write exact results -------------------------------------------------

write_tuple_deep_list_test() ->
    ?assertEqual([${, [[$a], $,, [$[, [[$9, $8]], $]], $,, [$<, $<, [[$9, $9]], $>, $>], $,,
                       [$1, $., $5], $,, [$[, [[$1], $,, [$2]], $]]], $}],
                 io_lib:write({a, "b", <<"c">>, 1.5, [1, 2]})).

write_empty_list_test() ->
    ?assertEqual("[]", io_lib:write([])).

write_quoted_atom_test() ->
    ?assertEqual("'hello world'", io_lib:write('hello world')).

write_negative_integer_test() ->
    ?assertEqual("-5", io_lib:write(-5)).

write_map_test() ->
    ?assertEqual("#{a => 1,b => [x]}", lists:flatten(io_lib:write(#{a => 1, b => [x]}))),
    ?assertEqual("#{}", lists:flatten(io_lib:write(#{}))).

write_bitstring_test() ->
    ?assertEqual("<<1,2,3:4>>", lists:flatten(io_lib:write(<<1, 2, 3:4>>))).

write_improper_list_test() ->
    ?assertEqual("{[1|2]}", lists:flatten(io_lib:write({[1 | 2]}))),
    ?assertEqual("[97|b]", lists:flatten(io_lib:write([$a | b]))).

write_string_as_list_test() ->
    ?assertEqual("[97,98,99]", lists:flatten(io_lib:write("abc"))).

write_empty_tuple_test() ->
    ?assertEqual("{}", lists:flatten(io_lib:write({}))).

write_fun_test() ->
    ?assertEqual("fun lists:map/2", lists:flatten(io_lib:write(fun lists:map/2))).

write_float_test() ->
    ?assertEqual("1.0e100", lists:flatten(io_lib:write(1.0e100))),
    ?assertEqual("0.1", lists:flatten(io_lib:write(0.1))).

write_depth_test() ->
    ?assertEqual("[1,2|...]", lists:flatten(io_lib:write([1, 2, 3, 4, 5, 6, 7, 8], 3))),
    ?assertEqual("{a,...}", lists:flatten(io_lib:write({a, {b, {c, {d}}}}, 2))).

write_depth_option_test() ->
    ?assertEqual("[97|...]", lists:flatten(io_lib:write("abc", [{depth, 2}]))).

write_chars_limit_test() ->
    ?assertEqual("[...]", lists:flatten(io_lib:write([a, b], [{chars_limit, 3}]))).

write_unicode_atom_test() ->
    A = list_to_atom([16#3B1]),
    ?assertEqual("'\\x{3B1}'", lists:flatten(io_lib:write(A))),
    ?assertEqual([$', 16#3B1, $'], lists:flatten(io_lib:write(A, [{encoding, unicode}]))).

print_test() ->
    ?assertEqual([${, [[$a], $,, [$", $b, $"]], $}], io_lib:print({a, "b"})),
    ?assertEqual("\"abc\"", lists:flatten(io_lib:print("abc"))).

%% ---- write_atom / write_string / write_char -----------------------------

write_atom_edge_cases_test() ->
    ?assertEqual("''", lists:flatten(io_lib:write_atom(''))),
    ?assertEqual("'don\\'t'", lists:flatten(io_lib:write_atom('don\'t'))),
    ?assertEqual("'Foo'", lists:flatten(io_lib:write_atom('Foo'))),
    ?assertEqual("'fun'", lists:flatten(io_lib:write_atom('fun'))),
    ?assertEqual("a@b", lists:flatten(io_lib:write_atom('a@b'))).

write_string_escapes_test() ->
    ?assertEqual("\"a\\\"b\\n\"", lists:flatten(io_lib:write_string("a\"b\n"))).

write_string_unicode_test() ->
    ?assertEqual([$", 16#3B1, $"], lists:flatten(io_lib:write_string([16#3B1]))),
    ?assertEqual([$", 16#E9, $"], lists:flatten(io_lib:write_latin1_string([16#E9]))).

write_char_nul_test() ->
    ?assertEqual("$\\000", lists:flatten(io_lib:write_char(0))).

%% ---- predicates ---------------------------------------------------------------

char_list_test() ->
    ?assert(io_lib:char_list([16#3B1])),
    ?assertNot(io_lib:char_list([-1])),
    ?assertNot(io_lib:char_list(foo)),
    ?assert(io_lib:char_list([])).

printable_list_latin1_range_test() ->
    ?assert(io_lib:printable_list("abc\n")),
    ?assert(io_lib:printable_list([16#E9])),
    ?assertNot(io_lib:printable_list([16#3B1])),
    ?assert(io_lib:printable_list([])).

printable_unicode_list_test() ->
    ?assert(io_lib:printable_unicode_list([16#3B1])),
    ?assertNot(io_lib:printable_unicode_list([1])),
    ?assert(io_lib:printable_latin1_list([16#E9])).

deep_char_list_test() ->
    ?assert(io_lib:deep_char_list(["ab", [$c]])),
    ?assertNot(io_lib:deep_char_list(["ab", [a]])).

%% ---- io:* to an I/O device ---------------------------------------------------

io_write_to_device_test() ->
    ?assertEqual({ok, "{a,[98],[1,2]}\n"}, with_dev(fun(D) -> ok = io:write(D, {a, "b", [1, 2]}), io:nl(D) end)).

io_write_group_leader_test() ->
    ?assertEqual({ok, "[1,{x}]\n"}, with_group_leader(fun() -> ok = io:write([1, {x}]), io:nl() end)).

io_nl_test() ->
    ?assertEqual({ok, "\n"}, with_dev(fun(D) -> io:nl(D) end)),
    ?assertEqual({ok, "\n"}, with_group_leader(fun() -> io:nl() end)).

io_format_to_device_test() ->
    ?assertEqual({ok, "x=42 y=\"s\"\n"}, with_dev(fun(D) -> io:format(D, "x=~w y=~p~n", [42, "s"]) end)).

io_format_group_leader_test() ->
    ?assertEqual({ok, "hello\n"}, with_group_leader(fun() -> io:format("hello~n") end)),
    ?assertEqual({ok, "ab\n"}, with_group_leader(fun() -> io:format("a~s~n", ["b"]) end)).

io_fwrite_test() ->
    ?assertEqual({ok, "3\n"}, with_dev(fun(D) -> io:fwrite(D, "~b~n", [3]) end)).

io_put_chars_test() ->
    ?assertEqual({ok, "abc\n"}, with_dev(fun(D) -> io:put_chars(D, ["a", <<"b">>, $c, "\n"]) end)),
    ?assertEqual({ok, "xy\n"}, with_group_leader(fun() -> io:put_chars("xy\n") end)).

io_put_chars_unicode_test() ->
    ?assertEqual({ok, [16#3B1, $\n]}, with_dev(fun(D) -> io:put_chars(D, [16#3B1, $\n]) end)).

io_format_unicode_test() ->
    ?assertEqual({ok, [16#3B1, $!, $\n]}, with_dev(fun(D) -> io:format(D, "~ts!~n", [[16#3B1]]) end)).

io_several_writes_in_order_test() ->
    ?assertEqual({ok, "1\n2\n"},
                 with_dev(fun(D) -> io:format(D, "1~n", []), io:format(D, "2~n", []) end)).

io_format_bad_arguments_badarg_test() ->
    ?assertError(badarg, with_dev(fun(D) -> io:format(D, "~w ~w", [a]) end)).

io_format_to_dead_device_terminated_test() ->
    D = spawn(fun() -> ok end),
    Ref = monitor(process, D),
    receive {'DOWN', Ref, process, D, _} -> ok after 5000 -> ok end,
    ?assertError(terminated, io:format(D, "x~n", [])).

io_request_reaches_device_test() ->
    Self = self(),
    Dev = spawn(fun() ->
                        receive {io_request, From, ReplyAs, Req} ->
                                Self ! {request, element(1, Req)},
                                From ! {io_reply, ReplyAs, ok}
                        end
                end),
    ?assertEqual(ok, io:put_chars(Dev, "x\n")),
    ?assertEqual(put_chars, receive {request, R} -> R after 5000 -> timeout end).
