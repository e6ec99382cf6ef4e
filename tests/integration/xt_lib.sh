# shellcheck shell=bash
# Sourced by the iptables differential tests (nat_diff.sh, filter_diff.sh)
# after lib.sh: a link named iptables to nsip ($IPT), and `both`, which runs
# the same words through iptables-nft and through nsip and checks they give
# the same stdout, stderr and exit code.
skip_unless iptables-nft "iptables-nft for differential tests" || { done_testing; exit; }
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

# Messages name the program's version: iptables says "v1.8.9 (nf_tables)",
# nsip its own version and "(nsip)". Only that part is set aside.
norm() {
	sed -E 's/^iptables v[0-9][^ ]* \((nf_tables|nsip)\): /iptables VERSION: /'
}

# both DESC ARGS...: the same stdout, stderr and exit code.
both() {
	local d=$1; shift
	local want
	run iptables-nft "$@"; want="$OUT|$(norm <<<"$ERR")|$RC"
	run "$IPT" "$@"
	is "$OUT|$(norm <<<"$ERR")|$RC" "$want" "$d"
}
