#!/bin/bash
# macvlan, macvtap, ipvlan and ipvtap words, against iproute2: devices made
# by ip and by nsip from the same words show the same under `ip -d link`
# and `ip -d -j link` (and nsip shows ip's as ip does); bad words get ip's
# message and exit code and change nothing. This kernel has no ipvlan: its
# words are checked to be read as ip reads them (the kernel's refusal
# alike); their bytes are in test_link_words.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add va type veth peer vb

details() {	# details IPBIN
	"$1" -d link show dev mv && "$1" -d -j link show dev mv
}

unnumbered() {	# the random MAC and the index masked
	mask | sed -E 's/^[0-9]+:/N:/; s/"ifindex":[0-9]+/"ifindex":N/'
}

# made_alike DESC KIND WORDS...: `link add mv link va type KIND WORDS`.
made_alike() {
	local d=$1 want got
	shift
	run "$IPREAL" link add mv link va type "$@"
	is "$RC" 0 "$d: ip makes it"
	want="$ERR|$RC|$(details "$IPREAL" | unnumbered)"
	is "$(details "$IPNSIP")" "$(details "$IPREAL")" "$d: shown as ip shows it"
	"$IPREAL" link del mv 2>/dev/null
	run "$IPNSIP" link add mv link va type "$@"
	got="$ERR|$RC|$(details "$IPREAL" | unnumbered)"
	is "$got" "$want" "$d: made as ip makes it"
	"$IPREAL" link del mv 2>/dev/null
}

made_alike "macvlan bridge" macvlan mode bridge
made_alike "macvlan private, bcqueuelen" macvlan mode private bcqueuelen 50
made_alike "macvlan vepa nodst" macvlan mode vepa nodst
made_alike "macvlan passthru nopromisc" macvlan mode passthru nopromisc
made_alike "macvlan flag words" macvlan mode passthru flag nopromisc flag nodst
made_alike "macvlan flag null" macvlan mode bridge flag null
made_alike "macvlan source, add" macvlan mode source macaddr add 02:00:00:00:00:01
made_alike "macvlan source, set" macvlan mode source \
	macaddr set 02:00:00:00:00:01 02:00:00:00:00:02 bcqueuelen 10
made_alike "macvlan source, set then a word" macvlan mode source \
	macaddr set 02:00:00:00:00:01 mode source
made_alike "macvlan source, empty set" macvlan mode source macaddr set
made_alike "macvlan source, flush" macvlan mode source macaddr flush
made_alike "macvlan abbreviations" macvlan m vepa b 5 nod
made_alike "macvtap bridge" macvtap mode bridge
made_alike "macvtap source" macvtap mode source macaddr set 02:00:00:00:00:03
made_alike "macvtap passthru nopromisc" macvtap mode passthru nopromisc

# refused DESC KIND WORDS...: the same message and exit code; nothing made.
refused() {
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "$d" link add mv link va type "$@"
	is "$(link_state)" "$before" "$d: no change"
}

refused "macvlan bad mode" macvlan mode frob
refused "macvlan mode without a value" macvlan mode
refused "macvlan bad flag" macvlan flag frob
refused "macvlan nopromisc outside passthru" macvlan mode bridge nopromisc
refused "macvlan nopromisc without a mode" macvlan nopromisc
refused "macvlan negative bcqueuelen" macvlan bcqueuelen -1
refused "macvlan bcqueuelen not a number" macvlan bcqueuelen x
refused "macvlan macaddr bad command" macvlan mode source macaddr frob
refused "macvlan macaddr bad address" macvlan mode source macaddr add zz:00:00:00:00:01
refused "macvlan macaddr short address" macvlan mode source macaddr add 02:00
refused "macvlan macaddr add without address" macvlan mode source macaddr add
refused "macvlan unknown word" macvlan frob
refused "macvlan help" macvlan help
refused "macvtap unknown word" macvtap frob
refused "macvtap nopromisc outside passthru" macvtap mode vepa nopromisc
# ipvlan: the kernel's refusal alike, so the words were read alike.
refused "ipvlan l2" ipvlan mode l2
refused "ipvlan l3 private" ipvlan mode l3 private
refused "ipvlan l3s vepa" ipvlan mode l3s vepa
refused "ipvlan two modes" ipvlan mode l2 mode l3
refused "ipvlan abbreviations" ipvlan p m l2
refused "ipvlan two flags" ipvlan private vepa
refused "ipvlan bad mode" ipvlan mode frob
refused "ipvlan mode without a value" ipvlan mode
refused "ipvlan unknown word" ipvlan frob
refused "ipvlan help" ipvlan help
refused "ipvtap l2 bridge" ipvtap mode l2 bridge
refused "ipvtap unknown word" ipvtap frob

done_testing
