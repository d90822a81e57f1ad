-module(phash2_table_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a table of erlang:phash2/1,2 values produced by OTP 25 for
%% binaries of every length 0..20 and some longer ones, bitstrings of many
%% bit lengths, strings, integers around the small/big boundaries, floats,
%% atoms and compound terms (including a 40-key map; phash2 of a map does
%% not depend on iteration order). Terms are written with ~w.

phash2_table_001_test() ->
    T = <<>>,
    ?assertEqual(13708901, erlang:phash2(T)),
    ?assertEqual(629, erlang:phash2(T, 1000)),
    ?assertEqual(147926629, erlang:phash2(T, 1 bsl 32)).

phash2_table_002_test() ->
    T = <<1>>,
    ?assertEqual(76691218, erlang:phash2(T)),
    ?assertEqual(586, erlang:phash2(T, 1000)),
    ?assertEqual(881997586, erlang:phash2(T, 1 bsl 32)).

phash2_table_003_test() ->
    T = <<1,2>>,
    ?assertEqual(114275383, erlang:phash2(T)),
    ?assertEqual(383, erlang:phash2(T, 1000)),
    ?assertEqual(114275383, erlang:phash2(T, 1 bsl 32)).

phash2_table_004_test() ->
    T = <<1,2,3>>,
    ?assertEqual(6479071, erlang:phash2(T)),
    ?assertEqual(639, erlang:phash2(T, 1000)),
    ?assertEqual(4167228639, erlang:phash2(T, 1 bsl 32)).

phash2_table_005_test() ->
    T = <<1,2,3,4>>,
    ?assertEqual(39890977, erlang:phash2(T)),
    ?assertEqual(433, erlang:phash2(T, 1000)),
    ?assertEqual(308326433, erlang:phash2(T, 1 bsl 32)).

phash2_table_006_test() ->
    T = <<1,2,3,4,5>>,
    ?assertEqual(81915243, erlang:phash2(T)),
    ?assertEqual(619, erlang:phash2(T, 1000)),
    ?assertEqual(2363616619, erlang:phash2(T, 1 bsl 32)).

phash2_table_007_test() ->
    T = <<1,2,3,4,5,6>>,
    ?assertEqual(127833548, erlang:phash2(T)),
    ?assertEqual(932, erlang:phash2(T, 1000)),
    ?assertEqual(3885929932, erlang:phash2(T, 1 bsl 32)).

phash2_table_008_test() ->
    T = <<1,2,3,4,5,6,7>>,
    ?assertEqual(7299836, erlang:phash2(T)),
    ?assertEqual(756, erlang:phash2(T, 1000)),
    ?assertEqual(2020565756, erlang:phash2(T, 1 bsl 32)).

phash2_table_009_test() ->
    T = <<1,2,3,4,5,6,7,8>>,
    ?assertEqual(85689312, erlang:phash2(T)),
    ?assertEqual(880, erlang:phash2(T, 1000)),
    ?assertEqual(4246438880, erlang:phash2(T, 1 bsl 32)).

phash2_table_010_test() ->
    T = <<1,2,3,4,5,6,7,8,9>>,
    ?assertEqual(46387738, erlang:phash2(T)),
    ?assertEqual(394, erlang:phash2(T, 1000)),
    ?assertEqual(3670266394, erlang:phash2(T, 1 bsl 32)).

phash2_table_011_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10>>,
    ?assertEqual(65679650, erlang:phash2(T)),
    ?assertEqual(754, erlang:phash2(T, 1000)),
    ?assertEqual(2481598754, erlang:phash2(T, 1 bsl 32)).

phash2_table_012_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11>>,
    ?assertEqual(21612627, erlang:phash2(T)),
    ?assertEqual(627, erlang:phash2(T, 1000)),
    ?assertEqual(21612627, erlang:phash2(T, 1 bsl 32)).

phash2_table_013_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12>>,
    ?assertEqual(103762329, erlang:phash2(T)),
    ?assertEqual(65, erlang:phash2(T, 1000)),
    ?assertEqual(1714375065, erlang:phash2(T, 1 bsl 32)).

phash2_table_014_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13>>,
    ?assertEqual(92101820, erlang:phash2(T)),
    ?assertEqual(820, erlang:phash2(T, 1000)),
    ?assertEqual(92101820, erlang:phash2(T, 1 bsl 32)).

phash2_table_015_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14>>,
    ?assertEqual(13250511, erlang:phash2(T)),
    ?assertEqual(247, erlang:phash2(T, 1000)),
    ?assertEqual(1623863247, erlang:phash2(T, 1 bsl 32)).

phash2_table_016_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15>>,
    ?assertEqual(22466397, erlang:phash2(T)),
    ?assertEqual(677, erlang:phash2(T, 1000)),
    ?assertEqual(1364643677, erlang:phash2(T, 1 bsl 32)).

phash2_table_017_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16>>,
    ?assertEqual(92498852, erlang:phash2(T)),
    ?assertEqual(412, erlang:phash2(T, 1000)),
    ?assertEqual(2776853412, erlang:phash2(T, 1 bsl 32)).

phash2_table_018_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17>>,
    ?assertEqual(104736497, erlang:phash2(T)),
    ?assertEqual(777, erlang:phash2(T, 1000)),
    ?assertEqual(1446913777, erlang:phash2(T, 1 bsl 32)).

phash2_table_019_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18>>,
    ?assertEqual(96951099, erlang:phash2(T)),
    ?assertEqual(563, erlang:phash2(T, 1000)),
    ?assertEqual(1841781563, erlang:phash2(T, 1 bsl 32)).

phash2_table_020_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19>>,
    ?assertEqual(68362135, erlang:phash2(T)),
    ?assertEqual(511, erlang:phash2(T, 1000)),
    ?assertEqual(2350063511, erlang:phash2(T, 1 bsl 32)).

phash2_table_021_test() ->
    T = <<1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20>>,
    ?assertEqual(9860273, erlang:phash2(T)),
    ?assertEqual(825, erlang:phash2(T, 1000)),
    ?assertEqual(1217819825, erlang:phash2(T, 1 bsl 32)).

phash2_table_022_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(124066037, erlang:phash2(T)),
    ?assertEqual(413, erlang:phash2(T, 1000)),
    ?assertEqual(2405767413, erlang:phash2(T, 1 bsl 32)).

phash2_table_023_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(33212944, erlang:phash2(T)),
    ?assertEqual(48, erlang:phash2(T, 1000)),
    ?assertEqual(2449132048, erlang:phash2(T, 1 bsl 32)).

phash2_table_024_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(105143688, erlang:phash2(T)),
    ?assertEqual(792, erlang:phash2(T, 1000)),
    ?assertEqual(2521062792, erlang:phash2(T, 1 bsl 32)).

phash2_table_025_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(31328495, erlang:phash2(T)),
    ?assertEqual(407, erlang:phash2(T, 1000)),
    ?assertEqual(568199407, erlang:phash2(T, 1 bsl 32)).

phash2_table_026_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(119038703, erlang:phash2(T)),
    ?assertEqual(703, erlang:phash2(T, 1000)),
    ?assertEqual(119038703, erlang:phash2(T, 1 bsl 32)).

phash2_table_027_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(131552894, erlang:phash2(T)),
    ?assertEqual(462, erlang:phash2(T, 1000)),
    ?assertEqual(4292302462, erlang:phash2(T, 1 bsl 32)).

phash2_table_028_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(113300833, erlang:phash2(T)),
    ?assertEqual(849, erlang:phash2(T, 1000)),
    ?assertEqual(3066090849, erlang:phash2(T, 1 bsl 32)).

phash2_table_029_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(80764872, erlang:phash2(T)),
    ?assertEqual(432, erlang:phash2(T, 1000)),
    ?assertEqual(2765119432, erlang:phash2(T, 1 bsl 32)).

phash2_table_030_test() ->
    T = <<120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120,120>>,
    ?assertEqual(40754910, erlang:phash2(T)),
    ?assertEqual(294, erlang:phash2(T, 1000)),
    ?assertEqual(3798851294, erlang:phash2(T, 1 bsl 32)).

phash2_table_031_test() ->
    T = <<1:1>>,
    ?assertEqual(102233125, erlang:phash2(T)),
    ?assertEqual(237, erlang:phash2(T, 1000)),
    ?assertEqual(3994547237, erlang:phash2(T, 1 bsl 32)).

phash2_table_032_test() ->
    T = <<1:2>>,
    ?assertEqual(77521788, erlang:phash2(T)),
    ?assertEqual(340, erlang:phash2(T, 1000)),
    ?assertEqual(1285481340, erlang:phash2(T, 1 bsl 32)).

phash2_table_033_test() ->
    T = <<5:3>>,
    ?assertEqual(133543196, erlang:phash2(T)),
    ?assertEqual(668, erlang:phash2(T, 1000)),
    ?assertEqual(3354768668, erlang:phash2(T, 1 bsl 32)).

phash2_table_034_test() ->
    T = <<5:4>>,
    ?assertEqual(102137256, erlang:phash2(T)),
    ?assertEqual(720, erlang:phash2(T, 1000)),
    ?assertEqual(1846967720, erlang:phash2(T, 1 bsl 32)).

phash2_table_035_test() ->
    T = <<5:5>>,
    ?assertEqual(53258839, erlang:phash2(T)),
    ?assertEqual(207, erlang:phash2(T, 1000)),
    ?assertEqual(858565207, erlang:phash2(T, 1 bsl 32)).

phash2_table_036_test() ->
    T = <<5:6>>,
    ?assertEqual(6327475, erlang:phash2(T)),
    ?assertEqual(115, erlang:phash2(T, 1000)),
    ?assertEqual(677416115, erlang:phash2(T, 1 bsl 32)).

phash2_table_037_test() ->
    T = <<5:7>>,
    ?assertEqual(128912981, erlang:phash2(T)),
    ?assertEqual(621, erlang:phash2(T, 1000)),
    ?assertEqual(800001621, erlang:phash2(T, 1 bsl 32)).

phash2_table_038_test() ->
    T = <<5>>,
    ?assertEqual(56749619, erlang:phash2(T)),
    ?assertEqual(731, erlang:phash2(T, 1000)),
    ?assertEqual(3949063731, erlang:phash2(T, 1 bsl 32)).

phash2_table_039_test() ->
    T = <<2,1:1>>,
    ?assertEqual(89445165, erlang:phash2(T)),
    ?assertEqual(821, erlang:phash2(T, 1000)),
    ?assertEqual(3713323821, erlang:phash2(T, 1 bsl 32)).

phash2_table_040_test() ->
    T = <<1,1:2>>,
    ?assertEqual(23238053, erlang:phash2(T)),
    ?assertEqual(341, erlang:phash2(T, 1000)),
    ?assertEqual(2841810341, erlang:phash2(T, 1 bsl 32)).

phash2_table_041_test() ->
    T = <<0,5:3>>,
    ?assertEqual(68796939, erlang:phash2(T)),
    ?assertEqual(131, erlang:phash2(T, 1000)),
    ?assertEqual(1947845131, erlang:phash2(T, 1 bsl 32)).

phash2_table_042_test() ->
    T = <<0,5:4>>,
    ?assertEqual(66473894, erlang:phash2(T)),
    ?assertEqual(262, erlang:phash2(T, 1000)),
    ?assertEqual(871780262, erlang:phash2(T, 1 bsl 32)).

phash2_table_043_test() ->
    T = <<0,5:5>>,
    ?assertEqual(86901120, erlang:phash2(T)),
    ?assertEqual(32, erlang:phash2(T, 1000)),
    ?assertEqual(623772032, erlang:phash2(T, 1 bsl 32)).

phash2_table_044_test() ->
    T = <<0,5:6>>,
    ?assertEqual(15588313, erlang:phash2(T)),
    ?assertEqual(409, erlang:phash2(T, 1000)),
    ?assertEqual(955112409, erlang:phash2(T, 1 bsl 32)).

phash2_table_045_test() ->
    T = <<0,5:7>>,
    ?assertEqual(33515607, erlang:phash2(T)),
    ?assertEqual(703, erlang:phash2(T, 1000)),
    ?assertEqual(973039703, erlang:phash2(T, 1 bsl 32)).

phash2_table_046_test() ->
    T = <<97,98,99,1:1>>,
    ?assertEqual(125210466, erlang:phash2(T)),
    ?assertEqual(930, erlang:phash2(T, 1000)),
    ?assertEqual(1870040930, erlang:phash2(T, 1 bsl 32)).

phash2_table_047_test() ->
    T = <<97,98,99,3:4>>,
    ?assertEqual(12321988, erlang:phash2(T)),
    ?assertEqual(644, erlang:phash2(T, 1000)),
    ?assertEqual(3636200644, erlang:phash2(T, 1 bsl 32)).

phash2_table_048_test() ->
    T = <<97,98,99,3:7>>,
    ?assertEqual(124254111, erlang:phash2(T)),
    ?assertEqual(759, erlang:phash2(T, 1000)),
    ?assertEqual(2271737759, erlang:phash2(T, 1 bsl 32)).

phash2_table_049_test() ->
    T = [],
    ?assertEqual(113427502, erlang:phash2(T)),
    ?assertEqual(702, erlang:phash2(T, 1000)),
    ?assertEqual(3468870702, erlang:phash2(T, 1 bsl 32)).

phash2_table_050_test() ->
    T = [97],
    ?assertEqual(49011133, erlang:phash2(T)),
    ?assertEqual(693, erlang:phash2(T, 1000)),
    ?assertEqual(2733365693, erlang:phash2(T, 1 bsl 32)).

phash2_table_051_test() ->
    T = [97,98],
    ?assertEqual(98428323, erlang:phash2(T)),
    ?assertEqual(699, erlang:phash2(T, 1000)),
    ?assertEqual(2380129699, erlang:phash2(T, 1 bsl 32)).

phash2_table_052_test() ->
    T = [97,98,99],
    ?assertEqual(117343302, erlang:phash2(T)),
    ?assertEqual(486, erlang:phash2(T, 1000)),
    ?assertEqual(519996486, erlang:phash2(T, 1 bsl 32)).

phash2_table_053_test() ->
    T = [97,98,99,100],
    ?assertEqual(7922743, erlang:phash2(T)),
    ?assertEqual(207, erlang:phash2(T, 1000)),
    ?assertEqual(1752753207, erlang:phash2(T, 1 bsl 32)).

phash2_table_054_test() ->
    T = [97,98,99,100,101],
    ?assertEqual(71169904, erlang:phash2(T)),
    ?assertEqual(8, erlang:phash2(T, 1000)),
    ?assertEqual(2487089008, erlang:phash2(T, 1 bsl 32)).

phash2_table_055_test() ->
    T = [97,98,99,100,101,102],
    ?assertEqual(82973348, erlang:phash2(T)),
    ?assertEqual(548, erlang:phash2(T, 1000)),
    ?assertEqual(3438416548, erlang:phash2(T, 1 bsl 32)).

phash2_table_056_test() ->
    T = [97,98,99,100,101,102,103],
    ?assertEqual(45708859, erlang:phash2(T)),
    ?assertEqual(499, erlang:phash2(T, 1000)),
    ?assertEqual(716797499, erlang:phash2(T, 1 bsl 32)).

phash2_table_057_test() ->
    T = [97,98,99,100,101,102,103,104],
    ?assertEqual(108788142, erlang:phash2(T)),
    ?assertEqual(510, erlang:phash2(T, 1000)),
    ?assertEqual(914094510, erlang:phash2(T, 1 bsl 32)).

phash2_table_058_test() ->
    T = [97,98,99,100,101,102,103,104,105],
    ?assertEqual(77449587, erlang:phash2(T)),
    ?assertEqual(43, erlang:phash2(T, 1000)),
    ?assertEqual(345885043, erlang:phash2(T, 1 bsl 32)).

phash2_table_059_test() ->
    T = [97,98,99,100,101,102,103,104,105,106],
    ?assertEqual(64371112, erlang:phash2(T)),
    ?assertEqual(760, erlang:phash2(T, 1000)),
    ?assertEqual(2211854760, erlang:phash2(T, 1 bsl 32)).

phash2_table_060_test() ->
    T = [97,98,99,100,101,102,103,104,105,106,107],
    ?assertEqual(56997134, erlang:phash2(T)),
    ?assertEqual(974, erlang:phash2(T, 1000)),
    ?assertEqual(4083528974, erlang:phash2(T, 1 bsl 32)).

phash2_table_061_test() ->
    T = [97,98,99,100,101,102,103,104,105,106,107,108],
    ?assertEqual(65861122, erlang:phash2(T)),
    ?assertEqual(402, erlang:phash2(T, 1000)),
    ?assertEqual(1408038402, erlang:phash2(T, 1 bsl 32)).

phash2_table_062_test() ->
    T = -1267650600228229401496703205376,
    ?assertEqual(124857544, erlang:phash2(T)),
    ?assertEqual(472, erlang:phash2(T, 1000)),
    ?assertEqual(3614518472, erlang:phash2(T, 1 bsl 32)).

phash2_table_063_test() ->
    T = -18446744073709551615,
    ?assertEqual(122255289, erlang:phash2(T)),
    ?assertEqual(305, erlang:phash2(T, 1000)),
    ?assertEqual(3075045305, erlang:phash2(T, 1 bsl 32)).

phash2_table_064_test() ->
    T = -134217728,
    ?assertEqual(69672967, erlang:phash2(T)),
    ?assertEqual(335, erlang:phash2(T, 1000)),
    ?assertEqual(874979335, erlang:phash2(T, 1 bsl 32)).

phash2_table_065_test() ->
    T = -134217729,
    ?assertEqual(76739502, erlang:phash2(T)),
    ?assertEqual(782, erlang:phash2(T, 1000)),
    ?assertEqual(1418916782, erlang:phash2(T, 1 bsl 32)).

phash2_table_066_test() ->
    T = 134217727,
    ?assertEqual(112602999, erlang:phash2(T)),
    ?assertEqual(567, erlang:phash2(T, 1000)),
    ?assertEqual(4273352567, erlang:phash2(T, 1 bsl 32)).

phash2_table_067_test() ->
    T = 134217728,
    ?assertEqual(12354923, erlang:phash2(T)),
    ?assertEqual(755, erlang:phash2(T, 1000)),
    ?assertEqual(2562491755, erlang:phash2(T, 1 bsl 32)).

phash2_table_068_test() ->
    T = 134217728,
    ?assertEqual(12354923, erlang:phash2(T)),
    ?assertEqual(755, erlang:phash2(T, 1000)),
    ?assertEqual(2562491755, erlang:phash2(T, 1 bsl 32)).

phash2_table_069_test() ->
    T = 576460752303423487,
    ?assertEqual(27520264, erlang:phash2(T)),
    ?assertEqual(0, erlang:phash2(T, 1000)),
    ?assertEqual(1638133000, erlang:phash2(T, 1 bsl 32)).

phash2_table_070_test() ->
    T = 576460752303423488,
    ?assertEqual(26969617, erlang:phash2(T)),
    ?assertEqual(721, erlang:phash2(T, 1000)),
    ?assertEqual(2442888721, erlang:phash2(T, 1 bsl 32)).

phash2_table_071_test() ->
    T = 1152921504606846976,
    ?assertEqual(31803508, erlang:phash2(T)),
    ?assertEqual(788, erlang:phash2(T, 1000)),
    ?assertEqual(1373980788, erlang:phash2(T, 1 bsl 32)).

phash2_table_072_test() ->
    T = 9223372036854775808,
    ?assertEqual(39852678, erlang:phash2(T)),
    ?assertEqual(318, erlang:phash2(T, 1000)),
    ?assertEqual(710941318, erlang:phash2(T, 1 bsl 32)).

phash2_table_073_test() ->
    T = 18446744073709551615,
    ?assertEqual(53435350, erlang:phash2(T)),
    ?assertEqual(806, erlang:phash2(T, 1000)),
    ?assertEqual(321870806, erlang:phash2(T, 1 bsl 32)).

phash2_table_074_test() ->
    T = 12345678901234567890123,
    ?assertEqual(55460242, erlang:phash2(T)),
    ?assertEqual(154, erlang:phash2(T, 1000)),
    ?assertEqual(592331154, erlang:phash2(T, 1 bsl 32)).

phash2_table_075_test() ->
    T = -7,
    ?assertEqual(56244722, erlang:phash2(T)),
    ?assertEqual(282, erlang:phash2(T, 1000)),
    ?assertEqual(2740599282, erlang:phash2(T, 1 bsl 32)).

phash2_table_076_test() ->
    T = 1000000,
    ?assertEqual(109607396, erlang:phash2(T)),
    ?assertEqual(324, erlang:phash2(T, 1000)),
    ?assertEqual(3599268324, erlang:phash2(T, 1 bsl 32)).

phash2_table_077_test() ->
    T = 0.0,
    ?assertEqual(20875736, erlang:phash2(T)),
    ?assertEqual(920, erlang:phash2(T, 1000)),
    ?assertEqual(423528920, erlang:phash2(T, 1 bsl 32)).

phash2_table_078_test() ->
    T = -1.5,
    ?assertEqual(13753666, erlang:phash2(T)),
    ?assertEqual(130, erlang:phash2(T, 1000)),
    ?assertEqual(1758584130, erlang:phash2(T, 1 bsl 32)).

phash2_table_079_test() ->
    T = 3.14159,
    ?assertEqual(4008880, erlang:phash2(T)),
    ?assertEqual(432, erlang:phash2(T, 1000)),
    ?assertEqual(1211968432, erlang:phash2(T, 1 bsl 32)).

phash2_table_080_test() ->
    T = 1.0e100,
    ?assertEqual(52341048, erlang:phash2(T)),
    ?assertEqual(776, erlang:phash2(T, 1000)),
    ?assertEqual(186558776, erlang:phash2(T, 1 bsl 32)).

phash2_table_081_test() ->
    T = -1.0e-100,
    ?assertEqual(93965640, erlang:phash2(T)),
    ?assertEqual(928, erlang:phash2(T, 1000)),
    ?assertEqual(2912537928, erlang:phash2(T, 1 bsl 32)).

phash2_table_082_test() ->
    T = 2.5e-310,
    ?assertEqual(4944187, erlang:phash2(T)),
    ?assertEqual(555, erlang:phash2(T, 1000)),
    ?assertEqual(810250555, erlang:phash2(T, 1 bsl 32)).

phash2_table_083_test() ->
    T = 123456.789,
    ?assertEqual(78313598, erlang:phash2(T)),
    ?assertEqual(246, erlang:phash2(T, 1000)),
    ?assertEqual(2225797246, erlang:phash2(T, 1 bsl 32)).

phash2_table_084_test() ->
    T = b,
    ?assertEqual(98, erlang:phash2(T)),
    ?assertEqual(98, erlang:phash2(T, 1000)),
    ?assertEqual(98, erlang:phash2(T, 1 bsl 32)).

phash2_table_085_test() ->
    T = 'B',
    ?assertEqual(66, erlang:phash2(T)),
    ?assertEqual(66, erlang:phash2(T, 1000)),
    ?assertEqual(66, erlang:phash2(T, 1 bsl 32)).

phash2_table_086_test() ->
    T = ok,
    ?assertEqual(1883, erlang:phash2(T)),
    ?assertEqual(883, erlang:phash2(T, 1000)),
    ?assertEqual(1883, erlang:phash2(T, 1 bsl 32)).

phash2_table_087_test() ->
    T = error,
    ?assertEqual(7117154, erlang:phash2(T)),
    ?assertEqual(154, erlang:phash2(T, 1000)),
    ?assertEqual(7117154, erlang:phash2(T, 1 bsl 32)).

phash2_table_088_test() ->
    T = hello_world,
    ?assertEqual(84192276, erlang:phash2(T)),
    ?assertEqual(276, erlang:phash2(T, 1000)),
    ?assertEqual(84192276, erlang:phash2(T, 1 bsl 32)).

phash2_table_089_test() ->
    T = 'with space',
    ?assertEqual(41781045, erlang:phash2(T)),
    ?assertEqual(773, erlang:phash2(T, 1000)),
    ?assertEqual(175998773, erlang:phash2(T, 1 bsl 32)).

phash2_table_090_test() ->
    T = '\x{3B1}\x{3B2}',
    ?assertEqual(892562, erlang:phash2(T)),
    ?assertEqual(562, erlang:phash2(T, 1000)),
    ?assertEqual(892562, erlang:phash2(T, 1 bsl 32)).

phash2_table_091_test() ->
    T = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,
    ?assertEqual(423793, erlang:phash2(T)),
    ?assertEqual(793, erlang:phash2(T, 1000)),
    ?assertEqual(423793, erlang:phash2(T, 1 bsl 32)).

phash2_table_092_test() ->
    T = {a,b,c,d,e,f,g,h,i,j},
    ?assertEqual(116216483, erlang:phash2(T)),
    ?assertEqual(51, erlang:phash2(T, 1000)),
    ?assertEqual(4276966051, erlang:phash2(T, 1 bsl 32)).

phash2_table_093_test() ->
    T = [[[]]],
    ?assertEqual(67164138, erlang:phash2(T)),
    ?assertEqual(138, erlang:phash2(T, 1000)),
    ?assertEqual(67164138, erlang:phash2(T, 1 bsl 32)).

phash2_table_094_test() ->
    T = [{}],
    ?assertEqual(24335964, erlang:phash2(T)),
    ?assertEqual(804, erlang:phash2(T, 1000)),
    ?assertEqual(4050867804, erlang:phash2(T, 1 bsl 32)).

phash2_table_095_test() ->
    T = {[]},
    ?assertEqual(30249041, erlang:phash2(T)),
    ?assertEqual(505, erlang:phash2(T, 1000)),
    ?assertEqual(1775079505, erlang:phash2(T, 1 bsl 32)).

phash2_table_096_test() ->
    T = {1.0,1},
    ?assertEqual(107918894, erlang:phash2(T)),
    ?assertEqual(366, erlang:phash2(T, 1000)),
    ?assertEqual(3329144366, erlang:phash2(T, 1 bsl 32)).

phash2_table_097_test() ->
    T = [a|{b}],
    ?assertEqual(126236868, erlang:phash2(T)),
    ?assertEqual(692, erlang:phash2(T, 1000)),
    ?assertEqual(1199978692, erlang:phash2(T, 1 bsl 32)).

phash2_table_098_test() ->
    T = {{{{{x}}}}},
    ?assertEqual(36479542, erlang:phash2(T)),
    ?assertEqual(182, erlang:phash2(T, 1000)),
    ?assertEqual(707568182, erlang:phash2(T, 1 bsl 32)).

phash2_table_099_test() ->
    T = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255,256,257,258,259,260,261,262,263,264,265,266,267,268,269,270,271,272,273,274,275,276,277,278,279,280,281,282,283,284,285,286,287,288,289,290,291,292,293,294,295,296,297,298,299,300},
    ?assertEqual(99693584, erlang:phash2(T)),
    ?assertEqual(224, erlang:phash2(T, 1000)),
    ?assertEqual(770782224, erlang:phash2(T, 1 bsl 32)).

