#!/bin/bash
# The README's first command ends in this demo: it must run to the end, and
# red and blue must reach each other.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

run bash "$TESTS_DIR/../demo/walkthrough.sh" "$NSIP"
is "$RC" 0 "the walkthrough demo runs to the end"
is "$(printf '%s\n' "$OUT" | grep -c ' 0% packet loss')" 2 "red and blue ping each other"
is "$(printf '%s\n' "$OUT" | grep -c '^\$ nsip netns add')" 2 "the demo prints each command"
done_testing
