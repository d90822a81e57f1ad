%% @doc Compares ferl's `io_lib' (renamed `ferl_io_lib'; its BIF stubs call
%% OTP's) with OTP's. Results are compared flattened where OTP returns deep
%% character lists.
-module(stdlib2_prop_io_lib).
-export([run/1]).
-import(stdlib2_prop, [oneof/1, list_of/1, list_of/2, int/2]).

run(N) ->
    C = [{F, fun() -> [gen(A) || A <- As] end} || {F, As} <- cases()],
    stdlib2_prop:check(io_lib, ferl_io_lib, C, N, fun norm/1).

norm({ok, V}) -> {ok, flat(V)};
norm(E) -> E.

flat(L) when is_list(L) ->
    case io_lib:deep_char_list(L) of
        true -> lists:flatten(L);
        false -> L
    end;
flat(X) -> X.

cases() ->
    [{write, [term, depth]}, {print, [term]}, {print, [term, col, ll, depth]},
     {nl, []}, {write_atom, [atom]}, {write_atom_as_latin1, [atom]},
     {write_string, [str]}, {write_string, [str, q]},
     {write_latin1_string, [str]}, {write_latin1_string, [str, q]},
     {write_char, [ch]}, {write_latin1_char, [ch]}, {char_list, [any]},
     {deep_char_list, [any]}, {latin1_char_list, [any]},
     {deep_latin1_char_list, [any]}, {printable_list, [any]},
     {printable_latin1_list, [any]}, {printable_unicode_list, [any]},
     {chars_length, [any]}, {indentation, [str, col]},
     {fread, [fmt, input]}, {write_string_as_latin1, [str]},
     {write_string_as_latin1, [str, q]}, {write_unicode_string, [str]},
     {write_char_as_latin1, [ch]}, {write_unicode_char, [ch]},
     {deep_unicode_char_list, [any]}, {write, [term, depth, bool]},
     {format, [fmtout, term1, opts]}, {fwrite, [fmtout, term1, opts]}].

ch() -> oneof([$a, $Z, $_, $@, $0, $\s, $', $", $\\, $\n, 0, 7, 27, 127, 128,
               160, 200, 223, 215, 247, 255, 256, 16#1F600, 16#D800, $\t]).
gen(term) -> oneof([{a, [1, 2, "str"], <<"bin">>}, [x, [y, [z, [w]]]], 'A b', 1.5,
                    lists:seq(1, 30), #{k => v}, "abc"]);
gen(bool) -> oneof([true, false]);
gen(fmtout) -> oneof(["~p", "~w~n", "x~sy"]);
gen(term1) -> [oneof([abc, "str", [1, 2]])];
gen(opts) -> oneof([[], [{chars_limit, -1}]]);
gen(depth) -> oneof([-1, 1, 2, 3, 5]);
gen(col) -> int(0, 20);
gen(ll) -> oneof([20, 40, 80]);
gen(atom) -> oneof(['', abc, 'Abc', 'a b', 'cond', 'maybe', 'else', list_to_atom([16#E4]), list_to_atom([16#DF, $x]),
                    list_to_atom([$a, 16#D7]), '_a', 'a@b', 'a.b', list_to_atom([97, 16#11F]),
                    list_to_atom([16#11F]), 'it\'s', 'a\nb', 'and']);
gen(str) -> list_of(8, fun ch/0);
gen(q) -> oneof([$", $']);
gen(ch) -> ch();
gen(any) -> case rand:uniform(6) of
                1 -> [gen(str), [gen(str)]];
                2 -> foo;
                3 -> [<<"ab">>, "c"];
                _ -> gen(str)
            end;
gen(fmt) -> lists:append(list_of(3, fun() -> oneof(["~d", "~u", "~-", "~#", "~f", "~s", "~a", "~c", "~3c", "~2d",
                                                    "~*d", " ", "x", "~~", "~l", "~q"]) end));
gen(input) -> lists:append(list_of(4, fun() -> oneof(["12", "-3", "+4", " ", "\n", "x", "1.5", "2.5e3", "16#ff",
                                                      "abc", "~", "2#12"]) end)).
