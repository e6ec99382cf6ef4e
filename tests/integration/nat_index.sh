#!/bin/bash
# nsip's index of its nat rules (common/nat_index.h): -C and -D RULE give
# the answers a read of the chain gives, whatever changed the table: nsip
# itself, nft, a rename, duplicates, a restored ruleset. Each answer is
# checked against iptables-nft doing the same in its own table.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless nft "nft to change nsip's table behind its back" || { done_testing; exit; }
N=$NSIP
HAVE_IPT=false
command -v iptables-nft >/dev/null && HAVE_IPT=true

# both ARGS...: the command with nsip and with iptables-nft (when there),
# same exit code; RC is nsip's.
both() {
	local want=""
	if $HAVE_IPT; then run iptables-nft -t nat "$@"; want=$RC; fi
	run "$N" nat "$@"
	[ -z "$want" ] || [ "$RC" = "$want" ]
}

same_lists() {	# -S of both, in the same words
	$HAVE_IPT || { skip_unless iptables-nft "$1"; return; }
	is "$("$N" nat -S)" "$(iptables-nft -t nat -S)" "$1"
}

r1=(-s 10.1.0.0/16 -j MASQUERADE)
r2=(-s 10.2.0.0/16 -j MASQUERADE)
r3=(-d 10.3.0.1 -p tcp --dport 81 -j DNAT --to-destination 192.168.0.2:80)

both -A POSTROUTING "${r1[@]}"; ok $? "append"
both -A POSTROUTING "${r2[@]}"; both -A POSTROUTING "${r1[@]}"
both -D POSTROUTING "${r2[@]}"; is "$RC" 0 "delete (the index is made here)"
run nft list set ip nsip nsip-gen
is "$RC" 0 "the index's sets are in nsip's table"
both -C POSTROUTING "${r2[@]}"; is "$RC" 1 "a deleted rule is not found"
both -C POSTROUTING "${r1[@]}"; is "$RC" 0 "a rule there twice is found"
both -D POSTROUTING "${r1[@]}"; is "$RC" 0 "delete one of two same rules"
both -C POSTROUTING "${r1[@]}"; is "$RC" 0 "…the other one is still found"
both -D POSTROUTING "${r1[@]}"; is "$RC" 0 "…and deleted"
both -C POSTROUTING "${r1[@]}"; is "$RC" 1 "…then none is left"
same_lists "after duplicates: the same rules"

# Duplicates made while the index is trusted.
both -A PREROUTING "${r3[@]}"; both -A PREROUTING -j RETURN; both -A PREROUTING "${r3[@]}"
both -D PREROUTING "${r3[@]}"; is "$RC" 0 "-D of the first of two: the one before RETURN goes"
same_lists "…iptables-nft deletes the same one"
both -D PREROUTING "${r3[@]}"; both -D PREROUTING "${r3[@]}"; is "$RC" 1 "…the second -D empties, the third fails"

# Rules written by nft behind nsip's back are found at once.
"$N" nat -A POSTROUTING "${r1[@]}"
"$N" nat -D POSTROUTING "${r1[@]}"       # the index is trusted again
nft add rule ip nsip POSTROUTING ip saddr 10.7.0.0/16 counter masquerade
run "$N" nat -C POSTROUTING -s 10.7.0.0/16 -j MASQUERADE
is "$RC" 0 "-C finds a rule nft added after the index was made"
nft insert rule ip nsip POSTROUTING ip saddr 10.7.0.0/16 counter masquerade
run "$N" nat -D POSTROUTING -s 10.7.0.0/16 -j MASQUERADE
handles=$(nft -a list chain ip nsip POSTROUTING | grep -c '10.7.0.0/16')
is "$RC|$handles" "0|1" "-D deletes one of two rules nft made"
run "$N" nat -D POSTROUTING -s 10.7.0.0/16 -j MASQUERADE
is "$RC" 0 "…then the other"

# A renamed chain: its rules are found under the new name only.
"$N" nat -N OLD; "$N" nat -A OLD "${r2[@]}"
"$N" nat -A POSTROUTING "${r1[@]}"; "$N" nat -D POSTROUTING "${r1[@]}"
"$N" nat -E OLD NEW
run "$N" nat -C NEW "${r2[@]}"; is "$RC" 0 "-C in a renamed chain"
run "$N" nat -C OLD "${r2[@]}"; is "$RC" 1 "…not under its old name"
run "$N" nat -D NEW "${r2[@]}"; is "$RC" 0 "-D in a renamed chain"

# nft takes the index away: nsip goes on without it.
"$N" nat -A POSTROUTING "${r1[@]}"
nft delete map ip nsip nsip-index
run "$N" nat -C POSTROUTING "${r1[@]}"; is "$RC" 0 "-C with the index gone"
run "$N" nat -D POSTROUTING "${r1[@]}"; is "$RC" 0 "-D with the index gone (and made again)"
run nft list map ip nsip nsip-index; is "$RC" 0 "…the index is back"

# A saved and restored ruleset: new handles, old index: still right.
"$N" nat -A POSTROUTING "${r1[@]}"; "$N" nat -A POSTROUTING "${r2[@]}"
saved=$(nft list ruleset)
nft flush ruleset
nft -f - <<<"$saved"; ok $? "nft restores a ruleset with nsip's index in it"
run "$N" nat -D POSTROUTING "${r2[@]}"; is "$RC" 0 "-D after a restore"
run "$N" nat -C POSTROUTING "${r1[@]}"; is "$RC" 0 "-C after a restore"
run "$N" nat -S POSTROUTING
is "$OUT" "-P POSTROUTING ACCEPT
-A POSTROUTING -s 10.1.0.0/16 -j MASQUERADE" "…the right rule went"

# -D of one of two same rules reads only its chain, up to the second one,
# and leaves the index trusted.
if skip_unless strace "strace to see the requests"; then
	dumps() {	# the rule dumps a command asks for, one a line
		strace -qq -s 256 -e trace=sendto -e signal=none "$@" 2>&1 >/dev/null |
			grep 'GETRULE.*NLM_F_DUMP'
	}
	"$N" nat -F
	"$N" nat -A POSTROUTING "${r1[@]}"; "$N" nat -D POSTROUTING "${r1[@]}"
	"$N" nat -A POSTROUTING "${r2[@]}"; "$N" nat -A POSTROUTING "${r2[@]}"
	out=$(dumps "$N" nat -D POSTROUTING "${r2[@]}")
	post='\x50\x4f\x53\x54\x52\x4f\x55\x54\x49\x4e\x47\x00'
	[ "$(wc -l <<<"$out")" = 1 ] && grep -qF "$post" <<<"$out"
	ok $? "-D of one of two same rules: one read, of its chain"
	out=$(dumps "$N" nat -D POSTROUTING "${r2[@]}")
	is "$out" "" "…then -D of the last one reads no rule"
	run "$N" nat -C POSTROUTING "${r2[@]}"; is "$RC" 1 "…and none is left"
fi

# Listings never show the index.
run "$N" nat -S
case "$OUT" in *nsip-index*|*nsip-gen*) ok 1 "-S does not show the index";;
	*) ok 0 "-S does not show the index";; esac

done_testing
