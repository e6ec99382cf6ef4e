#!/bin/sh
# Builds nsip from a clean tree into _build/ (out of the source tree).
set -e
cd "$(dirname "$0")/.."
./autogen.sh >/dev/null 2>&1 || ./autogen.sh
rm -rf _build
mkdir _build
cd _build
../configure -q "$@"
make -s -j"$(nproc)"
