-module(arith_table_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: tables of arithmetic results from OTP 25.
%%  * int_ops_*: + - * div rem band bor bxor bnot bsl bsr on random pairs of
%%    integers around the interesting boundaries (2^27, 2^59 (small integer
%%    limit of 64-bit BEAM), 2^63, 2^64) and some bignums;
%%  * integer_to_list_base_*: integer_to_list/2 and list_to_integer/2 in
%%    every base 2..36 (upper- and lowercase digits);
%%  * float_ops_*: IEEE double results of + - * / (badarith on overflow,
%%    division by zero);
%%  * mixed_ops_*: integer/float mixing, bignum to float conversion.
%% id/1 keeps the compiler from folding the constants.

id(X) -> X.

c(F) -> try F() catch error:R -> {error, R} end.

int_ops_001_test() ->
    {X, Y} = {id(-98765432109876543210987), id(-18446744073709551616)},
    ?assertEqual({-98783878853950252762603,-98746985365802833659371,1821900649460228180197504021525900654804992}, {X + Y, X - Y, X * Y}),
    ?assertEqual({5354,-1564339235603858923}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-98782314514714648903680,-1564339235603858923,98780750175479045044757,98765432109876543210986}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-790123456879012345687896,-12345679013734567901374,-227737581182528522524688002690737581850624,-42833}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_002_test() ->
    {X, Y} = {id(18446744073709551616), id(12345678901234567890)},
    ?assertEqual({30792422974944119506,6101065172474983726,227737579107269814022561708011411210240}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1,6101065172474983726}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,30792422974944119506,30792422974944119506,-18446744073709551617}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412928,2305843009213693952,42535295865117307932921825928971026432,8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_003_test() ->
    {X, Y} = {id(9223372036854775807), id(-1)},
    ?assertEqual({9223372036854775806,9223372036854775808,-9223372036854775807}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-9223372036854775807,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775807,-1,-9223372036854775808,-9223372036854775808}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({73786976294838206456,1152921504606846975,21267647932558653964155069955271819264,3}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_004_test() ->
    {X, Y} = {id(576460752303423487), id(576460752303423487)},
    ?assertEqual({1152921504606846974,0,332306998946228967073030260463239169}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423487,576460752303423487,0,-576460752303423488}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({4611686018427387896,72057594037927935,1329227995784915870597964051066650624,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_005_test() ->
    {X, Y} = {id(18446744073709551616), id(576460752303423488)},
    ?assertEqual({19023204826012975104,17870283321406128128,10633823966279326983230456482242756608}, {X + Y, X - Y, X * Y}),
    ?assertEqual({32,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,19023204826012975104,19023204826012975104,-18446744073709551617}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412928,2305843009213693952,42535295865117307932921825928971026432,8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_006_test() ->
    {X, Y} = {id(18446744073709551616), id(-1)},
    ?assertEqual({18446744073709551615,18446744073709551617,-18446744073709551616}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-18446744073709551616,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({18446744073709551616,-1,-18446744073709551617,-18446744073709551617}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412928,2305843009213693952,42535295865117307932921825928971026432,8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_007_test() ->
    {X, Y} = {id(134217727), id(-576460752303423489)},
    ?assertEqual({-576460752169205762,576460752437641216,-77371251878875515011989503}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217727}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({134217727,-576460752303423489,-576460752437641216,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_008_test() ->
    {X, Y} = {id(0), id(18446744073709551616)},
    ?assertEqual({18446744073709551616,-18446744073709551616,0}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,18446744073709551616,18446744073709551616,-1}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({0,0,0,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_009_test() ->
    {X, Y} = {id(-576460752303423488), id(9223372036854775808)},
    ?assertEqual({8646911284551352320,-9799832789158199296,-5316911983139663491615228241121378304}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-576460752303423488}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775808,-576460752303423488,-9799832789158199296,576460752303423487}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387904,-72057594037927936,-1329227995784915872903807060280344576,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_010_test() ->
    {X, Y} = {id(-7), id(-576460752303423489)},
    ?assertEqual({-576460752303423496,576460752303423482,4035225266123964423}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-7}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-576460752303423495,-1,576460752303423494,6}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-56,-1,-16140901064495857664,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_011_test() ->
    {X, Y} = {id(1), id(7)},
    ?assertEqual({8,-6,7}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({1,7,6,-2}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({8,0,2305843009213693952,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_012_test() ->
    {X, Y} = {id(-9223372036854775808), id(134217728)},
    ?assertEqual({-9223372036720558080,-9223372036988993536,-1237940039285380274899124224}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-68719476736,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-9223372036720558080,-9223372036720558080,9223372036854775807}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-73786976294838206464,-1152921504606846976,-21267647932558653966460912964485513216,-4}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_013_test() ->
    {X, Y} = {id(-7), id(9223372036854775807)},
    ?assertEqual({9223372036854775800,-9223372036854775814,-64563604257983430649}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-7}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775801,-1,-9223372036854775802,6}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-56,-1,-16140901064495857664,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_014_test() ->
    {X, Y} = {id(9223372036854775807), id(9223372036854775808)},
    ?assertEqual({18446744073709551615,-1,85070591730234615856620279821087277056}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,9223372036854775807}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,18446744073709551615,18446744073709551615,-9223372036854775808}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({73786976294838206456,1152921504606846975,21267647932558653964155069955271819264,3}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_015_test() ->
    {X, Y} = {id(134217728), id(18446744073709551616)},
    ?assertEqual({18446744073843769344,-18446744073575333888,2475880078570760549798248448}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,18446744073843769344,18446744073843769344,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_016_test() ->
    {X, Y} = {id(-1), id(576460752303423487)},
    ?assertEqual({576460752303423486,-576460752303423488,-576460752303423487}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423487,-1,-576460752303423488,0}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-8,-1,-2305843009213693952,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_017_test() ->
    {X, Y} = {id(-576460752303423489), id(9223372036854775807)},
    ?assertEqual({8646911284551352318,-9799832789158199296,-5316911983139663500262139525672730623}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-576460752303423489}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({8646911284551352319,-1,-8646911284551352320,576460752303423488}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387912,-72057594037927937,-1329227995784915875209650069494038528,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_018_test() ->
    {X, Y} = {id(7), id(-134217728)},
    ?assertEqual({-134217721,134217735,-939524096}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,7}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-134217721,-134217721,-8}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({56,0,16140901064495857664,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_019_test() ->
    {X, Y} = {id(576460752303423488), id(134217727)},
    ?assertEqual({576460752437641215,576460752169205761,77371251878875514877771776}, {X + Y, X - Y, X * Y}),
    ?assertEqual({4294967328,32}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,576460752437641215,576460752437641215,-576460752303423489}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({4611686018427387904,72057594037927936,1329227995784915872903807060280344576,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_020_test() ->
    {X, Y} = {id(-18446744073709551616), id(-98765432109876543210987)},
    ?assertEqual({-98783878853950252762603,98746985365802833659371,1821900649460228180197504021525900654804992}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-18446744073709551616}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-98782314514714648903680,-1564339235603858923,98780750175479045044757,18446744073709551615}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-147573952589676412928,-2305843009213693952,-42535295865117307932921825928971026432,-8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_021_test() ->
    {X, Y} = {id(134217728), id(-98765432109876543210987)},
    ?assertEqual({-98765432109876408993259,98765432109876677428715,-13256071902725875990272499777536}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-98765432109876408993259,-98765432109876408993259,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_022_test() ->
    {X, Y} = {id(-98765432109876543210987), id(18446744073709551616)},
    ?assertEqual({-98746985365802833659371,-98783878853950252762603,-1821900649460228180197504021525900654804992}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-5354,-1564339235603858923}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({18446744073709551616,-98765432109876543210987,-98783878853950252762603,98765432109876543210986}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-790123456879012345687896,-12345679013734567901374,-227737581182528522524688002690737581850624,-42833}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_023_test() ->
    {X, Y} = {id(576460752303423487), id(7)},
    ?assertEqual({576460752303423494,576460752303423480,4035225266123964409}, {X + Y, X - Y, X * Y}),
    ?assertEqual({82351536043346212,3}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({7,576460752303423487,576460752303423480,-576460752303423488}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({4611686018427387896,72057594037927935,1329227995784915870597964051066650624,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_024_test() ->
    {X, Y} = {id(134217727), id(-98765432109876543210987)},
    ?assertEqual({-98765432109876408993260,98765432109876677428714,-13256071803960443880395956566549}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217727}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({27277845,-98765432109876436271105,-98765432109876463548950,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_025_test() ->
    {X, Y} = {id(12345678901234567890), id(0)},
    ?assertEqual({12345678901234567890,12345678901234567890,0}, {X + Y, X - Y, X * Y}),
    ?assertEqual({{error,badarith},{error,badarith}}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,12345678901234567890,12345678901234567890,-12345678901234567891}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({98765431209876543120,1543209862654320986,28467197388408726752820213501426401280,5}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_026_test() ->
    {X, Y} = {id(134217728), id(576460752303423487)},
    ?assertEqual({576460752437641215,-576460752169205759,77371252455336267046977536}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({134217728,576460752303423487,576460752169205759,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_027_test() ->
    {X, Y} = {id(134217728), id(576460752303423488)},
    ?assertEqual({576460752437641216,-576460752169205760,77371252455336267181195264}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,576460752437641216,576460752437641216,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_028_test() ->
    {X, Y} = {id(18446744073709551615), id(-1)},
    ?assertEqual({18446744073709551614,18446744073709551616,-18446744073709551615}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-18446744073709551615,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({18446744073709551615,-1,-18446744073709551616,-18446744073709551616}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412920,2305843009213693951,42535295865117307930615982919757332480,7}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_029_test() ->
    {X, Y} = {id(-576460752303423488), id(1)},
    ?assertEqual({-576460752303423487,-576460752303423489,-576460752303423488}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-576460752303423488,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-576460752303423487,-576460752303423487,576460752303423487}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387904,-72057594037927936,-1329227995784915872903807060280344576,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_030_test() ->
    {X, Y} = {id(18446744073709551615), id(576460752303423488)},
    ?assertEqual({19023204826012975103,17870283321406128127,10633823966279326982653995729939333120}, {X + Y, X - Y, X * Y}),
    ?assertEqual({31,576460752303423487}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423488,18446744073709551615,17870283321406128127,-18446744073709551616}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412920,2305843009213693951,42535295865117307930615982919757332480,7}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_031_test() ->
    {X, Y} = {id(9223372036854775807), id(-7)},
    ?assertEqual({9223372036854775800,9223372036854775814,-64563604257983430649}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-1317624576693539401,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775801,-1,-9223372036854775802,-9223372036854775808}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({73786976294838206456,1152921504606846975,21267647932558653964155069955271819264,3}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_032_test() ->
    {X, Y} = {id(1), id(134217727)},
    ?assertEqual({134217728,-134217726,134217727}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({1,134217727,134217726,-2}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({8,0,2305843009213693952,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_033_test() ->
    {X, Y} = {id(-576460752303423488), id(9223372036854775808)},
    ?assertEqual({8646911284551352320,-9799832789158199296,-5316911983139663491615228241121378304}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-576460752303423488}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775808,-576460752303423488,-9799832789158199296,576460752303423487}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387904,-72057594037927936,-1329227995784915872903807060280344576,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_034_test() ->
    {X, Y} = {id(-576460752303423488), id(576460752303423488)},
    ?assertEqual({0,-1152921504606846976,-332306998946228968225951765070086144}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-1,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423488,-576460752303423488,-1152921504606846976,576460752303423487}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387904,-72057594037927936,-1329227995784915872903807060280344576,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_035_test() ->
    {X, Y} = {id(9223372036854775807), id(-576460752303423489)},
    ?assertEqual({8646911284551352318,9799832789158199296,-5316911983139663500262139525672730623}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-15,576460752303423472}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({8646911284551352319,-1,-8646911284551352320,-9223372036854775808}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({73786976294838206456,1152921504606846975,21267647932558653964155069955271819264,3}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_036_test() ->
    {X, Y} = {id(134217727), id(134217727)},
    ?assertEqual({268435454,0,18014398241046529}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({134217727,134217727,0,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_037_test() ->
    {X, Y} = {id(134217728), id(-98765432109876543210987)},
    ?assertEqual({-98765432109876408993259,98765432109876677428715,-13256071902725875990272499777536}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-98765432109876408993259,-98765432109876408993259,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_038_test() ->
    {X, Y} = {id(134217727), id(576460752303423488)},
    ?assertEqual({576460752437641215,-576460752169205761,77371251878875514877771776}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217727}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,576460752437641215,576460752437641215,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_039_test() ->
    {X, Y} = {id(-576460752303423488), id(576460752303423487)},
    ?assertEqual({-1,-1152921504606846975,-332306998946228967649491012766662656}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-1,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-1,-1,576460752303423487}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387904,-72057594037927936,-1329227995784915872903807060280344576,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_040_test() ->
    {X, Y} = {id(-576460752303423489), id(-98765432109876543210987)},
    ?assertEqual({-98766008570628846634476,98764855649124239787498,56934395295632130729937432782560938673643}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-576460752303423489}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-98766008570628846634475,-1,98766008570628846634474,576460752303423488}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-4611686018427387912,-72057594037927937,-1329227995784915875209650069494038528,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_041_test() ->
    {X, Y} = {id(134217727), id(134217727)},
    ?assertEqual({268435454,0,18014398241046529}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({134217727,134217727,0,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_042_test() ->
    {X, Y} = {id(1), id(-7)},
    ?assertEqual({-6,8,-7}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({1,-7,-8,-2}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({8,0,2305843009213693952,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_043_test() ->
    {X, Y} = {id(-1), id(576460752303423487)},
    ?assertEqual({576460752303423486,-576460752303423488,-576460752303423487}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423487,-1,-576460752303423488,0}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-8,-1,-2305843009213693952,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_044_test() ->
    {X, Y} = {id(-7), id(12345678901234567890)},
    ?assertEqual({12345678901234567883,-12345678901234567897,-86419752308641975230}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-7}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({12345678901234567888,-5,-12345678901234567893,6}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-56,-1,-16140901064495857664,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_045_test() ->
    {X, Y} = {id(-18446744073709551616), id(-134217728)},
    ?assertEqual({-18446744073843769344,-18446744073575333888,2475880078570760549798248448}, {X + Y, X - Y, X * Y}),
    ?assertEqual({137438953472,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-18446744073709551616,-134217728,18446744073575333888,18446744073709551615}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-147573952589676412928,-2305843009213693952,-42535295865117307932921825928971026432,-8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_046_test() ->
    {X, Y} = {id(-1), id(12345678901234567890)},
    ?assertEqual({12345678901234567889,-12345678901234567891,-12345678901234567890}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({12345678901234567890,-1,-12345678901234567891,0}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-8,-1,-2305843009213693952,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_047_test() ->
    {X, Y} = {id(1), id(576460752303423488)},
    ?assertEqual({576460752303423489,-576460752303423487,576460752303423488}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,576460752303423489,576460752303423489,-2}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({8,0,2305843009213693952,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_048_test() ->
    {X, Y} = {id(134217727), id(576460752303423488)},
    ?assertEqual({576460752437641215,-576460752169205761,77371251878875514877771776}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217727}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,576460752437641215,576460752437641215,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_049_test() ->
    {X, Y} = {id(0), id(-7)},
    ?assertEqual({-7,7,0}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-7,-7,-1}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({0,0,0,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_050_test() ->
    {X, Y} = {id(-9223372036854775808), id(-7)},
    ?assertEqual({-9223372036854775815,-9223372036854775801,64563604257983430656}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1317624576693539401,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-9223372036854775808,-7,9223372036854775801,9223372036854775807}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-73786976294838206464,-1152921504606846976,-21267647932558653966460912964485513216,-4}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_051_test() ->
    {X, Y} = {id(18446744073709551616), id(9223372036854775808)},
    ?assertEqual({27670116110564327424,9223372036854775808,170141183460469231731687303715884105728}, {X + Y, X - Y, X * Y}),
    ?assertEqual({2,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,27670116110564327424,27670116110564327424,-18446744073709551617}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({147573952589676412928,2305843009213693952,42535295865117307932921825928971026432,8}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_052_test() ->
    {X, Y} = {id(576460752303423487), id(7)},
    ?assertEqual({576460752303423494,576460752303423480,4035225266123964409}, {X + Y, X - Y, X * Y}),
    ?assertEqual({82351536043346212,3}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({7,576460752303423487,576460752303423480,-576460752303423488}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({4611686018427387896,72057594037927935,1329227995784915870597964051066650624,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_053_test() ->
    {X, Y} = {id(-98765432109876543210987), id(-576460752303423489)},
    ?assertEqual({-98766008570628846634476,-98764855649124239787498,56934395295632130729937432782560938673643}, {X + Y, X - Y, X * Y}),
    ?assertEqual({171330,-411417730996840617}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({-98766008570628846634475,-1,98766008570628846634474,98765432109876543210986}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-790123456879012345687896,-12345679013734567901374,-227737581182528522524688002690737581850624,-42833}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_054_test() ->
    {X, Y} = {id(0), id(7)},
    ?assertEqual({7,-7,0}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,7,7,-1}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({0,0,0,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_055_test() ->
    {X, Y} = {id(-1), id(9223372036854775808)},
    ?assertEqual({9223372036854775807,-9223372036854775809,-9223372036854775808}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,-1}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775808,-1,-9223372036854775809,0}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-8,-1,-2305843009213693952,-1}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_056_test() ->
    {X, Y} = {id(-9223372036854775808), id(134217728)},
    ?assertEqual({-9223372036720558080,-9223372036988993536,-1237940039285380274899124224}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-68719476736,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,-9223372036720558080,-9223372036720558080,9223372036854775807}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-73786976294838206464,-1152921504606846976,-21267647932558653966460912964485513216,-4}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_057_test() ->
    {X, Y} = {id(-98765432109876543210987), id(9223372036854775808)},
    ?assertEqual({-98756208737839688435179,-98774655481913397986795,-910950324730114090098752010762950327402496}, {X + Y, X - Y, X * Y}),
    ?assertEqual({-10708,-1564339235603858923}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({9223372036854775808,-98765432109876543210987,-98774655481913397986795,98765432109876543210986}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({-790123456879012345687896,-12345679013734567901374,-227737581182528522524688002690737581850624,-42833}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_058_test() ->
    {X, Y} = {id(134217727), id(134217728)},
    ?assertEqual({268435455,-1,18014398375264256}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217727}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({0,268435455,268435455,-134217728}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741816,16777215,309485007515502059511087104,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_059_test() ->
    {X, Y} = {id(576460752303423488), id(576460752303423488)},
    ?assertEqual({1152921504606846976,0,332306998946228968225951765070086144}, {X + Y, X - Y, X * Y}),
    ?assertEqual({1,0}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({576460752303423488,576460752303423488,0,-576460752303423489}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({4611686018427387904,72057594037927936,1329227995784915872903807060280344576,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

int_ops_060_test() ->
    {X, Y} = {id(134217728), id(-576460752303423489)},
    ?assertEqual({-576460752169205761,576460752437641217,-77371252455336267315412992}, {X + Y, X - Y, X * Y}),
    ?assertEqual({0,134217728}, {c(fun() -> X div Y end), c(fun() -> X rem Y end)}),
    ?assertEqual({134217728,-576460752303423489,-576460752437641217,-134217729}, {X band Y, X bor Y, X bxor Y, bnot X}),
    ?assertEqual({1073741824,16777216,309485009821345068724781056,0}, {X bsl 3, X bsr 3, X bsl 61, X bsr 61}).

integer_to_list_base_02_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","100011","100100","-100101","11111111",
 "100000000000000000000000000000000",
 "1111111111111111111111111111111111111111111111111111111111111111",
 "-1000000000000000000000000000000000000000000000000000000000000000",
 "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"],
    ?assertEqual(Strs, [integer_to_list(V, 2) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 2) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 2) || S <- Strs]).

integer_to_list_base_03_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1022","1100","-1101","100110","102002022201221111211",
 "11112220022122120101211020120210210211220",
 "-2021110011022210012102010021220101220222",
 "1002220101202122200001221110000110122001202012001102202211110221"],
    ?assertEqual(Strs, [integer_to_list(V, 3) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 3) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 3) || S <- Strs]).

integer_to_list_base_04_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","203","210","-211","3333","10000000000000000",
 "33333333333333333333333333333333","-20000000000000000000000000000000",
 "100000000000000000000000000000000000000000000000000"],
    ?assertEqual(Strs, [integer_to_list(V, 4) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 4) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 4) || S <- Strs]).

integer_to_list_base_05_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","120","121","-122","2010","32244002423141",
 "2214220303114400424121122430","-1104332401304422434310311213",
 "10241422120332320213311333103110222010033001"],
    ?assertEqual(Strs, [integer_to_list(V, 5) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 5) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 5) || S <- Strs]).

integer_to_list_base_06_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","55","100","-101","1103","1550104015504",
 "3520522010102100444244423","-1540241003031030222122212",
 "322522321352014003510332101242451232424"],
    ?assertEqual(Strs, [integer_to_list(V, 6) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 6) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 6) || S <- Strs]).

integer_to_list_base_07_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","50","51","-52","513","211301422354","45012021522523134134601",
 "-22341010611245052052301","322653455556104044451560330542514132"],
    ?assertEqual(Strs, [integer_to_list(V, 7) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 7) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 7) || S <- Strs]).

integer_to_list_base_08_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","43","44","-45","377","40000000000","1777777777777777777777",
 "-1000000000000000000000","2000000000000000000000000000000000"],
    ?assertEqual(Strs, [integer_to_list(V, 8) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 8) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 8) || S <- Strs]).

integer_to_list_base_09_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","38","40","-41","313","12068657454","145808576354216723756",
 "-67404283172107811828","32811678601843013561665042684427"],
    ?assertEqual(Strs, [integer_to_list(V, 9) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 9) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 9) || S <- Strs]).

integer_to_list_base_10_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","35","36","-37","255","4294967296","18446744073709551615",
 "-9223372036854775808","1267650600228229401496703205376"],
    ?assertEqual(Strs, [integer_to_list(V, 10) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 10) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 10) || S <- Strs]).

integer_to_list_base_11_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","32","33","-34","212","1904440554","335500516A429071284",
 "-1728002635214590698","88769A92393813251933465979A61"],
    ?assertEqual(Strs, [integer_to_list(V, 11) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 11) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 11) || S <- Strs]).

integer_to_list_base_12_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","2B","30","-31","193","9BA461594","839365134A2A240713",
 "-41A792678515120368","9289B0AA342B15786599765A8714"],
    ?assertEqual(Strs, [integer_to_list(V, 12) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 12) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 12) || S <- Strs]).

integer_to_list_base_13_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","29","2A","-2B","168","535A79889","219505A9511A867B72",
 "-10B269549075433C38","10A85082BB3A218A0BACA3277983"],
    ?assertEqual(Strs, [integer_to_list(V, 13) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 13) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 13) || S <- Strs]).

integer_to_list_base_14_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","27","28","-29","143","2CA5B7464","8681049ADB03DB171",
 "-4340724C6C71DC7A8","2025682993D8281504632C5B052"],
    ?assertEqual(Strs, [integer_to_list(V, 14) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 14) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 14) || S <- Strs]).

integer_to_list_base_15_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","25","26","-27","120","1A20DCD81","2C1D56B648C6CD110",
 "-160E2AD3246366808","50480D9DBCAC2A264EB8D9A1A1"],
    ?assertEqual(Strs, [integer_to_list(V, 15) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 15) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 15) || S <- Strs]).

integer_to_list_base_16_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","23","24","-25","FF","100000000","FFFFFFFFFFFFFFFF",
 "-8000000000000000","10000000000000000000000000"],
    ?assertEqual(Strs, [integer_to_list(V, 16) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 16) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 16) || S <- Strs]).

integer_to_list_base_17_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","21","22","-23","F0","A7FFDA91","67979G60F5428010",
 "-33D3D8307B214009","3C8452661BD6FAA4E5AGD477G"],
    ?assertEqual(Strs, [integer_to_list(V, 17) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 17) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 17) || S <- Strs]).

integer_to_list_base_18_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1H","20","-21","E3","704HE7G4","2D3FGB0B9CG4BD2F",
 "-16AGH595DF825FA8","H0G55HBC19HB4F9ED34HH7EG"],
    ?assertEqual(Strs, [integer_to_list(V, 18) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 18) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 18) || S <- Strs]).

integer_to_list_base_19_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1G","1H","-1I","D8","4F5AFF66","141C8786H1CCAAGG",
 "-BA643DCI0FFEEHI","4H7H1ID4DE2BH7DGG26IB24H"],
    ?assertEqual(Strs, [integer_to_list(V, 19) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 19) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 19) || S <- Strs]).

integer_to_list_base_20_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1F","1G","-1H","CF","3723AI4G","B53BJH07BE4DJ0F",
 "-5CBFJIA3FH26JA8","1A49535B7D75179FJ5JF0D8G"],
    ?assertEqual(Strs, [integer_to_list(V, 20) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 20) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 20) || S <- Strs]).

integer_to_list_base_21_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1E","1F","-1G","C3","281D55I4","5E8G4GGG7G56DIF",
 "-2HEICIIIE82DH98","A6K6CC9AI389523KDG95CCG"],
    ?assertEqual(Strs, [integer_to_list(V, 21) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 21) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 21) || S <- Strs]).

integer_to_list_base_22_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1D","1E","-1F","BD","1FJ8B184","2L4LF104353J8KF",
 "-1ADAIBB21DCKFA8","3FELHG63GL2LGJHKCLDC58C"],
    ?assertEqual(Strs, [integer_to_list(V, 22) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 22) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 22) || S <- Strs]).

