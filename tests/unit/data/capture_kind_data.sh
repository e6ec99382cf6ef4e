#!/bin/bash
# Prints, for each line "KIND WORDS..." on stdin, the bytes of the
# IFLA_INFO_DATA payload that iproute2's `ip link add x0 link d0 type KIND
# WORDS...` sends, as a C table row of tests/unit/test_link_words.c.
# Run as root; each command runs in a fresh network namespace of its own
# (with a veth d0/d1 as the lower device), so the kernel's
# answer does not matter: the request is read from strace.
set -u
while read -r kind words; do
	[ -n "$kind" ] || continue
	hex=$(unshare --net -- bash -c '
		ip link add d0 type veth peer d1 2>/dev/null
		t=$(mktemp)
		strace -qq -e trace=sendmsg -e write=all -o "$t" \
			ip link add x0 link d0 type '"$kind $words"' >/dev/null 2>&1
		sed -n "/RTM_NEWLINK/,\$ s/^ | [0-9a-f]\{5\}  \(.\{48\}\).*/\1/p" "$t"
		rm -f "$t"' | tr -s ' \n' ' ')
	python3 - "$kind" "$words" "$hex" <<'PY'
import sys
kind, words, hexs = sys.argv[1], sys.argv[2], sys.argv[3].split()
b = [int(x, 16) for x in hexs]
def attrs(o, end):
    while o + 4 <= end:
        l = b[o] | b[o + 1] << 8
        yield (b[o + 2] | b[o + 3] << 8) & 0x3fff, o + 4, o + l
        o += (l + 3) & ~3
data = None
for t, s, e in attrs(32, len(b)):
    if t == 18:     # IFLA_LINKINFO
        for t2, s2, e2 in attrs(s, e):
            if t2 == 2:     # IFLA_INFO_DATA
                data = b[s2:e2]
if data is None:
    sys.exit("no IFLA_INFO_DATA for: %s %s" % (kind, words))
print('\t{ "%s", "%s",\n\t  "%s" },' % (kind, words, ''.join('%02x' % x for x in data)))
PY
done
