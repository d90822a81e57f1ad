#!/usr/bin/env python3
"""Mutates Erlang sources and compares ferl's front-end diagnostics with
OTP's (epp + erl_parse), so differences in error messages and positions
show up. Needs `erl` on the path and a built `parse` example:

    cargo build -p ferl_compiler --example parse
    python3 compiler/tests/tools/fuzz_vs_otp.py OUT_DIR FILE.erl... [--seed N] [--per-file N]

Each mutant gets one to three edits: a token deleted, a token or a
character inserted, or one replaced. Files that include others should sit
with their includes (mutants are written to OUT_DIR, so copy those there).
Prints the diff of OTP's lines against ferl's; an empty diff means the
front ends agree. Known, deliberate difference: ferl reports a bare `M:F`
as `illegal expression` at parse time (erlc's linter does so later).
"""
import os
import random
import re
import subprocess
import sys

TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_@]*|\d+|->|=>|:=|<<|>>|\|\||::|\.\.|[^\s\w]")
INSERTS = ['(', ')', '[', ']', '{', '}', ',', ';', '->', 'end', 'of', 'when', '.', '=',
           '|', '||', '#', ':', 'X', 'foo', '1', 'fun', 'case', '<<', '>>', '"s"', '+',
           'catch', 'receive', 'after', 'try', 'begin', 'if', '=>', ':=', '::', '..', '/',
           '-', '?', '??', '$', "'", '"', '%', '-define(', '-ifdef(X).', '-endif.',
           '-else.', '?MODULE', '?LINE', '#r{', '#{', '...', '<-', '<=', '!', 'not',
           '1.5e', '16#', '_', '\n-spec ', '\n-type ', ' :: ', '\\', '\x7f', '\u00d7']


def mutate(src, rng):
    for _ in range(rng.choice([1, 1, 2, 3])):
        toks = list(TOKEN.finditer(src))
        if not toks:
            break
        t = rng.choice(toks)
        r = rng.random()
        if r < 0.4:
            src = src[:t.start()] + src[t.end():]
        elif r < 0.8:
            src = src[:t.start()] + rng.choice(INSERTS) + ' ' + src[t.start():]
        else:
            src = src[:t.start()] + rng.choice(INSERTS) + src[t.end():]
    return src


def main():
    args = sys.argv[1:]
    seed, per_file = 1, 20
    if '--seed' in args:
        i = args.index('--seed')
        seed = int(args[i + 1])
        del args[i:i + 2]
    if '--per-file' in args:
        i = args.index('--per-file')
        per_file = int(args[i + 1])
        del args[i:i + 2]
    out, files = args[0], args[1:]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    mutants = []
    for f in files:
        src = open(f, encoding='utf-8', errors='replace').read()
        base = os.path.basename(f)[:-4]
        for k in range(per_file):
            path = os.path.join(out, '%s_%03d.erl' % (base, k))
            open(path, 'w', encoding='utf-8').write(mutate(src, rng))
            mutants.append(path)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, '..', '..', '..'))
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(root, 'target'))
    theirs = subprocess.run([os.path.join(here, 'erl_errors.escript')] + mutants,
                            capture_output=True, text=True).stdout
    ours = subprocess.run([os.path.join(target, 'debug', 'examples', 'parse'), '--errors'] + mutants,
                          capture_output=True, text=True)
    if ours.returncode != 0:
        print(ours.stderr)
    open(os.path.join(out, 'theirs.txt'), 'w').write(theirs)
    open(os.path.join(out, 'ours.txt'), 'w').write(ours.stdout)
    diff = subprocess.run(['diff', os.path.join(out, 'theirs.txt'), os.path.join(out, 'ours.txt')],
                          capture_output=True, text=True).stdout
    print(diff, end='')
    print('%d mutants, %d diff lines' % (len(mutants), diff.count('\n')), file=sys.stderr)


if __name__ == '__main__':
    main()
