#!/bin/bash
# ip tuntap add/del/show (and ip -d link of tun devices) against iproute2:
# each form run by both, in turn, on the same names; same output bytes,
# messages, exit codes and devices left behind. The devices live in the
# sandbox's network namespace; a pid namespace of its own and a fresh /proc
# make "Attached to processes" list only the test's holder, and a sysfs
# mounted here shows this namespace's devices (all in the private mounts).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

if [ "${NSIP_TUNTAP_PIDNS:-}" != 1 ]; then
	NSIP_TUNTAP_PIDNS=1 exec unshare --pid --fork --mount-proc -- /bin/bash "$0" "$@"
fi
: "${NSIP_TUN_HOLD:?NSIP_TUN_HOLD must name the tun_hold helper}"
[ -c /dev/net/tun ] || { echo "Bail out! no /dev/net/tun"; exit 1; }
mount -t sysfs sandbox-sys /sys || { echo "Bail out! cannot mount sysfs"; exit 1; }
skip_unless ip "iproute2 is installed" || { done_testing; exit; }

# What a device looks like to iproute2: its tuntap line and its link
# details, less the index and the random MAC address.
looks() {
	"$IPREAL" tuntap 2>&1
	local d
	for d in $("$IPREAL" tuntap 2>/dev/null | cut -d: -f1); do
		"$IPREAL" -d link show dev "$d" 2>&1 |
			sed -e '1s/^[0-9]*: //' -e 's/link\/ether [^ ]*/link\/ether/'
	done
}

# Removes every tun device (del needs the mode, and multi_queue for a
# multi-queue device: try each).
clear_all() {
	local d m
	for d in $("$IPREAL" tuntap 2>/dev/null | cut -d: -f1); do
		for m in tun tap "tun multi_queue" "tap multi_queue"; do
			# shellcheck disable=SC2086 # the mode's words
			"$IPREAL" tuntap del "$d" mode $m 2>/dev/null && break
		done
	done
}

# same_add DESC WORDS...: `ip WORDS` from nothing, by each tool: same
# output, exit code and resulting devices.
same_add() {
	local d=$1 want; shift
	clear_all
	run "$IPREAL" "$@"; want="$OUT|$ERR|$RC|$(looks)"
	clear_all
	run "$IPNSIP" "$@"
	is "$OUT|$ERR|$RC|$(looks)" "$want" "$d"
}

# same_del DESC SETUP WORDS...: SETUP (ip tuntap add words) then `tuntap
# WORDS` by each tool.
same_del() {
	local d=$1 setup=$2 want; shift 2
	clear_all; eval "\"\$IPREAL\" tuntap add $setup"
	run "$IPREAL" tuntap "$@"; want="$OUT|$ERR|$RC|$(looks)"
	clear_all; eval "\"\$IPREAL\" tuntap add $setup"
	run "$IPNSIP" tuntap "$@"
	is "$OUT|$ERR|$RC|$(looks)" "$want" "$d"
}

same_add "add dev NAME mode tun" tuntap add dev tt0 mode tun
same_add "add NAME mode tap pi" tuntap add tt0 mode tap pi
same_add "add name NAME, the queue and header flags" \
	tuntap add name tt0 mode tap one_queue vnet_hdr multi_queue
same_add "add with user and group numbers" tuntap add mode tun tt0 user 0 group 0
same_add "add with user and group names" tuntap add tt0 mode tap user root group root
same_add "abbreviations, a uid without a name" tuntap a d tt0 m ta u 4294967294 g 65534 p v mu o
same_add "user -1 is no owner" tuntap add tt0 mode tun user -1
same_add "the kernel names the device" tuntap add mode tap
same_add "a later dev replaces the name" tuntap add dev tx dev tt0 mode tun
same_add "mode given twice alike" tuntap add tt0 mode tun mode tun

same_del "del NAME mode tun" "tt0 mode tun" del tt0 mode tun
same_del "abbreviated del of a tap" "tt0 mode tap user 0" d dev tt0 m tap
same_del "del with the wrong mode" "tt0 mode tap" del tt0 mode tun
same_del "del takes user as a name" "tt0 mode tun" del tt0 mode tun user root
same_del "del of a multi-queue tap without multi_queue" "tt0 mode tap multi_queue" del tt0 mode tap
same_del "del of a multi-queue tap" "tt0 mode tap multi_queue" del tt0 mode tap multi_queue
same_del "add of an existing device" "tt0 mode tun" add tt0 mode tun

# Bad input: the message, the exit code, and no device left.
same_add "no mode" tuntap add tt9
same_add "unknown mode" tuntap add tt9 mode foo
same_add "two modes" tuntap add tt9 mode tun mode tap
same_add "two modes, tap first" tuntap add tt9 mode tap mode tun
same_add "name too long" tuntap add 0123456789abcdef mode tun
same_add "a slash in the name" tuntap add a/b mode tun
same_add "a blank in the name" tuntap add "a b" mode tun
same_add "empty dev" tuntap add dev "" mode tun
same_add "bad dev" tuntap add dev a/b mode tun
same_add "two names" tuntap add tt9 tt8 mode tun
same_add "mode without a value" tuntap add mode
same_add "user without a value" tuntap add tt9 mode tun user
same_add "unknown user" tuntap add tt9 mode tun user nsip-no-such-user
same_add "unknown group" tuntap add tt9 mode tun group nsip-no-such-group
same_add "unknown command" tuntap frob
same_add "empty command" tuntap ""
same_add "del without mode" tuntap del tt9
same_usage_as_ip "help" tuntap help
same_usage_as_ip "help among the words of add" tuntap add tt9 help
same_usage_as_ip "help among the words of del" tuntap del help

