#!/bin/bash
# sysctl (a link named sysctl, and nsip sysctl) against procps' sysctl:
# each case runs both in the sandbox's own network namespace and compares
# stdout, stderr, the exit code and the keys the cases touch. Only net.*
# keys are ever written (they are the namespace's); -p files are temporary
# files, and --system reads directories this test mounts a tmpfs over, in
# its private mount namespace, so the host's files are never applied.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

REAL=$(command -v sysctl || true)
case $(readlink -f "$REAL" 2>/dev/null) in
"$(readlink -f "$NSIP_BINARY")"|"") REAL="";;   # no procps: nothing to compare
esac
if [ -z "$REAL" ] && [ -x /usr/sbin/sysctl ]; then REAL=/usr/sbin/sysctl; fi
if [ -z "$REAL" ]; then
	if [ "${CI:-}" = true ]; then
		echo "1..1"; echo "not ok 1 - procps' sysctl is needed (CI=true)"; exit 1
	fi
	echo "1..0 # SKIP procps' sysctl is needed"; exit 0
fi
W=/run/nsip-test/sysctl
mkdir -p "$W/bin"
ln -s "$NSIP" "$W/bin/sysctl"
MINE=$W/bin/sysctl

# Before any case: what -p and --system read by default is private to this
# mount namespace and empty. /etc is an overlay whose changes stay in the
# sandbox (lib.sh), /etc/sysctl.conf is emptied there, and each directory
# --system reads is a fresh tmpfs: the host's settings are never applied.
private_etc
sysdir() {	# sysdir DIR: DIR, empty and private; false when it cannot be
	if [ -L "$1" ]; then return 1; fi           # /lib -> /usr/lib: the same one
	if [ ! -d "$1" ]; then
		case $1 in
		/etc/*|/run/*) mkdir -p "$1";;
		/usr/local/lib/*) [ -d /usr/local/lib ] || return 1
			mountpoint -q /usr/local/lib || mount -t tmpfs sysctl-test /usr/local/lib
			mkdir -p "$1";;
		*) return 1;;
		esac
	fi
	mountpoint -q "$1" || mount -t tmpfs sysctl-test "$1"
}
for d in /etc/sysctl.d /run/sysctl.d /usr/local/lib/sysctl.d /usr/lib/sysctl.d /lib/sysctl.d; do
	# One that exists but cannot be made private would be the host's.
	sysdir "$d" || [ ! -d "$d" ] || { echo "Bail out! cannot mount over $d"; exit 1; }
done
: >/etc/sysctl.conf

# The keys the cases may change: compared after each command.
state() {
	cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/*/forwarding \
		/proc/sys/net/ipv4/conf/*/rp_filter /proc/sys/net/ipv6/conf/lo/mtu \
		/proc/sys/net/core/somaxconn /proc/sys/net/ipv4/ip_local_port_range
}

: >"$W/stdin"
# same DESCRIPTION ARGS...: procps first, then nsip, from the same state
# (the state procps left is put back before nsip runs).
same() {
	local d=$1; shift
	local snap want got
	snap=$(state)
	run "$REAL" "$@" <"$W/stdin"
	want="$OUT|$ERR|$RC|$(state)"
	restore "$snap"
	run "$MINE" "$@" <"$W/stdin"
	got="$OUT|$ERR|$RC|$(state)"
	is "$got" "$want" "$d"
}

# same_usage DESCRIPTION ARGS...: the usage text is nsip's own words; its
# first three lines (procps' synopsis), the stream it goes to, the other
# stream and the exit code are procps'. getopt's words name the program as
# called: each its own path, shown here as "sysctl".
same_usage() {
	local d=$1; shift
	local want
	run "$REAL" "$@"
	want="$(head -3 <<<"$OUT")|$(head -3 <<<"${ERR//$REAL/sysctl}")|$RC"
	run "$MINE" "$@"
	is "$(head -3 <<<"$OUT")|$(head -3 <<<"${ERR//$MINE/sysctl}")|$RC" "$want" "$d"
}

# restore SNAPSHOT: writes back the keys of a state() snapshot.
restore() {
	local f v
	local -a vals
	mapfile -t vals <<<"$1"
	local i=0
	for f in /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/*/forwarding \
		/proc/sys/net/ipv4/conf/*/rp_filter /proc/sys/net/ipv6/conf/lo/mtu \
		/proc/sys/net/core/somaxconn /proc/sys/net/ipv4/ip_local_port_range; do
		v=${vals[i]}; i=$((i + 1))
		[ "$(cat "$f")" = "$v" ] || echo "$v" >"$f"
	done
}

# --- reading ---------------------------------------------------------------
same "a key" net.ipv4.ip_forward
same "a key with slashes" net/ipv4/ip_forward
same "a VLAN-style name: a dot after slashes is part of the name" net/ipv4/conf/lo/forwarding
same "a slash after dots is part of the name" net.ipv4.conf.lo/forwarding
same "a value with a tab" net.ipv4.ip_local_port_range
same "-n: values only" -n net.ipv4.ip_forward net.ipv6.conf.lo.mtu
same "-b: no newline" -b net.ipv4.ip_forward
same "-N: names only" -N net.ipv4.ip_forward
same "a directory lists its keys" net.ipv4.conf.lo
same "-r filters a directory" -r 'forw' net.ipv4.conf.lo
same "--pattern=, and abbreviated long options" --pat=forw --val net.ipv4.conf.all
same "repeated separators are warned about" net.ipv4..ip_forward
same "repeated slashes: warned about twice" net/ipv4//ip_forward
same "a write-only key is passed over" net.ipv4.route.flush
same "stable_secret (EIO) fails without a word" net.ipv6.conf.lo.stable_secret
same "--deprecated keys" -a --deprecated -r 'neigh\.lo\.base_reach'
same "deprecated keys are left out" -a -r 'neigh\.lo\.base_reach'
same "-A and -X are -a" -A -N -r '^net\.ipv4\.conf\.lo\.'
same "-X" -X -r '^net\.ipv6\.conf\.lo\.mtu'
same "-o and -x do nothing" -o -x net.ipv4.ip_forward

# -a: every net.* line is the namespace's and must be the same; the other
# keys change by themselves (entropy, counters) but their names must not.
run "$REAL" -a; want_rc=$RC; want_net=$(grep '^net\.' <<<"$OUT"); want_names=$(sed 's/ = .*//' <<<"$OUT")
run "$MINE" -a
is "$(grep '^net\.' <<<"$OUT")" "$want_net" "-a: the net.* lines"
is "$(sed 's/ = .*//' <<<"$OUT")|$RC" "$want_names|$want_rc" "-a: every name, in the same order, same exit code"

# --- errors ----------------------------------------------------------------
same "an unknown key" nosuch.key
same "two unknown keys add up" nosuch.key net.ipv4.ip_forward nosuch2
same "-e: unknown keys say nothing" -e nosuch.key
same "an empty key" ""
same "two empty keys" "" ""
same "a key escaping /proc/sys" .
same "dots and slashes do not climb out" net.ipv4.conf/../../../../etc/passwd
same "no words" -q
same_usage "no words at all"
same "-N and -q" -N -q net.ipv4.ip_forward
same_usage "an unknown option" -Z net.ipv4.ip_forward
same_usage "an unknown long option" --frob
same_usage "-r without its expression" -r
same_usage "-h" -h
same_usage "--help" --help
same_usage "-d is -h" -d
same "a key that starts with a dash, after --" -- -net.ipv4.ip_forward

# --- writing ---------------------------------------------------------------
same "-w KEY=VALUE" -w net.ipv4.ip_forward=1
same "KEY=VALUE without -w" net.ipv4.ip_forward=0
same "conf.all.forwarding" net.ipv4.conf.all.forwarding=1
same "an IPv6 key" net.ipv6.conf.lo.mtu=1400
same "-q writes without echo" -q net.ipv4.ip_forward=1
same "-n echoes the value" -n net.ipv4.ip_forward=0
same "-b echoes without newline" -b net.ipv4.ip_forward=1
same "-N echoes the value (procps 4.0.2)" -N net.ipv4.ip_forward=0
same "a value with blanks inside" -w "net.ipv4.ip_local_port_range=32000    60000"
same "a value with a tab" "net.ipv4.ip_local_port_range=32100	60100"
same "blanks around the key and the value" "  net.ipv4.ip_forward = 1 "
same "a write and a read" net.ipv4.ip_forward=0 net.ipv4.conf.all.forwarding
same "-w without =" -w net.ipv4.ip_forward
same "-w: a write, then a word without =" -w net.ipv4.ip_forward=1 net.ipv4.conf.all.forwarding
same "invalid argument" net.ipv4.ip_forward=abc
same "an empty value" net.ipv4.ip_forward=
same "a value out of range" net.core.somaxconn=99999999999999
same "a range the kernel refuses" -w "net.ipv4.ip_local_port_range=1000    2000"
same "two equals signs" "net.ipv4.ip_forward=1=2"
same "an unknown key" -w nosuch.key=1
same "-e: an unknown key" -e -w nosuch.key=1
same "an empty key" =1
same "-w: an empty key" -w =1
same "a read-only key: warned, exit 0" net.ipv4.tcp_available_congestion_control=reno
same "a directory: warned, exit 0" net.ipv4.conf=1
same "-w -- -KEY=VALUE: unknown" -w -- "-net.ipv4.nosuch=1"
same "-w -- -KEY=VALUE: refused value" -w -- "-net.ipv4.ip_forward=zz"
same "-w -- -KEY alone" -w -- "-net.ipv4.ip_forward"
same "-r: a word it does not match is not written" -r xyz net.ipv4.ip_forward=1
same "-r: a bad expression matches nothing" -r '(' net.ipv4.ip_forward=1
same "--dry-run writes nothing" --dry-run net.ipv4.ip_forward=1
same "a write with repeated dots: warned twice" -w net.ipv4..ip_forward=1
same "a write with repeated slashes" net/ipv4//ip_forward=0
same "a write with slashes" -w net/ipv4/conf/lo/forwarding=0

# --- -p ----------------------------------------------------------------------
cat >"$W/a.conf" <<'EOC'
# comment
; other comment

net.ipv4.ip_forward = 1
   net.ipv4.conf.all.forwarding=1   
-net.ipv4.nosuch = 5
net.ipv4.nosuch2 = 5
justakey
-justexclude
net.ipv4.ip_local_port_range = 32768	  60999  
net.ipv4.conf.*.rp_filter = 2
-net.ipv4.conf.lo.rp_filter
net.ipv4.conf.default.rp_filter = 1
net.ipv4.ip_forward = abc
-net.ipv4.tcp_syncookies = abc
x
net/ipv4/conf/lo/forwarding = 0
 = 3
EOC
printf 'net.ipv6.conf.lo.mtu = 1300\n-net.ipv4.nosuch=1' >"$W/b.conf"   # no newline at the end
same "-p FILE: comments, blanks, '-', globs, exclusions, errors" -p "$W/a.conf"
same "-pFILE" -p"$W/a.conf"
same "--load=FILE -q" --load="$W/a.conf" -q
same "-e -p" -e -p "$W/a.conf"
same "-N -p" -N -p "$W/a.conf"
same "-n -p" -n -p "$W/a.conf"
same "-r -p: lines the pattern matches" -r forw -p "$W/a.conf"
same "-p with several files" -p "$W/b.conf" "$W/a.conf"
same "-p with a glob; line numbers run on across its files" -p "$W/*.conf"
same "-p: a missing file" -p "$W/nonexistent"
same "-p: a missing file, then one" -p "$W/nonexistent" "$W/b.conf"
same "-p: the default file (empty here)" -p
same "-f is -p" -f "$W/b.conf"
same "--dry-run -p" --dry-run -p "$W/b.conf"
printf -- '--net.ipv4.ip_forward=1\n-\n--\n-=\n=\nnet.ipv4.ip_forward = 1\r\n\tnet.ipv4.conf.lo.forwarding\t=\t1\t\n' >"$W/odd.cnf"
same "-p: odd lines (dashes alone, CRLF, tabs)" -p "$W/odd.cnf"
printf 'net.ipv4..ip_forward=1\nnet/ipv4//conf/lo/forwarding = 1\n' >"$W/rep.cnf"
same "-p: repeated separators" -p "$W/rep.cnf"
mkdir -p "$W/dir.cnf"
same "-p: a directory reads as nothing" -p "$W/dir.cnf"
same "-p: a glob that matches nothing" -p "$W/nomatch*.cnf"
same "-p: braces" -p "$W/{odd,nonexistent}.cnf"
same "--load FILE: the file is a word" --load "$W/odd.cnf"
same "-pq: options together" -pq "$W/odd.cnf"
same "a glob on the command line is not expanded" 'net.ipv4.conf.*.rp_filter=1'
same "three unknown keys exit 3" a.b c.d e.f
same "options after the words" net.ipv4.conf.lo.forwarding=1 -n
printf 'net.ipv4.ip_forward=1\nnet.ipv6.conf.lo.mtu=1280\n' >"$W/stdin"
same "-p -: standard input" -p -
: >"$W/stdin"

# --- --system ------------------------------------------------------------------
put() {	# put FILE TEXT: when FILE's directory is one of ours
	[ -d "${1%/*}" ] && printf '%b' "$2" >"$1"
}
put /etc/sysctl.d/10-a.conf 'net.ipv4.ip_forward=1\n'
put /usr/lib/sysctl.d/10-a.conf 'net.ipv4.conf.all.forwarding=0\n'   # hidden by /etc's
put /usr/lib/sysctl.d/05-b.conf 'net.ipv6.conf.lo.mtu=1300\n-net.nosuch=1\nnet.nosuch2=1\nbad line\n'
put /run/sysctl.d/07-c.conf 'net.ipv6.conf.lo.mtu=1400\n'
put /usr/local/lib/sysctl.d/07-c.conf 'net.ipv6.conf.lo.mtu=1500\n'   # hidden by /run's
put /run/sysctl.d/99-x.notconf 'net.ipv6.conf.lo.mtu=1600\n'          # not a .conf
put /run/sysctl.d/.conf 'net.ipv4.conf.*.rp_filter=2\n'
printf 'net.core.somaxconn=555\n' >/etc/sysctl.conf
same "--system: order, overrides, sysctl.conf last" --system
run "$MINE" --system
is "$(grep -c '^\* Applying /run/sysctl.d/07-c.conf' <<<"$OUT") $(cat /proc/sys/net/ipv4/ip_forward \
	/proc/sys/net/ipv6/conf/lo/mtu /proc/sys/net/core/somaxconn | tr '\n' ' ')" "1 1 1400 555 " \
	"--system read the files (a case that changes something)"
same "--system -q: the option after it is not read" --system -q
same "-q --system" -q --system net.ipv4.ip_forward
same "--system ignores the words" --system nosuch
same "-r --system" -r mtu --system
same "-n --system" -n --system
rm -f /etc/sysctl.conf
same "--system without /etc/sysctl.conf" --system
mkdir /etc/sysctl.conf
same "--system: a sysctl.conf that is not a file is skipped" --system
rmdir /etc/sysctl.conf
same "-p: the default file missing" -p

# --- permissions (as nobody) ----------------------------------------------------
printf -- '-net.ipv4.ip_forward=1\n' >"$W/t2.conf"
printf 'net.ipv4.ip_forward=0\nnet.ipv4.nosuch=1\n' >"$W/t.conf"
chmod 755 "$W" "$W/bin"; chmod 644 "$W"/*.conf
printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups %s "$@"\n' "$REAL" >"$W/real-nobody"
printf '#!/bin/sh\nexec setpriv --reuid=65534 --regid=65534 --clear-groups %s "$@"\n' "$MINE" >"$W/mine-nobody"
chmod 755 "$W/real-nobody" "$W/mine-nobody"
R0=$REAL M0=$MINE
REAL=$W/real-nobody MINE=$W/mine-nobody
same "nobody: a key only root may read" net.ipv6.conf.lo.stable_secret
same "nobody: permission denied" net.ipv4.ip_forward=1
same "nobody: -e does not hide it" -e net.ipv4.ip_forward=1
same "nobody: -p" -p "$W/t.conf"
same "nobody: -p with '-': ignoring, exit 0" -p "$W/t2.conf"
same "nobody: a write-only key" net.ipv4.route.flush=1
same "nobody: -a goes on past denied keys, exit 0" -a -r '^net\.ipv6\.conf\.(all|lo)\.'
REAL=$R0 MINE=$M0

# --- nsip sysctl, namespaces -----------------------------------------------------
run "$NSIP" sysctl -w net.ipv4.ip_forward=1
is "$OUT|$ERR|$RC|$(cat /proc/sys/net/ipv4/ip_forward)" "net.ipv4.ip_forward = 1||0|1" "nsip sysctl -w"
run "$NSIP" sysctl help
is "${OUT%%$'\n'*}|$ERR|$RC" "Usage: nsip sysctl [ OPTIONS ] [ KEY[=VALUE] ... ]||0" "nsip sysctl help: the usage on stdout"
run "$MINE" help
is "$OUT|$ERR|$RC" "|sysctl: cannot stat /proc/sys/help: No such file or directory|1" \
	"through the link, help is a key (as procps)"
"$NSIP" netns add sysctl-ns1 || { echo "Bail out! cannot add a namespace"; exit 1; }
"$NSIP" sysctl -q net.ipv4.ip_forward=0
run env PATH="$W/bin:$PATH" "$NSIP" netns exec sysctl-ns1 sysctl -w net.ipv4.ip_forward=1
is "$OUT|$RC|$(cat /proc/sys/net/ipv4/ip_forward)" "net.ipv4.ip_forward = 1|0|0" \
	"netns exec NS sysctl: the namespace's key, not ours"
run "$NSIP" -n sysctl-ns1 sysctl -n net.ipv4.ip_forward
is "$OUT|$RC" "1|0" "nsip -n NS sysctl reads the namespace's key"
run ip netns exec sysctl-ns1 "$REAL" -n net.ipv4.ip_forward
is "$OUT|$RC" "1|0" "procps sees what nsip wrote there"
run "$NSIP" netns exec sysctl-ns1 "$NSIP" sysctl -N net.ipv4.ip_forward
is "$OUT|$RC" "net.ipv4.ip_forward|0" "netns exec NS nsip sysctl"
printf 'sysctl -q net.ipv6.conf.lo.mtu=1400\nsysctl -n net.ipv6.conf.lo.mtu\n' >"$W/batch"
run "$NSIP" -batch "$W/batch"
is "$OUT|$RC" "1400|0" "sysctl lines in a -batch"
"$NSIP" netns del sysctl-ns1

done_testing
