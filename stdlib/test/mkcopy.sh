#!/bin/sh
# mkcopy.sh SRC.erl MOD NEWMOD OUTDIR
# Copies a stdlib module under a new name so that it can be compiled and
# compared against OTP's own module on erl: the module name and its
# self-calls are renamed, and each BIF stub (a body of
# erlang:nif_error(undef)) is replaced by a call to OTP's real BIF.
src=$1; mod=$2; new=$3; out=$4
perl -0pe "
  s/^-module\($mod\)\./-module($new)./m;
  s/^(\w+)\(([^)]*)\) ->\n\s+erlang:nif_error\(undef\)\./\$1(\$2) -> $mod:\$1(\$2)./mg;
  s/\b$mod:(?!(?:\w+)\(_)/$new:/g;
" "$src" > "$out/$new.erl"
