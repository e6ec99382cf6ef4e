#!/bin/bash
# link add, set and delete: each scenario is played by iproute2 and by
# nsip in sandboxes of their own; every step's output and exit code, and
# the links left at the end (ip -d link of every namespace), must match.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"
SCENARIOS=$TESTS_DIR/integration/link_scenarios.sh
export TESTS_DIR

compare_transcripts walkthrough
compare_transcripts kinds
compare_transcripts settings
compare_transcripts anonymous_peer

done_testing
