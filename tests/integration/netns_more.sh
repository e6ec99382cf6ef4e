#!/bin/bash
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
done_testing