# A device whose owner cannot be set (a uid the user namespace does not
# map): the error, and nothing made. In a user namespace of the test's own.
userns_add() {
	# shellcheck disable=SC2016 # expanded by the inner sh
	unshare --user --map-root-user --net -- sh -c \
		'"$0" tuntap add tt5 mode tun "$@"; echo "rc=$?"; ip -o link show | wc -l' "$@" 2>&1
}
for w in "user 5" "group 7"; do
	# shellcheck disable=SC2086 # two words
	is "$(userns_add "$IPNSIP" $w)" "$(userns_add "$IPREAL" $w)" \
		"$w unmapped: ioctl's message, exit 1, no device left"
done

# Through -n (the device in that namespace, its sysfs mounted for the
# listing) and -batch (one command a line; a failed line ends the batch).
netns_add() {	# netns_add TOOL: its answer, and the devices here and in tred
	run "$1" -n tred tuntap add tn0 mode tap user 0
	echo "$OUT|$ERR|$RC|$(looks)|$("$IPREAL" -n tred tuntap 2>&1)"
}
"$IPREAL" netns add tred
want=$(netns_add "$IPREAL")
"$IPREAL" -n tred tuntap del tn0 mode tap
is "$(netns_add "$IPNSIP")" "$want" "-n NAME tuntap add: the device is made there"
same_as_ip "-n NAME tuntap: that namespace's devices" -n tred tuntap
same_as_ip "-n NAME -d tuntap" -n tred -d tuntap
"$IPREAL" netns del tred

batch=/run/nsip-test/tuntap.batch
printf '%s\n' "tuntap add tb0 mode tun" "tuntap add tb1 mode tap user 0 pi" "tuntap" \
	"tuntap show" "tuntap del tb0 mode tun" "tap del tb1 mode tap" "tuntap" >"$batch"
same_add "-batch: add, show, del" -batch "$batch"
printf '%s\n' "tuntap add tb0 mode tun" "tuntap add tb0 mode tun" "tuntap" >"$batch"
same_add "-batch: a failed line ends it" -batch "$batch"

# The listing: devices of every kind, one held open by a process.
clear_all
"$IPREAL" tuntap add tt1 mode tun
"$IPREAL" tuntap add tt2 mode tap user 0 group 65534 pi vnet_hdr
"$IPREAL" tuntap add tt3 mode tap multi_queue one_queue user 4242 group 4243
mkfifo /run/nsip-test/hold
"$NSIP_TUN_HOLD" tt1 tun >/run/nsip-test/hold &
holder1=$!
read -r line </run/nsip-test/hold
"$NSIP_TUN_HOLD" tt4 tap napi >/run/nsip-test/hold2 &
holder2=$!
for _ in $(seq 50); do grep -q ready /run/nsip-test/hold2 2>/dev/null && break; sleep 0.05; done
is "$line $(cat /run/nsip-test/hold2)" "ready ready" "two processes hold tt1 and tt4"

for words in "tuntap" "tuntap show" "tuntap list" "tuntap lst" "tuntap sh" "tap" "tunt" \
	"-d tuntap" "-o -d tuntap" "-o tuntap" "-br tuntap" "-s tuntap" "-j tuntap" \
	"-j -p tuntap" "tuntap show dev tt1 mode tun" \
	"-d link show dev tt1" "-d link show dev tt2" "-d link show dev tt3" \
	"-d link show dev tt4" "-j -d link show dev tt3" "-j -p -d link show dev tt1" \
	"link show dev tt1" "-o -d link show dev tt2"; do
	# shellcheck disable=SC2086 # the words
	same_as_ip "$words" $words
done

# -j -d: ip 6.1's bare name/pid members in "processes" are no JSON; nsip
# gives each process its object (man page), and is ip's otherwise.
unbrace='import re,sys; print(re.sub(r"\{(\"name\":\"[^\"]*\",\"pid\":[0-9]+)\}", r"\1", sys.stdin.read()), end="")'
run "$IPNSIP" -j -d tuntap
nsip_jd=$OUT
is "$(python3 -c "$unbrace" <<<"$nsip_jd")" "$("$IPREAL" -j -d tuntap)" \
	"-j -d is ip's but for an object around each process"
is "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted(len(x.get("processes",[])) for x in d), all(set(p)=={"name","pid"} for x in d for p in x.get("processes",[])))' <<<"$nsip_jd")" \
	"[0, 0, 1, 1] True" "-j -d parses as JSON: each holder an object of name and pid"
run "$IPNSIP" -j -p -d tuntap
is "$(python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' <<<"$OUT")" \
	"$(python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' <<<"$nsip_jd")" \
	"-j -p -d is the same JSON, pretty"
run "$IPNSIP" -d tuntap
is "$(grep -c 'Attached to processes:tun_hold([0-9]*)$' <<<"$OUT")" 2 \
	"-d names each holder (tt1's and tt4's)"

same_as_ip "del of a device a process holds" tuntap del tt1 mode tun
same_as_ip "add of a device a process holds" tuntap add tt4 mode tap

# Without this namespace's sysfs the devices are left out, with a line each.
mount -t tmpfs no-sysfs /sys
same_as_ip "no sysfs: each device left out with iproute2's line" tuntap
umount /sys

kill "$holder1" "$holder2"
wait 2>/dev/null
clear_all
is "$("$IPREAL" tuntap)" "" "no device left"
same_as_ip "-j with no device" -j tuntap
same_as_ip "-j -p -d with no device" -j -p -d tuntap

# ip's objects in ip's order: tun is tunnel (not nsip's), ta is tap.
run "$IPNSIP" tun
is "$ERR|$RC" 'Object "tunnel" is not supported by nsip.|255' "ip tun is ip tunnel, as in iproute2"
same_as_ip "ip ta is ip tap" ta foo

done_testing
