%% @doc The text of a POSIX error code, as OTP 25's `erl_posix_msg'
%% gives it: `message(enoent)' is "no such file or directory", and any
%% code (or term) it does not know is "unknown POSIX error".
%%
%% `file:format_error/1' and `inet:format_error/1' fall back to this
%% table. The wording of each entry is what OTP 25 prints, read off a
%% running OTP 25 (`erl_posix_msg:message/1' over every code it knows),
%% so that messages shown to users compare equal with OTP's.
-module(erl_posix_msg).

-export([message/1]).

-spec message(atom()) -> string().
message(Code) ->
    message_text(Code).

%% One clause per code, in alphabetical order; the catch-all is last.
message_text(e2big) -> "argument list too long";
message_text(eacces) -> "permission denied";
message_text(eaddrinuse) -> "address already in use";
message_text(eaddrnotavail) -> "can't assign requested address";
message_text(eadv) -> "advertise error";
message_text(eafnosupport) -> "address family not supported by protocol family";
message_text(eagain) -> "resource temporarily unavailable";
message_text(ealign) -> "EALIGN";
message_text(ealready) -> "operation already in progress";
message_text(ebade) -> "bad exchange descriptor";
message_text(ebadf) -> "bad file number";
message_text(ebadfd) -> "file descriptor in bad state";
message_text(ebadmsg) -> "not a data message";
message_text(ebadr) -> "bad request descriptor";
message_text(ebadrpc) -> "RPC structure is bad";
message_text(ebadrqc) -> "bad request code";
message_text(ebadslt) -> "invalid slot";
message_text(ebfont) -> "bad font file format";
message_text(ebusy) -> "file busy";
message_text(echild) -> "no children";
message_text(echrng) -> "channel number out of range";
message_text(ecomm) -> "communication error on send";
message_text(econnaborted) -> "software caused connection abort";
message_text(econnrefused) -> "connection refused";
message_text(econnreset) -> "connection reset by peer";
message_text(edeadlk) -> "resource deadlock avoided";
message_text(edeadlock) -> "resource deadlock avoided";
message_text(edestaddrreq) -> "destination address required";
message_text(edirty) -> "mounting a dirty fs w/o force";
message_text(edom) -> "math argument out of range";
message_text(edotdot) -> "cross mount point";
message_text(edquot) -> "disk quota exceeded";
message_text(eduppkg) -> "duplicate package name";
message_text(eexist) -> "file already exists";
message_text(efault) -> "bad address in system call argument";
message_text(efbig) -> "file too large";
message_text(eftype) -> "EFTYPE";
message_text(ehostdown) -> "host is down";
message_text(ehostunreach) -> "host is unreachable";
message_text(eidrm) -> "identifier removed";
message_text(einit) -> "initialization error";
message_text(einprogress) -> "operation now in progress";
message_text(eintr) -> "interrupted system call";
message_text(einval) -> "invalid argument";
message_text(eio) -> "I/O error";
message_text(eisconn) -> "socket is already connected";
message_text(eisdir) -> "illegal operation on a directory";
message_text(eisnam) -> "is a name file";
message_text(el2hlt) -> "level 2 halted";
message_text(el2nsync) -> "level 2 not synchronized";
message_text(el3hlt) -> "level 3 halted";
message_text(el3rst) -> "level 3 reset";
message_text(elbin) -> "ELBIN";
message_text(elibacc) -> "cannot access a needed shared library";
message_text(elibbad) -> "accessing a corrupted shared library";
message_text(elibexec) -> "cannot exec a shared library directly";
message_text(elibmax) -> "attempting to link in more shared libraries than system limit";
message_text(elibscn) -> ".lib section in a.out corrupted";
message_text(elnrng) -> "link number out of range";
message_text(eloop) -> "too many levels of symbolic links";
message_text(emfile) -> "too many open files";
message_text(emlink) -> "too many links";
message_text(emsgsize) -> "message too long";
message_text(emultihop) -> "multihop attempted";
message_text(enametoolong) -> "file name too long";
message_text(enavail) -> "not available";
message_text(enet) -> "ENET";
message_text(enetdown) -> "network is down";
message_text(enetreset) -> "network dropped connection on reset";
message_text(enetunreach) -> "network is unreachable";
message_text(enfile) -> "file table overflow";
message_text(enoano) -> "anode table overflow";
message_text(enobufs) -> "no buffer space available";
message_text(enocsi) -> "no CSI structure available";
message_text(enodata) -> "no data available";
message_text(enodev) -> "no such device";
message_text(enoent) -> "no such file or directory";
message_text(enoexec) -> "exec format error";
message_text(enolck) -> "no locks available";
message_text(enolink) -> "link has be severed";
message_text(enomem) -> "not enough memory";
message_text(enomsg) -> "no message of desired type";
message_text(enonet) -> "machine is not on the network";
message_text(enopkg) -> "package not installed";
message_text(enoprotoopt) -> "bad proocol option";
message_text(enospc) -> "no space left on device";
message_text(enosr) -> "out of stream resources or not a stream device";
message_text(enostr) -> "not a stream";
message_text(enosym) -> "unresolved symbol name";
message_text(enosys) -> "function not implemented";
message_text(enotblk) -> "block device required";
message_text(enotconn) -> "socket is not connected";
message_text(enotdir) -> "not a directory";
message_text(enotempty) -> "directory not empty";
message_text(enotnam) -> "not a name file";
message_text(enotsock) -> "socket operation on non-socket";
message_text(enotsup) -> "operation not supported";
message_text(enotty) -> "inappropriate device for ioctl";
message_text(enotuniq) -> "name not unique on network";
message_text(enxio) -> "no such device or address";
message_text(eopnotsupp) -> "operation not supported on socket";
message_text(eoverflow) -> "offset too large for file system";
message_text(eperm) -> "not owner";
message_text(epfnosupport) -> "protocol family not supported";
message_text(epipe) -> "broken pipe";
message_text(eproclim) -> "too many processes";
message_text(eprocunavail) -> "bad procedure for program";
message_text(eprogmismatch) -> "program version wrong";
message_text(eprogunavail) -> "RPC program not available";
message_text(eproto) -> "protocol error";
message_text(eprotonosupport) -> "protocol not supported";
message_text(eprototype) -> "protocol wrong type for socket";
message_text(erange) -> "math result unrepresentable";
message_text(erefused) -> "EREFUSED";
message_text(eremchg) -> "remote address changed";
message_text(eremdev) -> "remote device";
message_text(eremote) -> "pathname hit remote file system";
message_text(eremoteio) -> "remote i/o error";
message_text(eremoterelease) -> "EREMOTERELEASE";
message_text(erofs) -> "read-only file system";
message_text(erpcmismatch) -> "RPC version is wrong";
message_text(erremote) -> "object is remote";
message_text(eshutdown) -> "can't send after socket shutdown";
message_text(esocktnosupport) -> "socket type not supported";
message_text(espipe) -> "invalid seek";
message_text(esrch) -> "no such process";
message_text(esrmnt) -> "srmount error";
message_text(estale) -> "stale remote file handle";
message_text(esuccess) -> "Error 0";
message_text(etime) -> "timer expired";
message_text(etimedout) -> "connection timed out";
message_text(etoomanyrefs) -> "too many references: can't splice";
message_text(etxtbsy) -> "text file or pseudo-device busy";
message_text(euclean) -> "structure needs cleaning";
message_text(eunatch) -> "protocol driver not attached";
message_text(eusers) -> "too many users";
message_text(eversion) -> "version mismatch";
message_text(ewouldblock) -> "operation would block";
message_text(exbadport) -> "inet_drv bad port state";
message_text(exbadseq) -> "inet_drv bad request sequence";
message_text(exdev) -> "cross-domain link";
message_text(exfull) -> "message tables full";
message_text(nxdomain) -> "non-existing domain";
message_text(_) -> "unknown POSIX error".