integer_to_list_base_23_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1C","1D","-1E","B2","1606K7IC","1DDH88H2782I515",
 "-I6K448CF4192C3","192F2D6M249L045771F04F2"],
    ?assertEqual(Strs, [integer_to_list(V, 23) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 23) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 23) || S <- Strs]).

integer_to_list_base_24_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1B","1C","-1D","AF","MB994AG","L12EE5FN0JI1IF",
 "-ACD772JNC9L0L8","D3820GB7A9J967ICFMA1IG"],
    ?assertEqual(Strs, [integer_to_list(V, 24) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 24) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 24) || S <- Strs]).

integer_to_list_base_25_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","1A","1B","-1C","A5","HEK2MGL","C9C336O0MLB7EF",
 "-64IE1FOCNN5G78","5E9C73HH28G8I5G5CA53F1"],
    ?assertEqual(Strs, [integer_to_list(V, 25) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 25) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 25) || S <- Strs]).

integer_to_list_base_26_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","19","1A","-1B","9L","DNCHBNM","7B7N2PCNIOKCGF",
 "-3IGOECJBMCA688","2BFN1O1015IFEPA3D22FAG"],
    ?assertEqual(Strs, [integer_to_list(V, 26) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 26) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 26) || S <- Strs]).

integer_to_list_base_27_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","18","19","-1A","9C","B28JPDM","4EO8HFAM6FLLMO",
 "-27C48L5B37OAOQ","12OAKHI1PC0CH1K51BKMCP"],
    ?assertEqual(Strs, [integer_to_list(V, 27) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 27) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 27) || S <- Strs]).