phash2_table_100_test() ->
    T = [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255,256,257,258,259,260,261,262,263,264,265,266,267,268,269,270,271,272,273,274,275,276,277,278,279,280,281,282,283,284,285,286,287,288,289,290,291,292,293,294,295,296,297,298,299,300],
    ?assertEqual(17099521, erlang:phash2(T)),
    ?assertEqual(633, erlang:phash2(T, 1000)),
    ?assertEqual(3909413633, erlang:phash2(T, 1 bsl 32)).

phash2_table_101_test() ->
    T = #{a => #{b => #{c => d}}},
    ?assertEqual(134115470, erlang:phash2(T)),
    ?assertEqual(22, erlang:phash2(T, 1000)),
    ?assertEqual(1342075022, erlang:phash2(T, 1 bsl 32)).

phash2_table_102_test() ->
    T = #{1 => 2,2 => 1},
    ?assertEqual(80463031, erlang:phash2(T)),
    ?assertEqual(959, erlang:phash2(T, 1000)),
    ?assertEqual(3570123959, erlang:phash2(T, 1 bsl 32)).

phash2_table_103_test() ->
    T = #{{} => [],[] => {}},
    ?assertEqual(67428837, erlang:phash2(T)),
    ?assertEqual(853, erlang:phash2(T, 1000)),
    ?assertEqual(3020218853, erlang:phash2(T, 1 bsl 32)).

