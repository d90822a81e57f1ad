-module(inet_address_tests).
-include_lib("eunit/include/eunit.hrl").
-include_lib("kernel/include/inet.hrl").

%% Conformance: the socket-free parts of OTP 25's inet (kernel-8.5):
%% parse_address/1 and its strict, IPv4-only and IPv6-only variants (the
%% C library's lenient IPv4 forms, zero compression, embedded IPv4,
%% "%scope" suffixes on link-local addresses), ntoa/1 (compressed output,
%% mapped and compatible forms, scope ids), is_ip_address/1 and friends,
%% ipv4_mapped_ipv6_address/1, format_error/1; the inet_parse helpers
%% behind them (dots/1, domain/1, visible_string/1, split_line/1); and the
%% #hostent{} record of kernel/include/inet.hrl.

-define(E, {error, einval}).

%% ---- IPv4, lenient ------------------------------------------------------------

ipv4_dotted_test() ->
    ?assertEqual({ok, {192, 168, 0, 1}}, inet:parse_ipv4_address("192.168.0.1")),
    ?assertEqual({ok, {0, 0, 0, 0}}, inet:parse_ipv4_address("0.0.0.0")),
    ?assertEqual({ok, {255, 255, 255, 255}}, inet:parse_ipv4_address("255.255.255.255")),
    ?assertEqual(?E, inet:parse_ipv4_address("256.1.1.1")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.2.3.4.5")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.2.3.4.")),
    ?assertEqual(?E, inet:parse_ipv4_address("1..2.3")),
    ?assertEqual(?E, inet:parse_ipv4_address(".1.2.3")),
    ?assertEqual(?E, inet:parse_ipv4_address("")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.2.3.4 ")),
    ?assertEqual(?E, inet:parse_ipv4_address("a.b.c.d")).

%% The last field fills the bytes the others leave.
ipv4_short_forms_test() ->
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_ipv4_address("127.1")),
    ?assertEqual({ok, {10, 1, 0, 2}}, inet:parse_ipv4_address("10.1.2")),
    ?assertEqual({ok, {10, 0, 1, 0}}, inet:parse_ipv4_address("10.256")),
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_ipv4_address("2130706433")),
    ?assertEqual({ok, {255, 255, 255, 255}}, inet:parse_ipv4_address("4294967295")),
    ?assertEqual(?E, inet:parse_ipv4_address("4294967296")),
    ?assertEqual({ok, {1, 255, 255, 255}}, inet:parse_ipv4_address("1.16777215")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.16777216")),
    ?assertEqual({ok, {1, 2, 255, 255}}, inet:parse_ipv4_address("1.2.65535")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.2.65536")),
    ?assertEqual(?E, inet:parse_ipv4_address("256.1")).

%% C radix prefixes: 0x hex, 0 octal.
ipv4_radix_test() ->
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_ipv4_address("0x7f.1")),
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_ipv4_address("0X7F.0.0.01")),
    ?assertEqual({ok, {255, 255, 255, 255}}, inet:parse_ipv4_address("0xffffffff")),
    ?assertEqual({ok, {255, 255, 255, 255}}, inet:parse_ipv4_address("037777777777")),
    ?assertEqual(?E, inet:parse_ipv4_address("040000000000")),
    ?assertEqual({ok, {8, 0, 0, 0}}, inet:parse_ipv4_address("010.0.0.0")),
    ?assertEqual(?E, inet:parse_ipv4_address("08.0.0.0")),
    ?assertEqual(?E, inet:parse_ipv4_address("0x1g.0.0.0")),
    %% Leading zeros do not count against a field's width.
    ?assertEqual({ok, {0, 0, 0, 1}}, inet:parse_ipv4_address("00000000000000001")),
    ?assertEqual({ok, {0, 0, 0, 1}}, inet:parse_ipv4_address("0x00000000000001")),
    ?assertEqual({ok, {0, 0, 0, 0}}, inet:parse_ipv4_address("00.0.000.0")),
    %% A hex field needs a digit after its zeros.
    ?assertEqual(?E, inet:parse_ipv4_address("0x")),
    ?assertEqual(?E, inet:parse_ipv4_address("0x0.1.2.3")),
    ?assertEqual(?E, inet:parse_ipv4_address("1.2.3.0x")).

