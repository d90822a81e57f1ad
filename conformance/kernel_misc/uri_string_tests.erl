-module(uri_string_tests).
-include_lib("eunit/include/eunit.hrl").

%% Conformance: uri_string of OTP 25 (stdlib-4.2): parse/1 of strings and
%% binaries (every component, IPv4/IPv6 hosts, empty parts, the error
%% tuples, which come from the relative-reference retry), recompose/1
%% (percent-encoding per component, mixed list/binary maps, invalid maps
%% and schemes), normalize/1,2, resolve/2,3 (RFC 3986 section 5.4
%% examples), transcode/2, compose_query/1,2, dissect_query/1,
%% quote/1,2, unquote/1, percent_decode/1 and allowed_characters/0.

%% ---- parse -------------------------------------------------------------------

parse_full_string_test() ->
    ?assertEqual(#{scheme => "foo", userinfo => "user", host => "example.com",
                   port => 8042, path => "/over/there", query => "name=ferret",
                   fragment => "nose"},
                 uri_string:parse("foo://user@example.com:8042/over/there?name=ferret#nose")).

parse_full_binary_test() ->
    ?assertEqual(#{scheme => <<"foo">>, userinfo => <<"user">>,
                   host => <<"example.com">>, port => 8042,
                   path => <<"/over/there">>, query => <<"name=ferret">>,
                   fragment => <<"nose">>},
                 uri_string:parse(<<"foo://user@example.com:8042/over/there?name=ferret#nose">>)).