integer_to_list_base_28_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","17","18","-19","93","8PFGIH4","2NC6J26L66RHOF",
 "-1BK39F3AH3DMQ8","ECG180NGB8GIIB523O3GG"],
    ?assertEqual(Strs, [integer_to_list(V, 28) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 28) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 28) || S <- Strs]).

integer_to_list_base_29_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","16","17","-18","8N","76BEIGG","1N3RSH11F098RN",
 "-Q1SE8F0M04ISC","74K9472HKQP11P59H02EP"],
    ?assertEqual(Strs, [integer_to_list(V, 29) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 29) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 29) || S <- Strs]).

integer_to_list_base_30_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","15","16","-17","8F","5QMCPQG","14L9LKMO30O40F",
 "-HAJPPBC1FC208","3J20OTQSCLC8QI0I750CG"],
    ?assertEqual(Strs, [integer_to_list(V, 30) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 30) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 30) || S <- Strs]).

integer_to_list_base_31_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","14","15","-16","87","4Q0JTO4","ND075IB45K86F","-BM03I95HIA438",
 "1RFBP6CHM2TOGFJ6EU4K1"],
    ?assertEqual(Strs, [integer_to_list(V, 31) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 31) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 31) || S <- Strs]).

integer_to_list_base_32_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","13","14","-15","7V","4000000","FVVVVVVVVVVVV","-8000000000000",
 "100000000000000000000"],
    ?assertEqual(Strs, [integer_to_list(V, 32) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 32) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 32) || S <- Strs]).

