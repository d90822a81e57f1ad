-module(format_table_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: a table of io_lib:format/2 results from OTP 25 for the
%% control sequences ~w ~p ~s ~b ~B ~x ~# ~+ ~c ~e ~f ~g combined with the
%% field specifications "", "12", "-12", ".3", "12.3", "-12.3", "12.3.x",
%% "-12.3.0", "3" and ".1" (width, precision, pad character, left
%% adjustment, truncation to '*'). Results that raise badarg are recorded
%% as the atom badarg. Expected strings use \x{..} for non-ASCII.

r(Fmt, Args) ->
    try lists:flatten(io_lib:format(Fmt, Args))
    catch error:badarg -> badarg
    end.

format_combo_001_test() ->
    ?assertEqual("abc|", r("~w|", [abc])),
    ?assertEqual("         abc|", r("~12w|", [abc])),
    ?assertEqual("abc         |", r("~-12w|", [abc])),
    ?assertEqual("abc|", r("~.3w|", [abc])),
    ?assertEqual("         abc|", r("~12.3w|", [abc])).

format_combo_002_test() ->
    ?assertEqual("abc         |", r("~-12.3w|", [abc])),
    ?assertEqual("xxxxxxxxxabc|", r("~12.3.xw|", [abc])),
    ?assertEqual("abc000000000|", r("~-12.3.0w|", [abc])),
    ?assertEqual("abc|", r("~3w|", [abc])),
    ?assertEqual("*|", r("~.1w|", [abc])).

format_combo_003_test() ->
    ?assertEqual("-42|", r("~w|", [-42])),
    ?assertEqual("         -42|", r("~12w|", [-42])),
    ?assertEqual("-42         |", r("~-12w|", [-42])),
    ?assertEqual("-42|", r("~.3w|", [-42])),
    ?assertEqual("         -42|", r("~12.3w|", [-42])).

format_combo_004_test() ->
    ?assertEqual("-42         |", r("~-12.3w|", [-42])),
    ?assertEqual("xxxxxxxxx-42|", r("~12.3.xw|", [-42])),
    ?assertEqual("-42000000000|", r("~-12.3.0w|", [-42])),
    ?assertEqual("-42|", r("~3w|", [-42])),
    ?assertEqual("*|", r("~.1w|", [-42])).

format_combo_005_test() ->
    ?assertEqual("[115,116,114]|", r("~w|", [[115,116,114]])),
    ?assertEqual("************|", r("~12w|", [[115,116,114]])),
    ?assertEqual("************|", r("~-12w|", [[115,116,114]])),
    ?assertEqual("***|", r("~.3w|", [[115,116,114]])),
    ?assertEqual("         ***|", r("~12.3w|", [[115,116,114]])).

format_combo_006_test() ->
    ?assertEqual("***         |", r("~-12.3w|", [[115,116,114]])),
    ?assertEqual("xxxxxxxxx***|", r("~12.3.xw|", [[115,116,114]])),
    ?assertEqual("***000000000|", r("~-12.3.0w|", [[115,116,114]])),
    ?assertEqual("***|", r("~3w|", [[115,116,114]])),
    ?assertEqual("*|", r("~.1w|", [[115,116,114]])).

format_combo_007_test() ->
    ?assertEqual(badarg, r("~w|", [1,2])),
    ?assertEqual(badarg, r("~12w|", [1,2])),
    ?assertEqual(badarg, r("~-12w|", [1,2])),
    ?assertEqual(badarg, r("~.3w|", [1,2])),
    ?assertEqual(badarg, r("~12.3w|", [1,2])).

format_combo_008_test() ->
    ?assertEqual(badarg, r("~-12.3w|", [1,2])),
    ?assertEqual(badarg, r("~12.3.xw|", [1,2])),
    ?assertEqual(badarg, r("~-12.3.0w|", [1,2])),
    ?assertEqual(badarg, r("~3w|", [1,2])),
    ?assertEqual(badarg, r("~.1w|", [1,2])).

format_combo_009_test() ->
    ?assertEqual("\"str\"|", r("~p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~12p|", [[115,116,114]])),
    ?assertEqual(badarg, r("~-12p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~.3p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~12.3p|", [[115,116,114]])).

format_combo_010_test() ->
    ?assertEqual(badarg, r("~-12.3p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~12.3.xp|", [[115,116,114]])),
    ?assertEqual(badarg, r("~-12.3.0p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~3p|", [[115,116,114]])),
    ?assertEqual("\"str\"|", r("~.1p|", [[115,116,114]])).

format_combo_011_test() ->
    ?assertEqual("[1,2,3]|", r("~p|", [[1,2,3]])),
    ?assertEqual("[1,2,3]|", r("~12p|", [[1,2,3]])),
    ?assertEqual(badarg, r("~-12p|", [[1,2,3]])),
    ?assertEqual("[1,2,3]|", r("~.3p|", [[1,2,3]])),
    ?assertEqual("[1,2,3]|", r("~12.3p|", [[1,2,3]])).

format_combo_012_test() ->
    ?assertEqual(badarg, r("~-12.3p|", [[1,2,3]])),
    ?assertEqual("[1,2,3]|", r("~12.3.xp|", [[1,2,3]])),
    ?assertEqual(badarg, r("~-12.3.0p|", [[1,2,3]])),
    ?assertEqual("[1,\n 2,\n 3]|", r("~3p|", [[1,2,3]])),
    ?assertEqual("[1,2,3]|", r("~.1p|", [[1,2,3]])).

format_combo_013_test() ->
    ?assertEqual("hello world|", r("~s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual(" hello world|", r("~12s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("hello world |", r("~-12s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("hel|", r("~.3s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("         hel|", r("~12.3s|", [[104,101,108,108,111,32,119,111,114,108,100]])).

format_combo_014_test() ->
    ?assertEqual("hel         |", r("~-12.3s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("xxxxxxxxxhel|", r("~12.3.xs|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("hel000000000|", r("~-12.3.0s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("hel|", r("~3s|", [[104,101,108,108,111,32,119,111,114,108,100]])),
    ?assertEqual("h|", r("~.1s|", [[104,101,108,108,111,32,119,111,114,108,100]])).

format_combo_015_test() ->
    ?assertEqual("bin|", r("~s|", [<<98,105,110>>])),
    ?assertEqual("         bin|", r("~12s|", [<<98,105,110>>])),
    ?assertEqual("bin         |", r("~-12s|", [<<98,105,110>>])),
    ?assertEqual("bin|", r("~.3s|", [<<98,105,110>>])),
    ?assertEqual("         bin|", r("~12.3s|", [<<98,105,110>>])).

format_combo_016_test() ->
    ?assertEqual("bin         |", r("~-12.3s|", [<<98,105,110>>])),
    ?assertEqual("xxxxxxxxxbin|", r("~12.3.xs|", [<<98,105,110>>])),
    ?assertEqual("bin000000000|", r("~-12.3.0s|", [<<98,105,110>>])),
    ?assertEqual("bin|", r("~3s|", [<<98,105,110>>])),
    ?assertEqual("b|", r("~.1s|", [<<98,105,110>>])).

format_combo_017_test() ->
    ?assertEqual("atom_val|", r("~s|", [atom_val])),
    ?assertEqual("    atom_val|", r("~12s|", [atom_val])),
    ?assertEqual("atom_val    |", r("~-12s|", [atom_val])),
    ?assertEqual("ato|", r("~.3s|", [atom_val])),
    ?assertEqual("         ato|", r("~12.3s|", [atom_val])).

format_combo_018_test() ->
    ?assertEqual("ato         |", r("~-12.3s|", [atom_val])),
    ?assertEqual("xxxxxxxxxato|", r("~12.3.xs|", [atom_val])),
    ?assertEqual("ato000000000|", r("~-12.3.0s|", [atom_val])),
    ?assertEqual("ato|", r("~3s|", [atom_val])),
    ?assertEqual("a|", r("~.1s|", [atom_val])).

format_combo_019_test() ->
    ?assertEqual("255|", r("~b|", [255])),
    ?assertEqual("         255|", r("~12b|", [255])),
    ?assertEqual("255         |", r("~-12b|", [255])),
    ?assertEqual("100110|", r("~.3b|", [255])),
    ?assertEqual("      100110|", r("~12.3b|", [255])).

format_combo_020_test() ->
    ?assertEqual("100110      |", r("~-12.3b|", [255])),
    ?assertEqual("xxxxxx100110|", r("~12.3.xb|", [255])),
    ?assertEqual("100110000000|", r("~-12.3.0b|", [255])),
    ?assertEqual("255|", r("~3b|", [255])),
    ?assertEqual(badarg, r("~.1b|", [255])).

format_combo_021_test() ->
    ?assertEqual("-255|", r("~b|", [-255])),
    ?assertEqual("        -255|", r("~12b|", [-255])),
    ?assertEqual("-255        |", r("~-12b|", [-255])),
    ?assertEqual("-100110|", r("~.3b|", [-255])),
    ?assertEqual("     -100110|", r("~12.3b|", [-255])).

format_combo_022_test() ->
    ?assertEqual("-100110     |", r("~-12.3b|", [-255])),
    ?assertEqual("xxxxx-100110|", r("~12.3.xb|", [-255])),
    ?assertEqual("-10011000000|", r("~-12.3.0b|", [-255])),
    ?assertEqual("***|", r("~3b|", [-255])),
    ?assertEqual(badarg, r("~.1b|", [-255])).

format_combo_023_test() ->
    ?assertEqual("1099511627776|", r("~B|", [1099511627776])),
    ?assertEqual("************|", r("~12B|", [1099511627776])),
    ?assertEqual("************|", r("~-12B|", [1099511627776])),
    ?assertEqual("10220010000212002212222121|", r("~.3B|", [1099511627776])),
    ?assertEqual("************|", r("~12.3B|", [1099511627776])).

format_combo_024_test() ->
    ?assertEqual("************|", r("~-12.3B|", [1099511627776])),
    ?assertEqual("************|", r("~12.3.xB|", [1099511627776])),
    ?assertEqual("************|", r("~-12.3.0B|", [1099511627776])),
    ?assertEqual("***|", r("~3B|", [1099511627776])),
    ?assertEqual(badarg, r("~.1B|", [1099511627776])).

format_combo_025_test() ->
    ?assertEqual("0x255|", r("~x|", [255,[48,120]])),
    ?assertEqual("       0x255|", r("~12x|", [255,[48,120]])),
    ?assertEqual("0x255       |", r("~-12x|", [255,[48,120]])),
    ?assertEqual("0x100110|", r("~.3x|", [255,[48,120]])),
    ?assertEqual("    0x100110|", r("~12.3x|", [255,[48,120]])).

format_combo_026_test() ->
    ?assertEqual("0x100110    |", r("~-12.3x|", [255,[48,120]])),
    ?assertEqual("xxxx0x100110|", r("~12.3.xx|", [255,[48,120]])),
    ?assertEqual("0x1001100000|", r("~-12.3.0x|", [255,[48,120]])),
    ?assertEqual("***|", r("~3x|", [255,[48,120]])),
    ?assertEqual(badarg, r("~.1x|", [255,[48,120]])).

format_combo_027_test() ->
    ?assertEqual("-10#255|", r("~#|", [-255])),
    ?assertEqual("     -10#255|", r("~12#|", [-255])),
    ?assertEqual("-10#255     |", r("~-12#|", [-255])),
    ?assertEqual("-3#100110|", r("~.3#|", [-255])),
    ?assertEqual("   -3#100110|", r("~12.3#|", [-255])).

format_combo_028_test() ->
    ?assertEqual("-3#100110   |", r("~-12.3#|", [-255])),
    ?assertEqual("xxx-3#100110|", r("~12.3.x#|", [-255])),
    ?assertEqual("-3#100110000|", r("~-12.3.0#|", [-255])),
    ?assertEqual("***|", r("~3#|", [-255])),
    ?assertEqual(badarg, r("~.1#|", [-255])).

format_combo_029_test() ->
    ?assertEqual("10#255|", r("~+|", [255])),
    ?assertEqual("      10#255|", r("~12+|", [255])),
    ?assertEqual("10#255      |", r("~-12+|", [255])),
    ?assertEqual("3#100110|", r("~.3+|", [255])),
    ?assertEqual("    3#100110|", r("~12.3+|", [255])).

format_combo_030_test() ->
    ?assertEqual("3#100110    |", r("~-12.3+|", [255])),
    ?assertEqual("xxxx3#100110|", r("~12.3.x+|", [255])),
    ?assertEqual("3#1001100000|", r("~-12.3.0+|", [255])),
    ?assertEqual("***|", r("~3+|", [255])),
    ?assertEqual(badarg, r("~.1+|", [255])).

format_combo_031_test() ->
    ?assertEqual("z|", r("~c|", [122])),
    ?assertEqual("zzzzzzzzzzzz|", r("~12c|", [122])),
    ?assertEqual("zzzzzzzzzzzz|", r("~-12c|", [122])),
    ?assertEqual("zzz|", r("~.3c|", [122])),
    ?assertEqual("         zzz|", r("~12.3c|", [122])).

format_combo_032_test() ->
    ?assertEqual("zzz         |", r("~-12.3c|", [122])),
    ?assertEqual("xxxxxxxxxzzz|", r("~12.3.xc|", [122])),
    ?assertEqual("zzz000000000|", r("~-12.3.0c|", [122])),
    ?assertEqual("zzz|", r("~3c|", [122])),
    ?assertEqual("z|", r("~.1c|", [122])).

format_combo_033_test() ->
    ?assertEqual("3.14159e+0|", r("~e|", [3.14159])),
    ?assertEqual("  3.14159e+0|", r("~12e|", [3.14159])),
    ?assertEqual("3.14159e+0  |", r("~-12e|", [3.14159])),
    ?assertEqual("3.14e+0|", r("~.3e|", [3.14159])),
    ?assertEqual("     3.14e+0|", r("~12.3e|", [3.14159])).

format_combo_034_test() ->
    ?assertEqual("3.14e+0     |", r("~-12.3e|", [3.14159])),
    ?assertEqual("xxxxx3.14e+0|", r("~12.3.xe|", [3.14159])),
    ?assertEqual("3.14e+000000|", r("~-12.3.0e|", [3.14159])),
    ?assertEqual("***|", r("~3e|", [3.14159])),
    ?assertEqual(badarg, r("~.1e|", [3.14159])).

format_combo_035_test() ->
    ?assertEqual("-1.00000e-3|", r("~e|", [-0.001])),
    ?assertEqual(" -1.00000e-3|", r("~12e|", [-0.001])),
    ?assertEqual("-1.00000e-3 |", r("~-12e|", [-0.001])),
    ?assertEqual("-1.00e-3|", r("~.3e|", [-0.001])),
    ?assertEqual("    -1.00e-3|", r("~12.3e|", [-0.001])).

format_combo_036_test() ->
    ?assertEqual("-1.00e-3    |", r("~-12.3e|", [-0.001])),
    ?assertEqual("xxxx-1.00e-3|", r("~12.3.xe|", [-0.001])),
    ?assertEqual("-1.00e-30000|", r("~-12.3.0e|", [-0.001])),
    ?assertEqual("***|", r("~3e|", [-0.001])),
    ?assertEqual(badarg, r("~.1e|", [-0.001])).

format_combo_037_test() ->
    ?assertEqual("3.141590|", r("~f|", [3.14159])),
    ?assertEqual("    3.141590|", r("~12f|", [3.14159])),
    ?assertEqual("3.141590    |", r("~-12f|", [3.14159])),
    ?assertEqual("3.142|", r("~.3f|", [3.14159])),
    ?assertEqual("       3.142|", r("~12.3f|", [3.14159])).

format_combo_038_test() ->
    ?assertEqual("3.142       |", r("~-12.3f|", [3.14159])),
    ?assertEqual("xxxxxxx3.142|", r("~12.3.xf|", [3.14159])),
    ?assertEqual("3.1420000000|", r("~-12.3.0f|", [3.14159])),
    ?assertEqual("***|", r("~3f|", [3.14159])),
    ?assertEqual("3.1|", r("~.1f|", [3.14159])).

format_combo_039_test() ->
    ?assertEqual("-1234.567800|", r("~f|", [-1234.5678])),
    ?assertEqual("-1234.567800|", r("~12f|", [-1234.5678])),
    ?assertEqual("-1234.567800|", r("~-12f|", [-1234.5678])),
    ?assertEqual("-1234.568|", r("~.3f|", [-1234.5678])),
    ?assertEqual("   -1234.568|", r("~12.3f|", [-1234.5678])).

format_combo_040_test() ->
    ?assertEqual("-1234.568   |", r("~-12.3f|", [-1234.5678])),
    ?assertEqual("xxx-1234.568|", r("~12.3.xf|", [-1234.5678])),
    ?assertEqual("-1234.568000|", r("~-12.3.0f|", [-1234.5678])),
    ?assertEqual("***|", r("~3f|", [-1234.5678])),
    ?assertEqual("-1234.6|", r("~.1f|", [-1234.5678])).

format_combo_041_test() ->
    ?assertEqual("3.14159|", r("~g|", [3.14159])),
    ?assertEqual("     3.14159|", r("~12g|", [3.14159])),
    ?assertEqual("3.14159     |", r("~-12g|", [3.14159])),
    ?assertEqual("3.14|", r("~.3g|", [3.14159])),
    ?assertEqual("        3.14|", r("~12.3g|", [3.14159])).

format_combo_042_test() ->
    ?assertEqual("3.14        |", r("~-12.3g|", [3.14159])),
    ?assertEqual("xxxxxxxx3.14|", r("~12.3.xg|", [3.14159])),
    ?assertEqual("3.1400000000|", r("~-12.3.0g|", [3.14159])),
    ?assertEqual("***|", r("~3g|", [3.14159])),
    ?assertEqual("3.1e+0|", r("~.1g|", [3.14159])).

format_combo_043_test() ->
    ?assertEqual("1.00000e+10|", r("~g|", [1.0e10])),
    ?assertEqual(" 1.00000e+10|", r("~12g|", [1.0e10])),
    ?assertEqual("1.00000e+10 |", r("~-12g|", [1.0e10])),
    ?assertEqual("1.00e+10|", r("~.3g|", [1.0e10])),
    ?assertEqual("    1.00e+10|", r("~12.3g|", [1.0e10])).

format_combo_044_test() ->
    ?assertEqual("1.00e+10    |", r("~-12.3g|", [1.0e10])),
    ?assertEqual("xxxx1.00e+10|", r("~12.3.xg|", [1.0e10])),
    ?assertEqual("1.00e+100000|", r("~-12.3.0g|", [1.0e10])),
    ?assertEqual("***|", r("~3g|", [1.0e10])),
    ?assertEqual("1.0e+10|", r("~.1g|", [1.0e10])).