%% Fields are read with list_to_integer/2, which takes a sign.
ipv4_sign_test() ->
    ?assertEqual({ok, {1, 2, 3, 4}}, inet:parse_ipv4_address("+1.2.3.4")),
    ?assertEqual({ok, {0, 0, 0, 0}}, inet:parse_ipv4_address("-0")),
    ?assertEqual(?E, inet:parse_ipv4_address("-1.2.3.4")),
    ?assertEqual({ok, {0, 0, 0, 1}}, inet:parse_ipv4_address("0x+1")),
    ?assertEqual(?E, inet:parse_ipv4_address("0x-1")),
    ?assertEqual(?E, inet:parse_ipv4_address("+")).

%% ---- IPv4, strict -------------------------------------------------------------

ipv4strict_test() ->
    ?assertEqual({ok, {192, 168, 0, 1}}, inet:parse_ipv4strict_address("192.168.0.1")),
    ?assertEqual({ok, {0, 0, 0, 0}}, inet:parse_ipv4strict_address("0.0.0.0")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("127.1")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("2130706433")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("01.2.3.4")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.00")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("0x1.2.3.4")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.256")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.4.")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.0.")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.4.5")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("1.2.3.1000")),
    ?assertEqual(?E, inet:parse_ipv4strict_address("")),
    %% Signs get through, as list_to_integer/2 reads them.
    ?assertEqual({ok, {1, 2, 0, 3}}, inet:parse_ipv4strict_address("+1.+2.-0.3")).

%% ---- IPv6 ---------------------------------------------------------------------

ipv6_full_test() ->
    ?assertEqual({ok, {1, 2, 3, 4, 5, 6, 7, 8}},
                 inet:parse_ipv6strict_address("1:2:3:4:5:6:7:8")),
    ?assertEqual({ok, {16#2001, 16#db8, 0, 0, 0, 0, 16#ff00, 16#42}},
                 inet:parse_ipv6strict_address("2001:0DB8:0000:0000:0000:0000:FF00:0042")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:8:9")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:10000")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:g")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:8:")),
    ?assertEqual(?E, inet:parse_ipv6strict_address(":1:2:3:4:5:6:7")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("")).