integer_to_list_base_33_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","12","13","-14","7O","3AOKQ94","B1W8P7J5Q9R6F","-5HG4CK9JD4U38",
 "HRGJNO21CSS52EJPKOD1"],
    ?assertEqual(Strs, [integer_to_list(V, 33) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 33) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 33) || S <- Strs]).

integer_to_list_base_34_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","11","12","-13","7H","2QHXJLI","7ORP63SH4DPHH","-3TDTK1V8J6TPQ",
 "A3T5QISFXSI2F69IUACG"],
    ?assertEqual(Strs, [integer_to_list(V, 34) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 34) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 34) || S <- Strs]).

integer_to_list_base_35_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","10","11","-12","7A","2BR45QB","5G24A25TWKWFF","-2PIJMIKEXRXP8",
 "5T2D7NQGQ6AP2QCJEEVG"],
    ?assertEqual(Strs, [integer_to_list(V, 35) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 35) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 35) || S <- Strs]).

integer_to_list_base_36_test() ->
    Vals = [0,1,-1,35,36,-37,255,4294967296,18446744073709551615,-9223372036854775808,1267650600228229401496703205376],
    Strs = ["0","1","-1","Z","10","-11","73","1Z141Z4","3W5E11264SGSF","-1Y2P0IJ32E8E8",
 "3EWFDNCA0N6LD1GGVFGG"],
    ?assertEqual(Strs, [integer_to_list(V, 36) || V <- Vals]),
    ?assertEqual(Vals, [list_to_integer(S, 36) || S <- Strs]),
    ?assertEqual(Vals, [list_to_integer(string:lowercase(S), 36) || S <- Strs]).

