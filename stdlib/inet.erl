%% @doc The parts of OTP 25's `inet' that need no socket: IP addresses as
%% text and back (`parse_address/1' and its stricter and per-family
%% variants, `ntoa/1'), checks on address tuples, converting between an
%% IPv4 address and its IPv4-mapped IPv6 form, and `format_error/1'.
%%
%% The text work is done by `inet_parse'; these are the documented entry
%% points. Socket functions (`setopts/2', `peername/1', `close/1', ...)
%% and the resolver (`gethostbyname/1', `getaddr/2', ...) are not
%% exported yet: they come with ferl's event loop, and a call to one fails
%% with `undef' rather than pretend to work.
-module(inet).

-include_lib("kernel/include/inet.hrl").

%% Addresses from text.
-export([parse_address/1, parse_strict_address/1,
         parse_ipv4_address/1, parse_ipv4strict_address/1,
         parse_ipv6_address/1, parse_ipv6strict_address/1]).

%% Addresses to text.
-export([ntoa/1]).

%% Address tuples.
-export([is_ip_address/1, is_ipv4_address/1, is_ipv6_address/1,
         ipv4_mapped_ipv6_address/1]).

%% Errors.
-export([format_error/1]).

-export_type([address_family/0, hostent/0, hostname/0, ip_address/0,
              ip4_address/0, ip6_address/0, port_number/0, posix/0]).

-type address_family() :: 'inet' | 'inet6' | 'local'.
-type hostent() :: #hostent{}.
-type hostname() :: atom() | string().
-type ip4_address() :: {0..255, 0..255, 0..255, 0..255}.
-type ip6_address() :: {0..65535, 0..65535, 0..65535, 0..65535,
                        0..65535, 0..65535, 0..65535, 0..65535}.
-type ip_address() :: ip4_address() | ip6_address().
-type port_number() :: 0..65535.
%% The socket errors, besides those a file operation can give.
-type posix() ::
        'eaddrinuse' | 'eaddrnotavail' | 'eafnosupport' | 'ealready' |
        'econnaborted' | 'econnrefused' | 'econnreset' | 'edestaddrreq' |
        'ehostdown' | 'ehostunreach' | 'einprogress' | 'eisconn' |
        'emsgsize' | 'enetdown' | 'enetunreach' | 'enopkg' |
        'enoprotoopt' | 'enotconn' | 'enotty' | 'enotsock' | 'eproto' |
        'eprotonosupport' | 'eprototype' | 'esocktnosupport' |
        'etimedout' | 'ewouldblock' | 'exbadport' | 'exbadseq' |
        file:posix().

%%% ------------------------------------------------------------------
%%% Addresses from text
%%% ------------------------------------------------------------------

%% @doc An IPv4 address in any form the C library accepts ("127.1",
%% "0x7f.1", "2130706433"), else an IPv6 address.
-spec parse_address(Address) -> {ok, ip_address()} | {error, einval}
              when Address :: string().
parse_address(Address) ->
    inet_parse:address(Address).

%% @doc A dotted-decimal IPv4 address with four fields, else an IPv6
%% address.
-spec parse_strict_address(Address) -> {ok, ip_address()} | {error, einval}
              when Address :: string().
parse_strict_address(Address) ->
    inet_parse:strict_address(Address).

%% @doc An IPv4 address in any form the C library accepts.
-spec parse_ipv4_address(Address) -> {ok, ip4_address()} | {error, einval}
              when Address :: string().
parse_ipv4_address(Address) ->
    inet_parse:ipv4_address(Address).

%% @doc A dotted-decimal IPv4 address with four fields and no leading
%% zeros.
-spec parse_ipv4strict_address(Address) -> {ok, ip4_address()} | {error, einval}
              when Address :: string().
parse_ipv4strict_address(Address) ->
    inet_parse:ipv4strict_address(Address).

%% @doc An IPv6 address; an IPv4 address (in any form) is accepted and
%% returned as its IPv4-mapped IPv6 address.
-spec parse_ipv6_address(Address) -> {ok, ip6_address()} | {error, einval}
              when Address :: string().
parse_ipv6_address(Address) ->
    inet_parse:ipv6_address(Address).

%% @doc An IPv6 address and nothing else.
-spec parse_ipv6strict_address(Address) -> {ok, ip6_address()} | {error, einval}
              when Address :: string().
parse_ipv6strict_address(Address) ->
    inet_parse:ipv6strict_address(Address).

%%% ------------------------------------------------------------------
%%% Addresses to text
%%% ------------------------------------------------------------------

%% @doc An address as text ("192.168.0.1", "fe80::1", "::ffff:1.2.3.4"),
%% or `{error, einval}' for a term that is not an address.
-spec ntoa(IpAddress) -> string() | {error, einval}
              when IpAddress :: ip_address().
ntoa(Address) ->
    inet_parse:ntoa(Address).

%%% ------------------------------------------------------------------
%%% Address tuples
%%% ------------------------------------------------------------------

-spec is_ip_address(term()) -> boolean().
is_ip_address(Term) ->
    is_ipv4_address(Term) orelse is_ipv6_address(Term).

%% @doc Whether a term is four integers from 0 to 255.
-spec is_ipv4_address(term()) -> boolean().
is_ipv4_address({A, B, C, D}) ->
    lists:all(fun(X) -> in_range(X, 255) end, [A, B, C, D]);
is_ipv4_address(_) ->
    false.

%% @doc Whether a term is eight integers from 0 to 65535.
-spec is_ipv6_address(term()) -> boolean().
is_ipv6_address({_, _, _, _, _, _, _, _} = Address) ->
    lists:all(fun(X) -> in_range(X, 16#ffff) end, tuple_to_list(Address));
is_ipv6_address(_) ->
    false.

in_range(X, Max) ->
    is_integer(X) andalso X >= 0 andalso X =< Max.

%% @doc An IPv4 address as its IPv4-mapped IPv6 address (::ffff:a.b.c.d);
%% an IPv6 address as the IPv4 address in its last 32 bits, whatever its
%% first 96 are.
%%
%% The bounds are checked as OTP 25 checks them, on the bitwise or of
%% the fields (which lets negative integers through); anything else fails
%% with `function_clause'.
-spec ipv4_mapped_ipv6_address(ip_address()) -> ip_address().
ipv4_mapped_ipv6_address({A, B, C, D})
  when (A bor B bor C bor D) < 256 ->
    {0, 0, 0, 0, 0, 16#ffff, (A bsl 8) bor B, (C bsl 8) bor D};
ipv4_mapped_ipv6_address({G1, G2, G3, G4, G5, G6, G7, G8})
  when (G1 bor G2 bor G3 bor G4 bor G5 bor G6 bor G7 bor G8) < 65536 ->
    {G7 bsr 8, G7 band 255, G8 bsr 8, G8 band 255}.

%%% ------------------------------------------------------------------
%%% Errors
%%% ------------------------------------------------------------------

%% @doc The text of an error reason an inet function returns: the
%% driver's own two, the port limit, else the POSIX error's message.
-spec format_error(Reason) -> string() when Reason :: posix() | system_limit.
format_error(exbadport) -> "invalid port state";
format_error(exbadseq) -> "bad command sequence";
format_error(system_limit) -> "a system limit was hit, probably not enough ports";
format_error(Reason) -> erl_posix_msg:message(Reason).
