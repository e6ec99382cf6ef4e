#!/bin/bash
# The house's rooms (common/README.md, cmd/README.md): scripts/layers finds
# no call or #include going up or sideways and no circle between files in
# this build -- and it does find each of those when one is made on purpose
# (in copies under a temporary directory, never in the tree).
# Needs no sandbox: it reads object files and sources only.
set -u
: "${NSIP:?NSIP must name the nsip binary under test}"
: "${TESTS_DIR:=$(cd "$(dirname "$0")/.." && pwd)}"
build=$(dirname "$NSIP")
src=$(cd "$TESTS_DIR/.." && pwd)
layers=$src/scripts/layers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() {  # ok DESCRIPTION COMMAND...
	local d=$1
	shift
	n=$((n + 1))
	if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; fi
}

echo "1..6"
out=$(sh "$layers" "$build" "$src" 2>&1)
rc=$?
ok "this build: every arrow downward, no circle" test "$rc" = 0
[ "$rc" = 0 ] || printf '%s\n' "$out" | sed 's/^/# /'
ok "the calls graph is read from the objects (over 100 arrows)" \
	test "$(sh "$layers" -g "$build" "$src" | grep -c '^calls: ')" -gt 100

# An include that goes up: base/ naming a printer's header.
mkdir -p "$tmp/src"
cp -r "$src/cmd" "$src/common" "$tmp/src/"
sed -i '1i #include "print/out.h"' "$tmp/src/common/base/err.c"
out=$(sh "$layers" "$build" "$tmp/src" 2>&1)
ok "an include from base/ up to print/ is found" \
	grep -q '^includes: common/base/err.c (common/base) -> common/print/out.h (common/print): not downward$' <<<"$out"

# Calls, from objects made here: two files of one room calling each other,
# and an applet calling another applet.
mkdir -p "$tmp/b/common/nl" "$tmp/b/cmd/link" "$tmp/b/cmd/addr"
printf 'int b(int);\nint a(int x) { return x ? b(x - 1) : 0; }\n' >"$tmp/a.c"
printf 'int a(int);\nint b(int x) { return x ? a(x - 1) : 1; }\n' >"$tmp/b.c"
printf 'int addr_main(void) { return 0; }\n' >"$tmp/addr.c"
printf 'int addr_main(void);\nint link_main(void) { return addr_main(); }\n' >"$tmp/link.c"
cc -c -o "$tmp/b/common/nl/a.o" "$tmp/a.c" &&
cc -c -o "$tmp/b/common/nl/b.o" "$tmp/b.c" &&
cc -c -o "$tmp/b/cmd/addr/addr.o" "$tmp/addr.c" &&
cc -c -o "$tmp/b/cmd/link/link.o" "$tmp/link.c"
out=$(sh "$layers" "$tmp/b" "$src" 2>&1)
rc=$?
ok "a circle of calls is found" \
	grep -q '^calls: circle: common/nl/a -> common/nl/b -> common/nl/a$' <<<"$out"
ok "an applet calling another applet is found" \
	grep -q '^calls: cmd/link/link (cmd/link) -> cmd/addr/addr (cmd/addr): not downward$' <<<"$out"
ok "and the check fails then" test "$rc" = 1
