#!/bin/sh
# The options fuzz target (tests/fuzz/options.c) runs the dispatcher on
# random words; every applet it can reach must be its stand-in there, or
# the fuzzer would run the real applet against the kernel. One check per
# applet entry named in cmd/applets.c. Reads sources only: no sandbox.
: "${TESTS_DIR:=$(cd "$(dirname "$0")/.." && pwd)}"
src=$(cd "$TESTS_DIR/.." && pwd)
entries=$(grep -o '[a-z_]*_main' "$src/cmd/applets.c" | sort -u)
n=0 failed=0
for e in $entries; do
	n=$((n + 1))
	if grep -q "^STAND_IN($e)" "$src/tests/fuzz/options.c"; then
		echo "ok $n - $e is a stand-in in the options fuzz target"
	else
		echo "not ok $n - $e has no STAND_IN($e) in tests/fuzz/options.c"
		failed=$((failed + 1))
	fi
done
[ "$n" -gt 5 ] || { n=$((n + 1)); echo "not ok $n - found only $((n - 1)) applet entries"; failed=1; }
echo "1..$n"
[ "$failed" -eq 0 ]
