#!/bin/sh
# Regenerates the build system from a fresh clone.
set -e
cd "$(dirname "$0")"
autoreconf -fi
# The tests speak TAP; automake ships the driver but does not install it.
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/
