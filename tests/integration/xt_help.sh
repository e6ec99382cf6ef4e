#!/bin/bash
# iptables' help through a link named iptables: its first line (the
# release and nsip in place of the back end), exit code 0, and the option
# sections iptables prints for the target and the matches named before
# -h, in iptables' order and under its headings; the sections' lines are
# nsip's own words for what it takes.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless iptables-nft "the differential needs iptables-nft" || { done_testing; exit; }
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

# shape TOOL WORDS...: the first line, the exit code, the section headings
shape() {
	local out rc
	out=$("$@" 2>&1); rc=$?
	printf '%s|%s|%s' "$(head -1 <<<"$out" | sed 's/(nf_tables)/(nsip)/')" "$rc" \
		"$(grep -E '^[A-Za-z ]+ (match|target) options:$' <<<"$out" | tr '\n' ';')"
}
for words in "-h" "--help" "-p tcp -h" "-p udp --help" "-p icmp -h" "-p all -h" \
	"-m multiport -h" "-m conntrack -h" "-m state -h" "-m mark -h" "-m comment -h" \
	"-m addrtype -h" "-m length -h" "-m limit -h" "-m iprange -h" \
	"-j MASQUERADE -h" "-j SNAT -h" "-j DNAT --help" "-j REDIRECT -h" "-j REJECT -h" \
	"-j LOG -h" "-j ACCEPT -h" "-j DROP -h" "-j RETURN -h" \
	"-p tcp -m conntrack -j DNAT --help" "-p tcp -m multiport -m comment -j LOG -h" \
	"-t nat -p udp -j MASQUERADE -h"; do
	# shellcheck disable=SC2086 # the words are meant to split
	is "$(shape "$IPT" $words)" "$(shape iptables-nft $words)" "iptables $words: first line, code, sections"
done
run "$IPT" -p tcp -h
case $OUT in *"tcp match options:"*"--dport PORT[:PORT]"*"--tcp-flags MASK COMP"*) ok 0 "the tcp section names nsip's options";;
	*) ok 1 "the tcp section names nsip's options: $OUT";; esac
run "$NSIP" nat -h
is "$(head -1 <<<"$OUT")|$RC" "Usage: nsip nat [-t { nat | filter }] COMMAND [RULE] [OPTIONS]|0" \
	"nsip nat -h: nsip's usage alone"
done_testing