ipv6_compressed_test() ->
    ?assertEqual({ok, {0, 0, 0, 0, 0, 0, 0, 0}}, inet:parse_ipv6strict_address("::")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("::1")),
    ?assertEqual({ok, {1, 0, 0, 0, 0, 0, 0, 0}}, inet:parse_ipv6strict_address("1::")),
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("fe80::1")),
    ?assertEqual({ok, {1, 2, 0, 0, 0, 0, 7, 8}}, inet:parse_ipv6strict_address("1:2::7:8")),
    %% "::" may stand for a single zero group.
    ?assertEqual({ok, {1, 2, 3, 4, 5, 6, 7, 0}}, inet:parse_ipv6strict_address("1:2:3:4:5:6:7::")),
    ?assertEqual({ok, {0, 2, 3, 4, 5, 6, 7, 8}}, inet:parse_ipv6strict_address("::2:3:4:5:6:7:8")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:8::")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::1:2:3:4:5:6:7:8")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1::2::3")),
    ?assertEqual(?E, inet:parse_ipv6strict_address(":::")),
    ?assertEqual(?E, inet:parse_ipv6strict_address(":::1")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:::2")).

ipv6_embedded_ipv4_test() ->
    ?assertEqual({ok, {0, 0, 0, 0, 0, 16#ffff, 16#102, 16#304}},
                 inet:parse_ipv6strict_address("::ffff:1.2.3.4")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 0, 16#102, 16#304}},
                 inet:parse_ipv6strict_address("::1.2.3.4")),
    ?assertEqual({ok, {1, 2, 3, 4, 5, 6, 16#a0b, 16#c0d}},
                 inet:parse_ipv6strict_address("1:2:3:4:5:6:10.11.12.13")),
    ?assertEqual({ok, {1, 0, 0, 0, 0, 0, 16#102, 16#304}},
                 inet:parse_ipv6strict_address("1::1.2.3.4")),
    %% The dotted part is strict, and must be the last 32 bits.
    ?assertEqual(?E, inet:parse_ipv6strict_address("::1.2.3")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::01.2.3.4")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::1.2.3.256")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:1.2.3.4")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("1:2:3:4:5:6:7:1.2.3.4")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::1.2.3.4:5")).

%% Only link-local unicast and multicast addresses take a scope; the id
%% goes in the second group. "0" and digits give a number, a name gives 0.
ipv6_scope_test() ->
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("fe80::1%eth0")),
    ?assertEqual({ok, {16#fe80, 5, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("fe80::1%05")),
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("fe80::1%5")),
    ?assertEqual({ok, {16#ff02, 1, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("ff02::1%01")),
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6strict_address("fe80::1%")),
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 0}}, inet:parse_ipv6strict_address("fe80::%0")),
    ?assertEqual({ok, {16#fe80, 16#ffff, 0, 0, 0, 0, 0, 0}},
                 inet:parse_ipv6strict_address("fe80::%065535")),
    ?assertEqual({ok, {16#fe80, 7, 1, 2, 3, 4, 5, 6}},
                 inet:parse_ipv6strict_address("fe80::1:2:3:4:5:6%07")),
    ?assertEqual({ok, {16#fe80, 9, 0, 0, 0, 0, 0, 1}},
                 inet:parse_ipv6strict_address("fe80:0:0:0:0:0:0:1%09")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("fe80::%065536")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("fe80::1%0a")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("fe80:1::1%eth0")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::1%eth0")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("2001:db8::1%eth0")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("fe80::1.2.3.4%eth0")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("::%eth0")).

%% The forgiving parser takes IPv4 too, as an IPv4-mapped address.
ipv6_forgiving_test() ->
    ?assertEqual({ok, {0, 0, 0, 0, 0, 16#ffff, 16#7f00, 1}}, inet:parse_ipv6_address("127.0.0.1")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 16#ffff, 16#7f00, 1}}, inet:parse_ipv6_address("127.1")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_ipv6_address("::1")),
    ?assertEqual(?E, inet:parse_ipv6_address("::g")),
    ?assertEqual(?E, inet:parse_ipv6strict_address("127.0.0.1")).

%% ---- either family ------------------------------------------------------------

parse_address_test() ->
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_address("127.0.0.1")),
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_address("127.1")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_address("::1")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 16#ffff, 16#102, 16#304}},
                 inet:parse_address("::ffff:1.2.3.4")),
    ?assertEqual(?E, inet:parse_address("localhost")),
    ?assertEqual(?E, inet:parse_address("")),
    ?assertEqual({ok, {127, 0, 0, 1}}, inet:parse_strict_address("127.0.0.1")),
    ?assertEqual(?E, inet:parse_strict_address("127.1")),
    ?assertEqual({ok, {16#fe80, 0, 0, 0, 0, 0, 0, 1}}, inet:parse_strict_address("fe80::1%lo")).

%% parse_address/1 and parse_strict_address/1 answer einval for any
%% non-list; the single-family parsers differ by family, as in OTP.
non_string_test() ->
    ?assertEqual(?E, inet:parse_address(foo)),
    ?assertEqual(?E, inet:parse_address(<<"1.2.3.4">>)),
    ?assertEqual(?E, inet:parse_strict_address({1, 2, 3, 4})),
    ?assertEqual(?E, inet:parse_ipv6strict_address(foo)),
    ?assertError(function_clause, inet:parse_ipv4_address(foo)),
    ?assertError(function_clause, inet:parse_ipv4strict_address(<<"1.2.3.4">>)),
    ?assertError(function_clause, inet:parse_ipv6_address(foo)),
    ?assertEqual(?E, inet:parse_address([1.5])),
    ?assertEqual(?E, inet:parse_address([a, b])).

inet_parse_entry_points_test() ->
    ?assertEqual({ok, {1, 2, 3, 4}}, inet_parse:address("1.2.3.4")),
    ?assertEqual({ok, {1, 0, 0, 2}}, inet_parse:address("1.2")),
    ?assertEqual(?E, inet_parse:strict_address("1.2")),
    ?assertEqual({ok, {1, 2, 3, 4}}, inet_parse:ipv4_address("1.2.3.4")),
    ?assertEqual({ok, {1, 2, 3, 4}}, inet_parse:ipv4strict_address("1.2.3.4")),
    ?assertEqual({ok, {0, 0, 0, 0, 0, 16#ffff, 16#102, 16#304}},
                 inet_parse:ipv6_address("1.2.3.4")),
    ?assertEqual({ok, {1, 0, 0, 0, 0, 0, 0, 0}}, inet_parse:ipv6strict_address("1::")).

%% ---- ntoa ---------------------------------------------------------------------

ntoa_ipv4_test() ->
    ?assertEqual("192.168.0.1", inet:ntoa({192, 168, 0, 1})),
    ?assertEqual("0.0.0.0", inet:ntoa({0, 0, 0, 0})),
    ?assertEqual("255.255.255.255", inet_parse:ntoa({255, 255, 255, 255})),
    ?assertEqual(?E, inet:ntoa({256, 0, 0, 0})),
    ?assertEqual(?E, inet:ntoa({-1, 0, 0, 0})),
    ?assertEqual(?E, inet:ntoa({1.0, 0, 0, 0})),
    ?assertEqual(?E, inet:ntoa({1, 2, 3})),
    ?assertEqual(?E, inet:ntoa("1.2.3.4")),
    ?assertEqual(?E, inet:ntoa(foo)).

ntoa_ipv6_test() ->
    ?assertEqual("::", inet:ntoa({0, 0, 0, 0, 0, 0, 0, 0})),
    ?assertEqual("::1", inet:ntoa({0, 0, 0, 0, 0, 0, 0, 1})),
    ?assertEqual("1::", inet:ntoa({1, 0, 0, 0, 0, 0, 0, 0})),
    ?assertEqual("2001:db8::ff00:42",
                 inet:ntoa({16#2001, 16#db8, 0, 0, 0, 0, 16#ff00, 16#42})),
    ?assertEqual("1:2:3:4:5:6:7:8", inet:ntoa({1, 2, 3, 4, 5, 6, 7, 8})),
    ?assertEqual("abcd:ef01:2345:6789:abcd:ef01:2345:6789",
                 inet:ntoa({16#abcd, 16#ef01, 16#2345, 16#6789,
                            16#abcd, 16#ef01, 16#2345, 16#6789})),
    %% A single zero group is not compressed.
    ?assertEqual("1:0:2:3:4:5:6:7", inet:ntoa({1, 0, 2, 3, 4, 5, 6, 7})),
    %% The longest run wins; of equal runs, the first.
    ?assertEqual("1:0:0:2::3", inet:ntoa({1, 0, 0, 2, 0, 0, 0, 3})),
    ?assertEqual("1::2:0:0:3:0", inet:ntoa({1, 0, 0, 2, 0, 0, 3, 0})),
    ?assertEqual("0:1::", inet:ntoa({0, 1, 0, 0, 0, 0, 0, 0})),
    ?assertEqual("::1:0:0:0:1", inet:ntoa({0, 0, 0, 1, 0, 0, 0, 1})),
    ?assertEqual(?E, inet:ntoa({1, 2, 3, 4, 5, 6, 7, 16#10000})),
    ?assertEqual(?E, inet:ntoa({1, 2, 3, 4, 5, 6, 7})).

%% The last 32 bits as dotted IPv4 in compatible and mapped addresses.
ntoa_ipv4_tail_test() ->
    ?assertEqual("::ffff:1.2.3.4", inet:ntoa({0, 0, 0, 0, 0, 16#ffff, 16#102, 16#304})),
    ?assertEqual("::ffff:0.0.0.0", inet:ntoa({0, 0, 0, 0, 0, 16#ffff, 0, 0})),
    ?assertEqual("::1.2.3.4", inet:ntoa({0, 0, 0, 0, 0, 0, 16#102, 16#304})),
    ?assertEqual("::0.0.0.2", inet:ntoa({0, 0, 0, 0, 0, 0, 0, 2})),
    ?assertEqual("::0.1.0.0", inet:ntoa({0, 0, 0, 0, 0, 0, 1, 0})),
    ?assertEqual("::1:102:304", inet:ntoa({0, 0, 0, 0, 0, 1, 16#102, 16#304})).

%% A link-local address's second group is its scope id, shown "%0N".
ntoa_scope_test() ->
    ?assertEqual("fe80::1%05", inet:ntoa({16#fe80, 5, 0, 0, 0, 0, 0, 1})),
    ?assertEqual("fe80::%05", inet:ntoa({16#fe80, 5, 0, 0, 0, 0, 0, 0})),
    ?assertEqual("ff02::1%065535", inet:ntoa({16#ff02, 16#ffff, 0, 0, 0, 0, 0, 1})),
    ?assertEqual("fe80::1", inet:ntoa({16#fe80, 0, 0, 0, 0, 0, 0, 1})),
    ?assertEqual("fe81:5::1", inet:ntoa({16#fe81, 5, 0, 0, 0, 0, 0, 1})),
    ?assertEqual({ok, {16#fe80, 5, 0, 0, 0, 0, 0, 1}}, inet:parse_address("fe80::1%05")).

ntoa_round_trip_test() ->
    Addresses = [{1, 2, 3, 4}, {0, 0, 0, 0, 0, 0, 0, 0}, {16#fe80, 3, 0, 0, 0, 0, 0, 9},
                 {1, 0, 0, 0, 1, 0, 0, 1}, {0, 0, 0, 0, 0, 16#ffff, 16#a00, 1},
                 {16#2001, 16#db8, 0, 1, 0, 0, 0, 1}],
    [?assertEqual({ok, A}, inet:parse_address(inet:ntoa(A))) || A <- Addresses].

%% ---- address tuples -----------------------------------------------------------

is_address_test() ->
    ?assert(inet:is_ipv4_address({0, 0, 0, 0})),
    ?assert(inet:is_ipv4_address({255, 255, 255, 255})),
    ?assertNot(inet:is_ipv4_address({256, 0, 0, 0})),
    ?assertNot(inet:is_ipv4_address({-1, 0, 0, 0})),
    ?assertNot(inet:is_ipv4_address({1.0, 0, 0, 0})),
    ?assertNot(inet:is_ipv4_address({a, 0, 0, 0})),
    ?assertNot(inet:is_ipv4_address({0, 0, 0})),
    ?assertNot(inet:is_ipv4_address("1.2.3.4")),
    ?assert(inet:is_ipv6_address({0, 0, 0, 0, 0, 0, 0, 16#ffff})),
    ?assertNot(inet:is_ipv6_address({0, 0, 0, 0, 0, 0, 0, 16#10000})),
    ?assertNot(inet:is_ipv6_address({0, 0, 0, 0})),
    ?assert(inet:is_ip_address({1, 2, 3, 4})),
    ?assert(inet:is_ip_address({1, 2, 3, 4, 5, 6, 7, 8})),
    ?assertNot(inet:is_ip_address({1, 2, 3, 4, 5})),
    ?assertNot(inet:is_ip_address(foo)).

ipv4_mapped_test() ->
    ?assertEqual({0, 0, 0, 0, 0, 16#ffff, 16#c0a8, 1},
                 inet:ipv4_mapped_ipv6_address({192, 168, 0, 1})),
    ?assertEqual({192, 168, 0, 1},
                 inet:ipv4_mapped_ipv6_address({0, 0, 0, 0, 0, 16#ffff, 16#c0a8, 1})),
    %% Any IPv6 address gives its last 32 bits.
    ?assertEqual({0, 1, 0, 2}, inet:ipv4_mapped_ipv6_address({1, 2, 3, 4, 5, 6, 1, 2})),
    ?assertError(function_clause, inet:ipv4_mapped_ipv6_address({256, 0, 0, 0})),
    ?assertError(function_clause, inet:ipv4_mapped_ipv6_address({0, 0, 0, 0, 0, 0, 0, 16#10000})),
    ?assertError(function_clause, inet:ipv4_mapped_ipv6_address({a, 0, 0, 0})),
    ?assertError(function_clause, inet:ipv4_mapped_ipv6_address({1, 2, 3})),
    %% The bound is on the bitwise or of the fields, so negatives pass.
    ?assertEqual({0, 0, 0, 0, 0, 16#ffff, -256, 0},
                 inet:ipv4_mapped_ipv6_address({-1, 0, 0, 0})).

%% ---- format_error -------------------------------------------------------------

format_error_test() ->
    ?assertEqual("invalid port state", inet:format_error(exbadport)),
    ?assertEqual("bad command sequence", inet:format_error(exbadseq)),
    ?assertEqual("a system limit was hit, probably not enough ports",
                 inet:format_error(system_limit)),
    ?assertEqual("connection refused", inet:format_error(econnrefused)),
    ?assertEqual("address already in use", inet:format_error(eaddrinuse)),
    ?assertEqual("non-existing domain", inet:format_error(nxdomain)),
    ?assertEqual("unknown POSIX error", inet:format_error(timeout)),
    ?assertEqual("invalid argument", inet:format_error(einval)),
    ?assertEqual("unknown POSIX error", inet:format_error(no_such_code)),
    ?assertEqual("unknown POSIX error", inet:format_error({some, term})).

%% ---- inet_parse helpers -------------------------------------------------------

dots_test() ->
    ?assertEqual({0, false}, inet_parse:dots("localhost")),
    ?assertEqual({1, false}, inet_parse:dots("erlang.org")),
    ?assertEqual({1, true}, inet_parse:dots("erlang.org.")),
    ?assertEqual({0, true}, inet_parse:dots(".")),
    ?assertEqual({1, true}, inet_parse:dots("..")),
    ?assertEqual({0, false}, inet_parse:dots("")),
    ?assertError(function_clause, inet_parse:dots(foo)).

domain_test() ->
    ?assert(inet_parse:domain("erlang.org")),
    ?assert(inet_parse:domain("a")),
    ?assert(inet_parse:domain("a-b.c_d.9x")),
    ?assert(inet_parse:domain("a-")),
    ?assert(inet_parse:domain("1.2.3")),
    ?assert(inet_parse:domain("1.2.3.x")),
    ?assert(inet_parse:domain("1.2.3.4a")),
    ?assertNot(inet_parse:domain("1.2.3.4")),
    ?assertNot(inet_parse:domain("a.1.2.3.4")),
    ?assertNot(inet_parse:domain("1.2.3.4.5")),
    ?assertNot(inet_parse:domain("erlang.org.")),
    ?assertNot(inet_parse:domain(".org")),
    ?assertNot(inet_parse:domain("a..b")),
    ?assertNot(inet_parse:domain("-a")),
    ?assertNot(inet_parse:domain("_a")),
    ?assertNot(inet_parse:domain("a-.b")),
    ?assertNot(inet_parse:domain("a_.b")),
    ?assertNot(inet_parse:domain("a b")),
    ?assertNot(inet_parse:domain("")),
    ?assertNot(inet_parse:domain(foo)).

visible_string_test() ->
    ?assert(inet_parse:visible_string("abc!~")),
    ?assertNot(inet_parse:visible_string("a b")),
    ?assertNot(inet_parse:visible_string("")),
    ?assertNot(inet_parse:visible_string([$a, 16#7f])),
    ?assertNot(inet_parse:visible_string(abc)).

split_line_test() ->
    ?assertEqual(["127.0.0.1", "localhost", "lh"],
                 inet_parse:split_line("127.0.0.1\tlocalhost  lh\n")),
    ?assertEqual(["a", "b"], inet_parse:split_line("  a b # comment c")),
    ?assertEqual(["a", "b"], inet_parse:split_line("a b#c")),
    ?assertEqual([], inet_parse:split_line("# only a comment")),
    ?assertEqual([], inet_parse:split_line("")),
    ?assertEqual(["a", "b"], inet_parse:split_line("a\r\nb")),
    %% "\r" is a separator only before "\n" inside a word.
    ?assertEqual(["a\rb"], inet_parse:split_line("a\rb")),
    ?assertEqual(["a", "\r"], inet_parse:split_line("a \r\n")).

%% ---- inet.hrl -----------------------------------------------------------------

hostent_test() ->
    H = #hostent{h_name = "localhost", h_addrtype = inet, h_length = 4},
    ?assertEqual({hostent, "localhost", [], inet, 4, []}, H),
    ?assertEqual([h_name, h_aliases, h_addrtype, h_length, h_addr_list],
                 record_info(fields, hostent)),
    ?assertEqual({hostent, undefined, [], undefined, undefined, []}, #hostent{}).