phash2_table_104_test() ->
    T = #{16 => 16,18 => 18,5 => 5,19 => 19,27 => 27,35 => 35,10 => 10,24 => 24,36 => 36,4 => 4,21 => 21,22 => 22,17 => 17,3 => 3,8 => 8,1 => 1,7 => 7,2 => 2,14 => 14,15 => 15,20 => 20,40 => 40,13 => 13,38 => 38,6 => 6,28 => 28,25 => 25,34 => 34,32 => 32,9 => 9,37 => 37,11 => 11,31 => 31,26 => 26,39 => 39,30 => 30,29 => 29,23 => 23,12 => 12,33 => 33},
    ?assertEqual(55048502, erlang:phash2(T)),
    ?assertEqual(150, erlang:phash2(T, 1000)),
    ?assertEqual(2202532150, erlang:phash2(T, 1 bsl 32)).

phash2_table_105_test() ->
    T = [<<97>>,<<98>>|<<99>>],
    ?assertEqual(2146659, erlang:phash2(T)),
    ?assertEqual(771, erlang:phash2(T, 1000)),
    ?assertEqual(3894460771, erlang:phash2(T, 1 bsl 32)).

phash2_table_106_test() ->
    T = {<<1:1>>,<<>>},
    ?assertEqual(4727264, erlang:phash2(T)),
    ?assertEqual(920, erlang:phash2(T, 1000)),
    ?assertEqual(3628605920, erlang:phash2(T, 1 bsl 32)).

