#!/bin/bash
# Alternative names: `link property add|del` against ip on twin links (ip
# changes a0, nsip b0, each command's words the same but for the device),
# the altname lines in every listing mode, and names found by their
# alternative. Where ip leaves a failed command half done (the names
# before the refused one stay), nsip changes nothing: checked separately.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "the differential needs iproute2" || { done_testing; exit; }
"$IPREAL" link add a0 type veth peer name ap
"$IPREAL" link add b0 type veth peer name bp

# The names of a link, one line: what a command left behind.
names() { "$IPREAL" -j link show "$1" | sed -n 's/.*"altnames":\[\([^]]*\)\].*/\1/p'; }

# twin DESC WORDS...: DEV in WORDS is a0 for ip, b0 for nsip; same output,
# message and code, and the same names afterwards.
twin() {
	local d=$1 want
	shift
	run "$IPREAL" "${@//DEV/a0}"; want="$OUT|${ERR//a0/DEV}|$RC"
	run "$IPNSIP" "${@//DEV/b0}"
	is "$OUT|${ERR//b0/DEV}|$RC" "$want" "$d"
	is "$(names b0 | sed 's/b0/DEV/g')" "$(names a0 | sed 's/a0/DEV/g')" "$d: the same names after"
}

twin "add one" link property add dev DEV altname DEV-one
twin "add two, abbreviated" link prop a dev DEV alt DEV-two altname DEV-three
twin "add without dev word" link property add DEV altname DEV-four
twin "add a name of 127 bytes" link property add dev DEV altname "DEV$(printf 'x%.0s' $(seq 124))"
twin "a name of 128 bytes: the kernel's refusal" link property add dev DEV altname "DEV$(printf 'y%.0s' $(seq 125))"
twin "add nothing" link property add dev DEV
twin "add a name in use" link property add dev DEV altname DEV-one
twin "add another link's name" link property add dev DEV altname lo
twin "delete one" link property del dev DEV altname DEV-two
twin "delete, abbreviated" link property d dev DEV altname DEV-three
twin "delete a name not there" link property del dev DEV altname DEV-nope
twin "'delete' is not ip's word" link property delete dev DEV altname DEV-one
twin "the device by its alternative name" link property add dev DEV-one altname DEV-five
# Names live in the namespace: "help" can be on one link at a time.
run "$IPREAL" link property add dev a0 altname help; want="$OUT|$ERR|$RC"
"$IPREAL" link property del dev a0 altname help
run "$IPNSIP" link property add dev b0 altname help
is "$OUT|$ERR|$RC|$(names b0 | grep -c '"help"')" "$want|1" "help as a name"
"$IPREAL" link property del dev b0 altname help
for bad in "" "a/b" "a b" "tab	x"; do
	twin "not a valid altname: '$bad'" link property add dev DEV altname "$bad"
done
twin "altname without a value" link property add dev DEV altname
twin "dev twice" link property add dev DEV altname x dev DEV
twin "no dev" link property add altname x
twin "dev without a value" link property add dev
twin "no such device" link property add dev nosuch altname x
twin "an unknown operator" link property frob dev DEV
same_usage_as_ip "property alone" link property
same_usage_as_ip "property help" link property help
same_usage_as_ip "help among the words" link property add dev a0 help

# A refused name takes back the ones before it: nothing changes.
before=$(names b0)
run "$IPNSIP" link property add dev b0 altname b0-new1 altname b0-new2 altname b0-one
is "$RC|$ERR" "2|RTNETLINK answers: File exists" "a refused name among three: ip's message and code"
is "$(names b0)" "$before" "...and none of the three is added"
run "$IPNSIP" link property add dev b0 altname b0-rep altname b0-rep
is "$(names b0)|$RC" "$before|2" "a name given twice: neither added"
run "$IPNSIP" link property del dev b0 altname b0-one altname b0-none
is "$(names b0)|$RC" "$before|2" "a delete refused on its second name keeps the first"
run "$IPNSIP" link property del dev b0 altname b0-one altname b0-one
is "$(names b0)|$RC|$ERR" "$before|2|RTNETLINK answers: No such file or directory" \
	"a name deleted twice: ip's refusal, and the name stays"
run "$IPNSIP" link property del dev b0 altname b0-one altname lo
is "$(names b0)|$RC" "$before|2" "another link's name: refused, nothing deleted"

# Every listing shows them where ip does.
"$IPREAL" addr add 10.9.0.1/24 dev a0
"$IPREAL" link set a0 alias "with an alias"
for mode in "" -o -j "-j -p" -d "-d -j" -s "-s -o" -br; do
	# shellcheck disable=SC2086
	same_as_ip "$mode link show a0" $mode link show a0
	# shellcheck disable=SC2086
	same_as_ip "$mode addr show a0" $mode addr show a0
	# shellcheck disable=SC2086
	same_as_ip "$mode link (all)" $mode link
done
same_as_ip "-s addr show: names before the addresses, counters after" -s addr show a0
same_as_ip "link show dev ALTNAME" link show dev a0-one
same_as_ip "link show of a long alternative name" link show "a0$(printf 'x%.0s' $(seq 125))"
same_as_ip "addr show dev ALTNAME" addr show dev a0-four
same_as_ip "a missing long name" link show dev "$(printf 'z%.0s' $(seq 40))"
same_as_ip "link show if3" link show if3
run "$IPNSIP" link set dev b0-one mtu 1400
is "$RC|$("$IPREAL" -j link show b0 | grep -o '"mtu":[0-9]*')" '0|"mtu":1400' "link set finds a device by its alternative name"

done_testing
