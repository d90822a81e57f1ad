%% The record of OTP 25's kernel/include/inet.hrl, for
%% `-include_lib("kernel/include/inet.hrl").': a host entry, as the
%% resolver (`inet:gethostbyname/1' and friends) returns one.

-record(hostent,
        {h_name              :: inet:hostname(),     % the official name
         h_aliases = []      :: [inet:hostname()],   % other names
         h_addrtype          :: 'inet' | 'inet6',    % the address family
         h_length            :: non_neg_integer(),   % bytes in an address
         h_addr_list = []    :: [inet:ip_address()]  % its addresses
        }).
