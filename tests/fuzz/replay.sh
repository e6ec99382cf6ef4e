#!/bin/sh
# Replays each fuzz target's corpus (tests/fuzz/corpus/NAME/: seeds and the
# inputs of crashes found and fixed) through its replay_NAME program: one
# TAP test per target. Run by make check, which sets FUZZ_TARGETS.
: "${NSIP:?NSIP must name the nsip binary (in the build dir)}"
: "${TESTS_DIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUZZ_TARGETS:?FUZZ_TARGETS must list the fuzz targets}"
bin=$(dirname "$NSIP")/tests/fuzz
# The targets answer for the kernel themselves; should one ever reach it,
# it meets an empty network namespace of its own, never the host's.
jail=
if [ "$(id -u)" = 0 ] && unshare --net --mount --propagation private true 2>/dev/null; then
	jail="unshare --net --mount --propagation private"
fi
n=0 failed=0
for t in $FUZZ_TARGETS; do
	n=$((n + 1))
	corpus=$TESTS_DIR/fuzz/corpus/$t
	log=$bin/replay_$t.log
	if [ -d "$corpus" ] && $jail "$bin/replay_$t" "$corpus" >"$log" 2>&1; then
		echo "ok $n - fuzz target $t: $(tail -1 "$log")"
	else
		echo "not ok $n - fuzz target $t: its corpus $corpus does not replay cleanly"
		tail -30 "$log" 2>/dev/null | sed 's/^/# /'
		failed=$((failed + 1))
	fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