float_ops_001_test() ->
    {X, Y} = {id(1.0), id(0.1)},
    ?assertEqual({1.1,0.9,0.1,10.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_002_test() ->
    {X, Y} = {id(123456.789), id(0.3333333333333333)},
    ?assertEqual({123457.12233333333,123456.45566666668,41152.263,370370.367},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_003_test() ->
    {X, Y} = {id(0.2), id(2.0)},
    ?assertEqual({2.2,-1.8,0.4,0.1},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_004_test() ->
    {X, Y} = {id(1.0e308), id(2.0)},
    ?assertEqual({1.0e308,1.0e308,{error,badarith},5.0e307},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_005_test() ->
    {X, Y} = {id(0.1), id(1.0e308)},
    ?assertEqual({1.0e308,-1.0e308,1.0000000000000001e307,1.0e-309},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_006_test() ->
    {X, Y} = {id(7.0), id(0.1)},
    ?assertEqual({7.1,6.9,0.7000000000000001,70.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_007_test() ->
    {X, Y} = {id(0.3333333333333333), id(7.0)},
    ?assertEqual({7.333333333333333,-6.666666666666667,2.333333333333333,0.047619047619047616},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_008_test() ->
    {X, Y} = {id(1.0), id(3.0)},
    ?assertEqual({4.0,-2.0,3.0,0.3333333333333333},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_009_test() ->
    {X, Y} = {id(0.3333333333333333), id(1.0e-308)},
    ?assertEqual({0.3333333333333333,0.3333333333333333,3.33333333333333e-309,3.333333333333333e307},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_010_test() ->
    {X, Y} = {id(1.0e16), id(0.3333333333333333)},
    ?assertEqual({1.0e16,1.0e16,3333333333333333.0,3.0e16},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_011_test() ->
    {X, Y} = {id(5.0e-324), id(-2.5)},
    ?assertEqual({-2.5,2.5,-1.0e-323,-0.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_012_test() ->
    {X, Y} = {id(1.0), id(1.0e308)},
    ?assertEqual({1.0e308,-1.0e308,1.0e308,1.0e-308},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_013_test() ->
    {X, Y} = {id(0.1), id(2.0)},
    ?assertEqual({2.1,-1.9,0.2,0.05},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_014_test() ->
    {X, Y} = {id(5.0e-324), id(123456.789)},
    ?assertEqual({123456.789,-123456.789,6.0996e-319,0.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_015_test() ->
    {X, Y} = {id(5.0e-324), id(0.1)},
    ?assertEqual({0.1,-0.1,0.0,5.0e-323},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_016_test() ->
    {X, Y} = {id(0.3), id(2.0)},
    ?assertEqual({2.3,-1.7,0.6,0.15},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_017_test() ->
    {X, Y} = {id(1.0e16), id(2.0)},
    ?assertEqual({1.0000000000000002e16,9.999999999999998e15,2.0e16,5.0e15},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_018_test() ->
    {X, Y} = {id(1.0e16), id(5.0e-324)},
    ?assertEqual({1.0e16,1.0e16,4.940656458412465e-308,{error,badarith}},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_019_test() ->
    {X, Y} = {id(2.0), id(0.1)},
    ?assertEqual({2.1,1.9,0.2,20.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_020_test() ->
    {X, Y} = {id(-2.5), id(0.1)},
    ?assertEqual({-2.4,-2.6,-0.25,-25.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_021_test() ->
    {X, Y} = {id(1.0), id(1.0e16)},
    ?assertEqual({1.0e16,-1.0e16,1.0e16,1.0e-16},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_022_test() ->
    {X, Y} = {id(-2.5), id(123456.789)},
    ?assertEqual({123454.289,-123459.289,-308641.97250000003,-2.0250000184275e-5},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_023_test() ->
    {X, Y} = {id(0.1), id(2.0)},
    ?assertEqual({2.1,-1.9,0.2,0.05},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_024_test() ->
    {X, Y} = {id(1.0e-308), id(1.0e308)},
    ?assertEqual({1.0e308,-1.0e308,0.9999999999999999,0.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_025_test() ->
    {X, Y} = {id(5.0e-324), id(7.0)},
    ?assertEqual({7.0,-7.0,3.5e-323,0.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_026_test() ->
    {X, Y} = {id(1.0e16), id(0.3)},
    ?assertEqual({1.0e16,1.0e16,3.0e15,3.3333333333333336e16},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_027_test() ->
    {X, Y} = {id(1.0e-308), id(1.0e16)},
    ?assertEqual({1.0e16,-1.0e16,9.999999999999999e-293,0.0},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_028_test() ->
    {X, Y} = {id(123456.789), id(1.0e-308)},
    ?assertEqual({123456.789,123456.789,1.23456789e-303,{error,badarith}},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_029_test() ->
    {X, Y} = {id(0.3333333333333333), id(3.0)},
    ?assertEqual({3.3333333333333335,-2.6666666666666665,1.0,0.1111111111111111},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_030_test() ->
    {X, Y} = {id(1.0e308), id(0.2)},
    ?assertEqual({1.0e308,1.0e308,2.0000000000000002e307,{error,badarith}},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_031_test() ->
    {X, Y} = {id(1.0e308), id(7.0)},
    ?assertEqual({1.0e308,1.0e308,{error,badarith},1.4285714285714286e307},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_032_test() ->
    {X, Y} = {id(0.3333333333333333), id(1.0)},
    ?assertEqual({1.3333333333333333,-0.6666666666666667,0.3333333333333333,0.3333333333333333},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_033_test() ->
    {X, Y} = {id(-2.5), id(1.0e16)},
    ?assertEqual({9.999999999999998e15,-1.0000000000000002e16,-2.5e16,-2.5e-16},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_034_test() ->
    {X, Y} = {id(2.0), id(1.0e-308)},
    ?assertEqual({2.0,2.0,2.0e-308,{error,badarith}},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_035_test() ->
    {X, Y} = {id(0.3), id(7.0)},
    ?assertEqual({7.3,-6.7,2.1,0.04285714285714286},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_036_test() ->
    {X, Y} = {id(0.1), id(1.0e308)},
    ?assertEqual({1.0e308,-1.0e308,1.0000000000000001e307,1.0e-309},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_037_test() ->
    {X, Y} = {id(123456.789), id(7.0)},
    ?assertEqual({123463.789,123449.789,864197.523,17636.684142857142},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_038_test() ->
    {X, Y} = {id(0.2), id(3.0)},
    ?assertEqual({3.2,-2.8,0.6000000000000001,0.06666666666666667},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_039_test() ->
    {X, Y} = {id(1.0e16), id(0.1)},
    ?assertEqual({1.0e16,1.0e16,1.0e15,1.0e17},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

float_ops_040_test() ->
    {X, Y} = {id(0.3333333333333333), id(0.1)},
    ?assertEqual({0.43333333333333335,0.2333333333333333,0.03333333333333333,3.333333333333333},
                 {c(fun() -> X + Y end), c(fun() -> X - Y end), c(fun() -> X * Y end), c(fun() -> X / Y end)}).

mixed_ops_001_test() ->
    {X, Y} = {id(9007199254740993), id(0.0)},
    ?assertEqual({9.007199254740992e15,0.0,9.007199254740992e15,false},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

mixed_ops_002_test() ->
    {X, Y} = {id(18446744073709551616), id(0.5)},
    ?assertEqual({1.8446744073709552e19,9.223372036854776e18,1.8446744073709552e19,true},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

mixed_ops_003_test() ->
    {X, Y} = {id(3), id(0.1)},
    ?assertEqual({3.1,0.30000000000000004,3.0,true},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

mixed_ops_004_test() ->
    {X, Y} = {id(-1180591620717411303424), id(1.0)},
    ?assertEqual({-1.1805916207174113e21,-1.1805916207174113e21,-1.1805916207174113e21,true},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

mixed_ops_005_test() ->
    {X, Y} = {id(179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137215), id(0.0)},
    ?assertEqual({{error,badarith},{error,badarith},{error,badarg},{error,badarg}},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

mixed_ops_006_test() ->
    {X, Y} = {id(12345678901234567), id(0.0)},
    ?assertEqual({1.2345678901234568e16,0.0,1.2345678901234568e16,false},
                 {c(fun() -> X + Y end), c(fun() -> X * Y end), c(fun() -> float(X) end), c(fun() -> X == float(X) end)}).

