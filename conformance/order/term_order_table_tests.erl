-module(term_order_table_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a table of term comparisons from OTP 25. A fixed set of 53
%% terms of every data type (numbers of both kinds incl. bignums, atoms,
%% tuples, maps, lists, strings, improper lists, binaries and bitstrings) is
%% sorted in several input orders, and 160 random pairs are compared with
%% <, ==, =:= and >. Note: the relative order that lists:sort/1 gives to
%% elements that compare equal but are not identical (1 and 1.0, 2 and
%% 2.0) is whatever OTP 25's merge sort produces; lists:sort/1 is not
%% stable for them (e.g. lists:sort([2, 1.0, 1, 2.0]) =:= [1, 1.0, 2.0, 2]).

cmp(A, B) -> {A < B, A == B, A =:= B, A > B}.

sort_all_terms_test() ->
    ?assertEqual([-1180591620717411303424,-1,-1.0,0,0.5,1,1.0,2,2.0,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1,2},{1.0,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([0,1,-1,1.0,-1.0,0.5,1180591620717411303424,-1180591620717411303424,1.0e30,2,2.0,a,b,'B','',aa,true,false,nil,{},{a},{b},{a,b},{1,2},{1.0,2},{a,b,c},{{}},#{},#{a => 1},#{b => 0},#{a => 1,b => 2},#{1 => x},#{1.0 => x},[],[a],[a,b],[b],[1|2],[[]],[97,98,99],[97,98,100],[97,98],[1.0],<<>>,<<0>>,<<1>>,<<1,2>>,<<1:1>>,<<0:1>>,<<1:7>>,<<255>>,<<97,98,99>>])).

sort_all_terms_reversed_test() ->
    ?assertEqual([-1180591620717411303424,-1.0,-1,0,0.5,1.0,1,2.0,2,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1.0,2},{1,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([<<97,98,99>>,<<255>>,<<1:7>>,<<0:1>>,<<1:1>>,<<1,2>>,<<1>>,<<0>>,<<>>,[1.0],[97,98],[97,98,100],[97,98,99],[[]],[1|2],[b],[a,b],[a],[],#{1.0 => x},#{1 => x},#{a => 1,b => 2},#{b => 0},#{a => 1},#{},{{}},{a,b,c},{1.0,2},{1,2},{a,b},{b},{a},{},nil,false,true,aa,'','B',b,a,2.0,2,1.0e30,-1180591620717411303424,1180591620717411303424,0.5,-1.0,1.0,-1,1,0])).

sort_shuffle_01_test() ->
    ?assertEqual([-1180591620717411303424,-1,-1.0,0,0.5,1.0,1,2,2.0,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1,2},{1.0,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([a,2.0,{1.0,2},-1.0,<<0:1>>,<<0>>,[b],{a,b},[1|2],#{a => 1},'',<<1:7>>,{b},false,[97,98,100],true,aa,{a},<<>>,{a,b,c},-1,<<1,2>>,[a],1,[],0.5,0,'B',1.0e30,[a,b],#{b => 0},<<97,98,99>>,[97,98],[[]],<<255>>,{},b,#{1.0 => x},-1180591620717411303424,2,#{1 => x},[1.0],{{}},<<1:1>>,nil,1180591620717411303424,#{a => 1,b => 2},<<1>>,{1,2},1.0,[97,98,99],#{}])).

sort_shuffle_02_test() ->
    ?assertEqual([-1180591620717411303424,-1.0,-1,0,0.5,1.0,1,2.0,2,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1,2},{1.0,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([<<1,2>>,0,[97,98,100],{b},'',{1.0,2},#{},#{1.0 => x},-1,#{1 => x},nil,{},-1180591620717411303424,[],<<>>,-1.0,{{}},[b],<<1:7>>,[1|2],a,1,<<97,98,99>>,'B',[a,b],[[]],{a},false,true,[97,98,99],[a],aa,1.0e30,1180591620717411303424,<<0:1>>,<<255>>,<<1:1>>,[97,98],<<0>>,2,#{a => 1,b => 2},{a,b},0.5,{1,2},<<1>>,b,[1.0],{a,b,c},#{b => 0},#{a => 1},1.0,2.0])).

sort_shuffle_03_test() ->
    ?assertEqual([-1180591620717411303424,-1.0,-1,0,0.5,1,1.0,2,2.0,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1,2},{1.0,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([<<1,2>>,1180591620717411303424,[],<<0:1>>,b,<<1:7>>,[[]],{b},{},1.0,2.0,<<97,98,99>>,<<0>>,'B',nil,#{b => 0},{a,b,c},[1.0],{1.0,2},[b],<<1:1>>,1.0e30,<<255>>,[1|2],[a],-1,{a,b},#{a => 1},[a,b],'',aa,-1.0,1,-1180591620717411303424,[97,98,100],#{1 => x},<<1>>,{1,2},true,0.5,0,#{1.0 => x},2,#{a => 1,b => 2},[97,98],{a},false,#{},{{}},[97,98,99],<<>>,a])).

sort_shuffle_04_test() ->
    ?assertEqual([-1180591620717411303424,-1,-1.0,0,0.5,1.0,1,2.0,2,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1.0,2},{1,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([{a,b},0.5,1.0e30,#{a => 1,b => 2},-1180591620717411303424,[97,98],{},<<>>,[1|2],{a},[97,98,100],<<0:1>>,[[]],#{},[a],0,<<1:1>>,[97,98,99],1,a,#{a => 1},#{1.0 => x},{1,2},<<1,2>>,true,'B',[a,b],-1.0,2,'',false,{1.0,2},b,{b},<<1:7>>,#{1 => x},nil,[b],{{}},aa,<<255>>,<<97,98,99>>,1.0,{a,b,c},2.0,[1.0],<<0>>,1180591620717411303424,-1,#{b => 0},<<1>>,[]])).

sort_shuffle_05_test() ->
    ?assertEqual([-1180591620717411303424,-1.0,-1,0,0.5,1,1.0,2,2.0,1180591620717411303424,1.0e30,'','B',a,aa,b,false,nil,true,{},{a},{b},{{}},{1.0,2},{1,2},{a,b},{a,b,c},#{},#{1 => x},#{1.0 => x},#{a => 1},#{b => 0},#{a => 1,b => 2},[],[1|2],[1.0],[97,98],[97,98,99],[97,98,100],[a],[a,b],[b],[[]],<<>>,<<0:1>>,<<0>>,<<1>>,<<1,2>>,<<1:7>>,<<97,98,99>>,<<1:1>>,<<255>>],
                 lists:sort([[],<<>>,-1180591620717411303424,[97,98,99],{1.0,2},#{1.0 => x},{a,b,c},[1.0],[97,98,100],{{}},1180591620717411303424,{a},{},[1|2],-1.0,-1,'B',<<255>>,#{1 => x},<<1:7>>,#{a => 1,b => 2},2,0.5,'',[97,98],nil,{1,2},[b],#{a => 1},2.0,1,[[]],a,#{b => 0},<<1>>,[a],0,<<0>>,#{},<<0:1>>,<<1:1>>,<<1,2>>,false,<<97,98,99>>,{a,b},[a,b],1.0,{b},b,aa,1.0e30,true])).

compare_pairs_01_test() ->
    ?assertEqual({true,false,false,false}, cmp(0, 1.0e30)),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, <<0>>)),
    ?assertEqual({true,false,false,false}, cmp(-1.0, #{a => 1})),
    ?assertEqual({true,false,false,false}, cmp(1.0e30, [1|2])).

compare_pairs_02_test() ->
    ?assertEqual({true,false,false,false}, cmp(#{}, [b])),
    ?assertEqual({true,false,false,false}, cmp(#{1.0 => x}, #{b => 0})),
    ?assertEqual({true,false,false,false}, cmp(nil, <<255>>)),
    ?assertEqual({true,false,false,false}, cmp(1180591620717411303424, [1|2])).

compare_pairs_03_test() ->
    ?assertEqual({true,false,false,false}, cmp(2.0, <<1:7>>)),
    ?assertEqual({false,false,false,true}, cmp({{}}, 1.0)),
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, 0.5)),
    ?assertEqual({true,false,false,false}, cmp(1180591620717411303424, nil)).

compare_pairs_04_test() ->
    ?assertEqual({true,false,false,false}, cmp('', [])),
    ?assertEqual({false,false,false,true}, cmp([97,98,99], {a,b})),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, aa)),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, 1.0)).

compare_pairs_05_test() ->
    ?assertEqual({false,false,false,true}, cmp([1.0], [1|2])),
    ?assertEqual({false,false,false,true}, cmp(<<0:1>>, {b})),
    ?assertEqual({false,false,false,true}, cmp(1180591620717411303424, 0)),
    ?assertEqual({true,false,false,false}, cmp('', #{1.0 => x})).

compare_pairs_06_test() ->
    ?assertEqual({true,false,false,false}, cmp({a}, [a,b])),
    ?assertEqual({true,false,false,false}, cmp(#{1.0 => x}, [97,98])),
    ?assertEqual({true,false,false,false}, cmp(-1.0, [a])),
    ?assertEqual({false,false,false,true}, cmp({1.0,2}, 1)).

compare_pairs_07_test() ->
    ?assertEqual({false,false,false,true}, cmp(<<1:1>>, [97,98])),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, aa)),
    ?assertEqual({true,false,false,false}, cmp(0.5, <<1:7>>)),
    ?assertEqual({true,false,false,false}, cmp(1.0e30, b)).

compare_pairs_08_test() ->
    ?assertEqual({true,false,false,false}, cmp(-1.0, 'B')),
    ?assertEqual({true,false,false,false}, cmp(1, {a,b})),
    ?assertEqual({true,false,false,false}, cmp(0, {a,b})),
    ?assertEqual({true,false,false,false}, cmp({a,b,c}, [a])).

compare_pairs_09_test() ->
    ?assertEqual({true,false,false,false}, cmp(aa, <<1:7>>)),
    ?assertEqual({false,false,false,true}, cmp(#{1 => x}, {a,b,c})),
    ?assertEqual({false,false,false,true}, cmp([97,98,99], 0.5)),
    ?assertEqual({true,false,false,false}, cmp(-1, #{})).

compare_pairs_10_test() ->
    ?assertEqual({true,false,false,false}, cmp(-1180591620717411303424, true)),
    ?assertEqual({false,false,false,true}, cmp([97,98], nil)),
    ?assertEqual({true,false,false,false}, cmp(b, [a,b])),
    ?assertEqual({true,false,false,false}, cmp(-1.0, <<1:7>>)).

compare_pairs_11_test() ->
    ?assertEqual({true,false,false,false}, cmp([1.0], <<1,2>>)),
    ?assertEqual({true,false,false,false}, cmp(nil, <<0:1>>)),
    ?assertEqual({true,false,false,false}, cmp(1.0e30, <<1>>)),
    ?assertEqual({true,false,false,false}, cmp([], [1|2])).

compare_pairs_12_test() ->
    ?assertEqual({true,false,false,false}, cmp(#{b => 0}, <<255>>)),
    ?assertEqual({true,false,false,false}, cmp([[]], <<>>)),
    ?assertEqual({true,false,false,false}, cmp(2.0, [a,b])),
    ?assertEqual({true,false,false,false}, cmp(false, {a})).

compare_pairs_13_test() ->
    ?assertEqual({false,false,false,true}, cmp(#{b => 0}, 'B')),
    ?assertEqual({false,false,false,true}, cmp([1|2], {b})),
    ?assertEqual({false,false,false,true}, cmp(true, 1180591620717411303424)),
    ?assertEqual({true,false,false,false}, cmp(1180591620717411303424, [97,98,100])).

compare_pairs_14_test() ->
    ?assertEqual({true,false,false,false}, cmp({a}, [])),
    ?assertEqual({true,false,false,false}, cmp(false, [[]])),
    ?assertEqual({false,false,false,true}, cmp([b], #{1 => x})),
    ?assertEqual({false,true,true,false}, cmp(nil, nil)).

compare_pairs_15_test() ->
    ?assertEqual({false,false,false,true}, cmp(#{}, '')),
    ?assertEqual({false,false,false,true}, cmp(<<1:7>>, -1180591620717411303424)),
    ?assertEqual({false,false,false,true}, cmp([97,98,100], -1)),
    ?assertEqual({true,false,false,false}, cmp({1.0,2}, <<>>)).

compare_pairs_16_test() ->
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, #{1.0 => x})),
    ?assertEqual({false,false,false,true}, cmp([97,98,100], #{1.0 => x})),
    ?assertEqual({true,false,false,false}, cmp({a,b,c}, <<>>)),
    ?assertEqual({true,false,false,false}, cmp(#{1.0 => x}, [97,98,99])).

compare_pairs_17_test() ->
    ?assertEqual({true,false,false,false}, cmp({b}, [])),
    ?assertEqual({false,false,false,true}, cmp(#{a => 1}, {b})),
    ?assertEqual({true,false,false,false}, cmp(0, <<0>>)),
    ?assertEqual({false,false,false,true}, cmp(<<255>>, <<>>)).

compare_pairs_18_test() ->
    ?assertEqual({false,false,false,true}, cmp(#{1.0 => x}, 1)),
    ?assertEqual({true,false,false,false}, cmp(0.5, {{}})),
    ?assertEqual({true,false,false,false}, cmp(#{1.0 => x}, #{b => 0})),
    ?assertEqual({false,false,false,true}, cmp(<<0>>, -1)).

compare_pairs_19_test() ->
    ?assertEqual({true,false,false,false}, cmp(2, #{1.0 => x})),
    ?assertEqual({true,false,false,false}, cmp(#{b => 0}, [[]])),
    ?assertEqual({false,false,false,true}, cmp(true, nil)),
    ?assertEqual({true,false,false,false}, cmp({b}, [97,98,100])).

compare_pairs_20_test() ->
    ?assertEqual({false,false,false,true}, cmp(#{a => 1}, {a,b,c})),
    ?assertEqual({true,false,false,false}, cmp({}, #{a => 1})),
    ?assertEqual({false,false,false,true}, cmp({}, 0)),
    ?assertEqual({false,false,false,true}, cmp(<<>>, [1.0])).

compare_pairs_21_test() ->
    ?assertEqual({true,false,false,false}, cmp(nil, [1|2])),
    ?assertEqual({false,false,false,true}, cmp(<<1,2>>, [97,98])),
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, {a,b,c})),
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, a)).

compare_pairs_22_test() ->
    ?assertEqual({true,false,false,false}, cmp(#{}, [97,98,99])),
    ?assertEqual({true,false,false,false}, cmp(false, {{}})),
    ?assertEqual({true,false,false,false}, cmp(a, <<97,98,99>>)),
    ?assertEqual({true,false,false,false}, cmp(#{a => 1,b => 2}, [a,b])).

compare_pairs_23_test() ->
    ?assertEqual({true,false,false,false}, cmp('', #{a => 1})),
    ?assertEqual({true,false,false,false}, cmp(0, [97,98])),
    ?assertEqual({false,false,false,true}, cmp(#{a => 1}, -1180591620717411303424)),
    ?assertEqual({true,false,false,false}, cmp(b, [a,b])).

compare_pairs_24_test() ->
    ?assertEqual({true,false,false,false}, cmp({1.0,2}, [])),
    ?assertEqual({false,false,false,true}, cmp({1.0,2}, {a})),
    ?assertEqual({false,false,false,true}, cmp([a,b], aa)),
    ?assertEqual({true,false,false,false}, cmp(-1, #{a => 1})).

compare_pairs_25_test() ->
    ?assertEqual({false,false,false,true}, cmp(#{b => 0}, 1180591620717411303424)),
    ?assertEqual({false,false,false,true}, cmp(<<1,2>>, 2)),
    ?assertEqual({true,false,false,false}, cmp(nil, #{})),
    ?assertEqual({false,false,false,true}, cmp(<<1:1>>, #{a => 1,b => 2})).

compare_pairs_26_test() ->
    ?assertEqual({false,false,false,true}, cmp({a}, -1180591620717411303424)),
    ?assertEqual({true,false,false,false}, cmp(0, <<1,2>>)),
    ?assertEqual({true,false,false,false}, cmp(#{}, <<97,98,99>>)),
    ?assertEqual({false,false,false,true}, cmp(#{}, 2)).

compare_pairs_27_test() ->
    ?assertEqual({false,false,false,true}, cmp(<<0>>, {a,b})),
    ?assertEqual({false,false,false,true}, cmp(#{1.0 => x}, {1,2})),
    ?assertEqual({true,false,false,false}, cmp({1,2}, <<1:7>>)),
    ?assertEqual({false,false,false,true}, cmp(<<>>, 0)).

compare_pairs_28_test() ->
    ?assertEqual({true,false,false,false}, cmp(1, true)),
    ?assertEqual({false,false,false,true}, cmp(#{}, 1.0)),
    ?assertEqual({false,false,false,true}, cmp({a}, '')),
    ?assertEqual({false,false,false,true}, cmp(true, 1180591620717411303424)).

compare_pairs_29_test() ->
    ?assertEqual({false,false,false,true}, cmp([97,98,100], #{a => 1})),
    ?assertEqual({false,true,true,false}, cmp([], [])),
    ?assertEqual({true,false,false,false}, cmp(0.5, #{a => 1})),
    ?assertEqual({true,false,false,false}, cmp(0.5, false)).

compare_pairs_30_test() ->
    ?assertEqual({true,false,false,false}, cmp([97,98,99], <<1:1>>)),
    ?assertEqual({true,false,false,false}, cmp({}, [b])),
    ?assertEqual({true,false,false,false}, cmp({}, <<0>>)),
    ?assertEqual({true,false,false,false}, cmp(aa, {1,2})).

compare_pairs_31_test() ->
    ?assertEqual({true,false,false,false}, cmp(0, <<>>)),
    ?assertEqual({true,false,false,false}, cmp(#{a => 1,b => 2}, [])),
    ?assertEqual({true,false,false,false}, cmp(1180591620717411303424, <<0>>)),
    ?assertEqual({true,false,false,false}, cmp('', [a,b])).

compare_pairs_32_test() ->
    ?assertEqual({false,false,false,true}, cmp(2, -1180591620717411303424)),
    ?assertEqual({false,false,false,true}, cmp([b], b)),
    ?assertEqual({true,false,false,false}, cmp(0.5, [b])),
    ?assertEqual({false,false,false,true}, cmp(<<1,2>>, <<1>>)).

compare_pairs_33_test() ->
    ?assertEqual({true,false,false,false}, cmp({a}, <<1:1>>)),
    ?assertEqual({false,false,false,true}, cmp(<<255>>, #{a => 1,b => 2})),
    ?assertEqual({true,false,false,false}, cmp(aa, <<1:1>>)),
    ?assertEqual({true,false,false,false}, cmp(0.5, b)).

compare_pairs_34_test() ->
    ?assertEqual({true,false,false,false}, cmp({}, [97,98,99])),
    ?assertEqual({false,false,false,true}, cmp({b}, 2.0)),
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, {})),
    ?assertEqual({false,false,false,true}, cmp(<<1:7>>, [97,98,99])).

compare_pairs_35_test() ->
    ?assertEqual({false,false,false,true}, cmp({a,b}, {b})),
    ?assertEqual({false,false,false,true}, cmp(-1, -1180591620717411303424)),
    ?assertEqual({false,false,false,true}, cmp([b], {1.0,2})),
    ?assertEqual({true,false,false,false}, cmp(1180591620717411303424, {{}})).

compare_pairs_36_test() ->
    ?assertEqual({true,false,false,false}, cmp({a,b}, #{})),
    ?assertEqual({false,false,false,true}, cmp({1,2}, 'B')),
    ?assertEqual({true,false,false,false}, cmp(1.0e30, 'B')),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, 'B')).

compare_pairs_37_test() ->
    ?assertEqual({false,false,false,true}, cmp(<<255>>, [97,98])),
    ?assertEqual({true,false,false,false}, cmp({a,b,c}, #{a => 1})),
    ?assertEqual({true,false,false,false}, cmp(#{1.0 => x}, <<0:1>>)),
    ?assertEqual({false,false,false,true}, cmp([97,98,99], [])).

compare_pairs_38_test() ->
    ?assertEqual({true,false,false,false}, cmp({}, [a,b])),
    ?assertEqual({true,false,false,false}, cmp([a,b], <<1:7>>)),
    ?assertEqual({false,false,false,true}, cmp([[]], 0.5)),
    ?assertEqual({false,false,false,true}, cmp(<<255>>, {a,b})).

compare_pairs_39_test() ->
    ?assertEqual({true,false,false,false}, cmp(false, #{b => 0})),
    ?assertEqual({true,false,false,false}, cmp(-1180591620717411303424, #{a => 1,b => 2})),
    ?assertEqual({true,false,false,false}, cmp(true, <<1:1>>)),
    ?assertEqual({false,false,false,true}, cmp(<<97,98,99>>, 2)).

compare_pairs_40_test() ->
    ?assertEqual({true,false,false,false}, cmp(nil, <<>>)),
    ?assertEqual({false,false,false,true}, cmp(<<1>>, 1180591620717411303424)),
    ?assertEqual({true,false,false,false}, cmp({a}, [[]])),
    ?assertEqual({false,false,false,true}, cmp([1.0], {1.0,2})).