parse_simple_test() ->
    ?assertEqual(#{path => ""}, uri_string:parse("")),
    ?assertEqual(#{path => <<>>}, uri_string:parse(<<>>)),
    ?assertEqual(#{scheme => "mailto", path => "x@y"}, uri_string:parse("mailto:x@y")),
    ?assertEqual(#{scheme => "a", path => "b"}, uri_string:parse("a:b")),
    ?assertEqual(#{scheme => "file", host => "", path => "/etc"}, uri_string:parse("file:///etc")),
    ?assertEqual(#{path => "a/b"}, uri_string:parse("a/b")),
    ?assertEqual(#{path => "", query => ""}, uri_string:parse("?")),
    ?assertEqual(#{path => "", fragment => ""}, uri_string:parse("#")),
    ?assertEqual(#{path => "/a", query => "", fragment => ""}, uri_string:parse("/a?#")).

parse_authority_test() ->
    ?assertEqual(#{host => "h", path => "/", port => undefined}, uri_string:parse("//h:/")),
    ?assertEqual(#{host => "", userinfo => "", path => ""}, uri_string:parse("//@")),
    ?assertEqual(#{host => "", userinfo => "u", path => ""}, uri_string:parse("//u@")),
    ?assertEqual(#{host => <<"1.2.3.4">>, port => 5, path => <<>>}, uri_string:parse(<<"//1.2.3.4:5">>)),
    ?assertEqual(#{host => "01.2.3.4", path => ""}, uri_string:parse("//01.2.3.4")),
    ?assertEqual(#{scheme => "http", host => "h", path => "", userinfo => "u:p"},
                 uri_string:parse("http://u:p@h")).

parse_ipv6_test() ->
    ?assertEqual(#{host => "::1", port => 8, path => "/x"}, uri_string:parse("//[::1]:8/x")),
    ?assertEqual(#{host => <<"::ffff:1.2.3.4">>, path => <<>>}, uri_string:parse(<<"//[::ffff:1.2.3.4]">>)),
    ?assertEqual(#{host => "::1]ab", path => "/p"}, uri_string:parse("//[::1]ab/p")),
    ?assertEqual({error, invalid_uri, "1::2::3"}, uri_string:parse("//[1::2::3]")),
    ?assertEqual({error, invalid_uri, "v"}, uri_string:parse("//[v1.x]/")),
    ?assertEqual({error, invalid_uri, <<>>}, uri_string:parse("//[::1")).

parse_errors_test() ->
    ?assertEqual({error, invalid_uri, ":"}, uri_string:parse(":")),
    ?assertEqual({error, invalid_uri, ":"}, uri_string:parse(<<":">>)),
    %% an absolute URI that fails is retried as a relative reference
    ?assertEqual({error, invalid_uri, ":"}, uri_string:parse("http://a/b c")),
    ?assertEqual({error, invalid_uri, ":"}, uri_string:parse("foo://[::1")),
    ?assertEqual({error, invalid_uri, " "}, uri_string:parse("/a b")),
    ?assertEqual({error, invalid_uri, [228]}, uri_string:parse("/ä")),
    ?assertEqual({error, invalid_uri, "#"}, uri_string:parse("a#b#c")),
    ?assertEqual({error, invalid_uri, "x"}, uri_string:parse("//h:8x")).

%% ---- recompose ---------------------------------------------------------------

recompose_test() ->
    URI = "foo://user@example.com:8042/over/there?name=ferret#nose",
    ?assertEqual(URI, uri_string:recompose(uri_string:parse(URI))),
    ?assertEqual(list_to_binary(URI), uri_string:recompose(uri_string:parse(list_to_binary(URI)))),
    ?assertEqual(<<"//h:/">>, uri_string:recompose(#{host => <<"h">>, path => <<"/">>, port => undefined})),
    ?assertEqual("http://h/p", uri_string:recompose(#{scheme => "http", host => "h", path => "p"})).

recompose_encoding_test() ->
    ?assertEqual("/a%20b%C3%A4?x%20y#%23", uri_string:recompose(#{path => "/a bä", query => "x y", fragment => "#"})),
    ?assertEqual(<<"//%5B:x@[::1]/">>, uri_string:recompose(#{userinfo => <<"[:x">>, host => <<"::1">>, path => <<"/">>})),
    ?assertEqual("//h%20x", uri_string:recompose(#{host => "h x", path => ""})).

recompose_mixed_test() ->
    %% the result is a binary until the first string component
    ?assertEqual("http://h/p?q", uri_string:recompose(#{scheme => <<"http">>, host => <<"h">>, path => "/p", query => <<"q">>})),
    ?assertEqual(<<"http://h/p">>, uri_string:recompose(#{scheme => <<"http">>, host => <<"h">>, path => <<"/p">>})).

recompose_errors_test() ->
    ?assertEqual({error, invalid_map, #{host => "h"}}, uri_string:recompose(#{host => "h"})),
    ?assertEqual({error, invalid_map, #{path => "", bad => 1}}, uri_string:recompose(#{path => "", bad => 1})),
    ?assertEqual({error, invalid_scheme, ""}, uri_string:recompose(#{scheme => "", path => ""})),
    ?assertEqual({error, invalid_scheme, <<>>}, uri_string:recompose(#{scheme => <<>>, path => <<>>})),
    ?assertEqual({error, invalid_scheme, "a b"}, uri_string:recompose(#{scheme => "a b", path => ""})).

%% ---- normalize -------------------------------------------------------------

normalize_test() ->
    ?assertEqual("http://ex.com/", uri_string:normalize("HTTP://Ex.COM:80")),
    ?assertEqual(<<"https://x/">>, uri_string:normalize(<<"https://x:443">>)),
    ?assertEqual("ftp://h", uri_string:normalize("ftp://h:21")),
    ?assertEqual("http://a/~%2Fb", uri_string:normalize("http://a/%7e%2fb")),
    ?assertEqual("http://a/c/", uri_string:normalize("http://a/./b/../c/.")),
    ?assertEqual("/", uri_string:normalize("a/b/../../..")),
    ?assertEqual("//h/", uri_string:normalize("//h:/")),
    ?assertEqual("x?a=1&b&c=A+d", uri_string:normalize("x?a=1&b&c=%41+d")),
    ?assertEqual(#{scheme => <<"http">>, host => <<"ex.com">>, path => <<"/">>},
                 uri_string:normalize(<<"HTTP://Ex.COM:80">>, [return_map])),
    ?assertEqual("http://h/a", uri_string:normalize(#{scheme => "HTTP", host => "H", path => "/x/../a"})).

normalize_errors_test() ->
    ?assertEqual({error, invalid_percent_encoding, <<"%zz">>}, uri_string:normalize("%zz")),
    ?assertEqual(<<"%E4">>, uri_string:normalize(<<"%e4">>)),
    ?assertEqual({error, invalid_utf8, <<"A", 255>>}, uri_string:normalize(#{path => <<"%41", 255>>})),
    ?assertEqual({error, invalid_uri, ":"}, uri_string:normalize(":")).

%% ---- resolve ---------------------------------------------------------------

rfc3986_examples() ->
    [{"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"},
     {"g/", "http://a/b/c/g/"}, {"/g", "http://a/g"}, {"//g", "http://g"},
     {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
     {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"},
     {";x", "http://a/b/c/;x"}, {"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"},
     {"./", "http://a/b/c/"}, {"..", "http://a/b/"}, {"../g", "http://a/b/g"},
     {"../..", "http://a/"}, {"../../g", "http://a/g"}, {"../../../g", "http://a/g"},
     {"/./g", "http://a/g"}, {"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."},
     {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"}, {"g/./h", "http://a/b/c/g/h"},
     {"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
     {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"},
     {"http:g", "http:g"}].

resolve_rfc_examples_test() ->
    Base = "http://a/b/c/d;p?q",
    [?assertEqual({Ref, Target}, {Ref, uri_string:resolve(Ref, Base)}) || {Ref, Target} <- rfc3986_examples()],
    [?assertEqual({Ref, list_to_binary(Target)},
                  {Ref, uri_string:resolve(list_to_binary(Ref), list_to_binary(Base))})
     || {Ref, Target} <- rfc3986_examples()].

resolve_options_test() ->
    ?assertEqual(#{scheme => <<"foo">>, path => <<"a/x">>},
                 uri_string:resolve(<<"x">>, <<"foo:a/b">>, [return_map])),
    ?assertEqual("http://h/x", uri_string:resolve("x", "http://h")),
    ?assertEqual("http://h/x", uri_string:resolve(#{path => "x"}, #{scheme => "http", host => "h", path => ""})),
    ?assertEqual({error, invalid_scheme, ""}, uri_string:resolve("x", "//h/x")),
    ?assertEqual({error, invalid_scheme, ""}, uri_string:resolve(#{path => "x"}, #{path => "/"})),
    ?assertEqual({error, invalid_uri, ":"}, uri_string:resolve(":", "http://h")),
    ?assertEqual({error, invalid_uri, ":"}, uri_string:resolve("x", ":")).

%% ---- transcode ---------------------------------------------------------------

transcode_test() ->
    ?assertEqual(<<"foo%E4bar">>, uri_string:transcode(<<"foo%C3%A4bar">>, [{in_encoding, utf8}, {out_encoding, latin1}])),
    ?assertEqual("foo%C3%A4bar", uri_string:transcode("foo%E4bar", [{in_encoding, latin1}, {out_encoding, utf8}])),
    ?assertEqual(<<"%C3%A4%C3%A4">>, uri_string:transcode(<<"%e4%E4">>, [{in_encoding, latin1}])),
    ?assertEqual("a%4", uri_string:transcode(["a", <<"%4">>], [])),
    ?assertEqual({error, invalid_percent_encoding, "%zz"}, uri_string:transcode("%zz", [])),
    ?assertEqual({error, invalid_input, <<228>>}, uri_string:transcode(<<"%e4">>, [])).

%% ---- queries ---------------------------------------------------------------

compose_query_test() ->
    ?assertEqual("foo+bar=1&city=%C3%B6rebro",
                 uri_string:compose_query([{"foo bar", "1"}, {"city", "örebro"}])),
    ?assertEqual(<<"foo+bar=1&city=%C3%B6rebro">>,
                 uri_string:compose_query([{<<"foo bar">>, <<"1">>}, {<<"city">>, <<"örebro"/utf8>>}])),
    ?assertEqual("foo+bar=1&city=%F6rebro",
                 uri_string:compose_query([{<<"foo bar">>, "1"}, {<<"city">>, <<"örebro"/utf8>>}], [{encoding, latin1}])),
    ?assertEqual(<<"a&b=%26%23300%3B">>,
                 uri_string:compose_query([{<<"a">>, true}, {<<"b">>, <<"Ĭ"/utf8>>}], [{encoding, latin1}])),
    ?assertEqual(<<"*-._=%7E%21">>, uri_string:compose_query([{<<"*-._">>, <<"~!">>}])),
    ?assertEqual([], uri_string:compose_query([])),
    ?assertEqual({error, invalid_encoding, utf16}, uri_string:compose_query([{"a", "b"}], [{encoding, utf16}])),
    ?assertEqual({error, invalid_input, 1}, uri_string:compose_query([{1, "b"}])).

dissect_query_test() ->
    ?assertEqual([{"foo bar", "1"}, {"city", "örebro"}],
                 uri_string:dissect_query("foo+bar=1&city=%C3%B6rebro")),
    ?assertEqual([{<<"a">>, true}, {<<"b">>, <<"c=d">>}, {<<>>, <<>>}],
                 uri_string:dissect_query(<<"a&b=c=d&=">>)),
    ?assertEqual([{<<"kĬ"/utf8>>, <<"v">>}], uri_string:dissect_query(<<"k&#300;=v">>)),
    ?assertEqual([{"x", "Ĭ"}], uri_string:dissect_query("x=%26%23300%3B")),
    ?assertEqual([], uri_string:dissect_query("")),
    ?assertEqual([], uri_string:dissect_query(<<>>)),
    ?assertEqual({error, invalid_percent_encoding, "%zz"}, uri_string:dissect_query("a=%zz")),
    ?assertEqual({error, invalid_input, [228]}, uri_string:dissect_query(<<"a=%E4">>)).

%% ---- quote, unquote, percent_decode --------------------------------------------

quote_test() ->
    ?assertEqual("SomeId%2Fwith%20%C3%A4", uri_string:quote("SomeId/with ä")),
    ?assertEqual(<<"SomeId/with%20%C3%A4">>, uri_string:quote(<<"SomeId/with ä"/utf8>>, "/")),
    ?assertEqual("a-._~", uri_string:quote("a-._~")),
    ?assertEqual({error, invalid_input, <<255>>}, catch uri_string:quote(<<255>>)).

unquote_test() ->
    ?assertEqual("SomeId/with ä", uri_string:unquote("SomeId%2Fwith%20%C3%A4")),
    ?assertEqual(<<"a b">>, uri_string:unquote(<<"a%20b">>)),
    ?assertEqual("%4", uri_string:unquote("%4")),
    ?assertEqual({error, invalid_percent_encoding, <<"%zz">>}, uri_string:unquote("%zz")),
    %% a binary's errors are thrown, not returned
    ?assertThrow({error, invalid_percent_encoding, <<"%zz">>}, uri_string:unquote(<<"%zz">>)),
    ?assertEqual({error, invalid_utf8, <<228>>}, uri_string:unquote("%e4")).

percent_decode_test() ->
    ?assertEqual(#{path => "/a b", query => "x", port => 8},
                 uri_string:percent_decode(#{path => "/a%20b", query => "%78", port => 8})),
    ?assertEqual({error, {invalid, {path, {invalid_percent_encoding, <<"%zz">>}}}},
                 uri_string:percent_decode(#{path => "%zz"})),
    ?assertEqual({error, invalid_percent_encoding, <<"%zz">>},
                 uri_string:percent_decode(#{path => <<"%zz">>})),
    ?assertEqual(<<"a b">>, uri_string:percent_decode(<<"a%20b">>)).

allowed_characters_test() ->
    A = uri_string:allowed_characters(),
    ?assertEqual([scheme, userinfo, host, ipv4, ipv6, regname, path, query,
                  fragment, reserved, unreserved], [K || {K, _} <- A]),
    ?assertEqual("+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                 proplists:get_value(scheme, A)),
    ?assertEqual(".0123456789:ABCDEFabcdef", proplists:get_value(ipv6, A)),
    ?assertEqual("!#$&'()*+,/:;=?@[]", proplists:get_value(reserved, A)),
    ?assertEqual(lists:sort(proplists:get_value(query, A)), proplists:get_value(fragment, A)).
