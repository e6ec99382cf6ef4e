#!/bin/bash
# -batch FILE and -force: comments, quotes, continuation lines, failing
# lines and exit codes, compared with iproute2 on the same files.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

B=/run/nsip-test/batch
mkdir -p $B
printf '%s\n' 'netns add a' '# a comment line' '' 'netns add "b c" # trailing comment' \
	'netns \' '  list' 'netns add a' 'netns exec a sh -c "exit 3"' 'link show lo' >$B/mixed
printf '%s\n' 'netns add "x' >$B/unterminated
printf 'netns add %s\n' $(seq 600) | tr '\n' ' ' >$B/toomany
printf '%s\n' 'link show lo' 'netns frob' 'link show lo' >$B/usage

clean() { for n in a "b c" x; do ip netns del "$n" 2>/dev/null || "$NSIP" netns del "$n" 2>/dev/null; done; }

# differential: stdout, stderr and exit code of the same batch
same_batch() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	clean; run "$IPREAL" "$@"; local want="$OUT|$ERR|$RC"
	clean; run "$IPNSIP" "$@"
	is "$OUT|$ERR|$RC" "$want" "$d"
}

same_batch "a batch stops at its first failing line" -batch $B/mixed
same_batch "-force runs every line and exits 1" -force -batch $B/mixed
same_batch "an unterminated quote" -batch $B/unterminated
same_batch "a missing file" -batch /nonexistent/file
if skip_unless ip "a batch from stdin"; then
	clean; run sh -c "'$IPREAL' -batch - <$B/mixed"; want="$OUT|$ERR|$RC"
	clean; run sh -c "'$IPNSIP' -batch - <$B/mixed"
	is "$OUT|$ERR|$RC" "$want" "a batch from stdin"
fi
same_batch "too many words on a line" -batch $B/toomany

clean
run "$NSIP" -force -batch $B/usage
is "$(printf '%s\n' "$OUT" | grep -c '^1: lo')|$RC" "2|1" \
	"a usage error fails its line only (ip would end the whole batch)"
printf '%s\n' 'netns add "sp ace"' 'netns exec "sp ace" true' >$B/exec
run "$NSIP" -batch $B/exec
is "$RC" 0 "netns exec inside a batch forks and the batch goes on"
check "…and the quoted name was one word" test -e "/run/netns/sp ace"
"$NSIP" netns add inside
printf '%s\n' 'link show lo' 'netns list' >$B/n
run "$NSIP" -n inside -batch $B/n
is "$RC" 0 "-n applies to the whole batch"

done_testing
