#!/bin/bash
# ./configure --enable-static-binary: where a static library is missing
# (Debian ships no libmnl.a) configure stops with one line naming it.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

src=$(cd "$TESTS_DIR/.." && pwd)
b=/run/nsip-test/static
mkdir -p $b
libdir=$(pkg-config --variable=libdir libmnl)
run sh -c "cd $b && '$src/configure' -q --enable-static-binary"
if [ ! -f "$libdir/libmnl.a" ]; then
	is "$RC" 1 "configure stops when libmnl.a is missing"
	is "$(printf '%s\n' "$ERR" | grep -c 'error: --enable-static-binary: .*libmnl.a is missing')" 1 \
		"…with one line naming libmnl.a and what to do"
else
	is "$RC" 0 "configure accepts --enable-static-binary with the archives present"
	run sh -c "cd $b && make -s nsip && file nsip"
	case "$OUT" in *"statically linked"*) ok 0 "nsip is linked statically";;
		*) ok 1 "nsip is linked statically: $OUT";; esac
fi
done_testing
