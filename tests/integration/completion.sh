#!/bin/bash
# The bash completion (the built completions/nsip, $NSIP_COMPLETION) driven
# as bash drives it: COMP_WORDS and COMP_CWORD set, _nsip called, COMPREPLY
# read. What it should offer is taken from nsip itself wherever nsip can
# say it (its usage texts, its own listings of devices, namespaces and
# chains); the sandbox's fresh sysfs and /run make those lists its own.
# The zsh completion (completions/_nsip, $NSIP_ZSH_COMPLETION) is driven
# the same way under zsh's bashcompinit.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

: "${NSIP_COMPLETION:?NSIP_COMPLETION must name the built bash completion}"
MAN_DIR=$TESTS_DIR/../man
BIN=/run/nsip-test/bin

# The sandbox's own devices: sysfs shows the network namespace of whoever
# mounts it, and this mount stays in the test's private mount namespace.
mount -t sysfs sandbox-sys /sys || { echo "Bail out! cannot mount sysfs"; exit 1; }

# Links named like the applets and like ip and iptables, and a PATH on
# which only netns (of those names) is nsip: the completion must claim
# netns and leave coreutils' link alone.
for name in netns link addr route neigh nat sysctl ip iptables iptables-save iptables-restore; do
	ln -s "$NSIP" "$BIN/$name"
done
mkdir -p /run/nsip-test/path
ln -s "$NSIP" /run/nsip-test/path/nsip
ln -s "$NSIP" /run/nsip-test/path/netns
PATH=/run/nsip-test/path:$PATH
# shellcheck source=/dev/null
. "$NSIP_COMPLETION"

# comp WORD...: completes the last word (give "" for an empty one); prints
# the answers one a line, sorted.
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_nsip "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort -u | sed '/^$/d'
}

lines() { printf '%s\n' "$@" | LC_ALL=C sort -u | sed '/^$/d'; }

# has WANTED GOT DESC: every line of WANTED is a line of GOT.
has() {
	local missing
	# shellcheck disable=SC2086 # WANTED is a list of words
	missing=$(LC_ALL=C comm -23 <(lines $1) <(lines "$2"))
	is "$missing" "" "$3"
}

check "complete -p nsip: _nsip completes nsip" eval 'complete -p nsip | grep -q "_nsip nsip$"'
check "a link named netns on PATH is completed" eval 'complete -p netns | grep -q "_nsip netns$"'
ok "$(complete -p link >/dev/null 2>&1; echo $(( ! $? )))" \
	"coreutils' link (not nsip) keeps its own completion"

# The objects: those nsip's usage names (ip's, through a link named ip).
objects_of() {	# usage text on stdin -> the words of "OBJECT := { ... }"
	sed -n 's/.*OBJECT := {\(.*\)}.*/\1/p' | tr -d '|' | tr -s ' ' '\n'
}
run "$NSIP" --help
objects=$(objects_of <<<"$OUT")
ok $(( $(lines "$objects" | wc -l) >= 5 ? 0 : 1 )) "nsip --help names its objects"
is "$(comp nsip "")" "$(lines "$objects" help)" "nsip TAB: the objects of nsip --help, and help"
run "$IPNSIP" help
is "$(comp "$BIN/ip" "")" "$(lines "$(objects_of <<<"$ERR")" help)" \
	"ip (link to nsip) TAB: ip's objects, no nat"
is "$(comp nsip -j -p "")" "$(lines "$objects" help)" "objects after global options"
has "-json -netns -brief" "$(comp nsip -)" "nsip -TAB: global options"

# Subcommands: every one a usage form names is offered (as itself or as
# the word it abbreviates), for each applet that has a man page.
subcommands() {	# APPLET -> the subcommands of its usage's forms
	"$NSIP" "$1" help 2>&1 | awk -v obj="$1" '
		/:=/ { exit }
		{
			line = $0
			gsub(/[][{}|]/, " & ", line)
			n = split(line, w, " ")
			for (i = 1; i < n; i++)
				if (index(w[i], obj) == 1) break
			if (i >= n) next
			i++
			if (w[i] == "[") i++
			if (w[i] == "{") {
				for (i++; i <= n && w[i] != "}"; i++)
					if (w[i] != "|") print w[i]
			} else {
				print w[i]
			}
		}'
}
for page in "$MAN_DIR"/nsip-*.8; do
	applet=${page##*/nsip-}; applet=${applet%.8}
	# nat is checked below; the CNI plugins take no words to complete
	case $applet in nat|cni) continue;; esac
	if [ "$applet" != sysctl ]; then   # sysctl has options and keys, below
	subs=$(subcommands "$applet")
	ok $(( $(lines "$subs" | wc -l) >= 2 ? 0 : 1 )) "$applet: its usage names subcommands"
	for s in $subs; do
		got=$(comp nsip "$applet" "$s")
		case $'\n'$got$'\n' in
		*$'\n'"$s"*) ok 0 "nsip $applet $s: offered";;
		*) ok 1 "nsip $applet $s: offered (got: $got)";;
		esac
	done
	fi
	all=$(comp nsip "$applet" "")
	is "$(comp "$BIN/$applet" "")" "$all" "a link named $applet completes as nsip $applet"
done
is "$(comp nsip link)" "link" "an object word is completed as itself"
is "$(comp nsip a "")" "$(comp nsip address "")" "an abbreviated object (a = address)"

# sysctl: the options of its usage, and the keys of /proc/sys.
sysctl_opts=$("$NSIP" sysctl help | grep -o -- ' -[-a-zA-Z]*' | tr -d ' ' | sort -u)
ok $(( $(lines "$sysctl_opts" | wc -l) >= 20 ? 0 : 1 )) "sysctl: its usage names its options"
has "$sysctl_opts" "$(comp nsip sysctl -)" "nsip sysctl -TAB: every option of the usage"
is "$(comp nsip sysctl net.ipv4.ip_forward_up)" "net.ipv4.ip_forward_update_priority" "nsip sysctl KEY: a key"
is "$(comp nsip sysctl net.ipv6.conf.l)" "net.ipv6.conf.lo." "nsip sysctl KEY: a directory, to go on"
is "$(comp nsip sy net.ipv4.ip_forward_up)" "net.ipv4.ip_forward_update_priority" "an abbreviated object (sy = sysctl)"

# nat: the commands of its usage's COMMAND := { ... } are offered.
nat_cmds=$("$NSIP" nat help | sed -n '/^COMMAND/,/}/p' | grep -o -- '-[A-Za-z]\b' | sort -u)
ok $(( $(lines "$nat_cmds" | wc -l) >= 10 ? 0 : 1 )) "nat: its usage names its commands"
has "$nat_cmds" "$(comp nsip nat -)" "nsip nat -TAB: every command of the usage"
is "$(comp nsip nat -p "")" "$(lines tcp udp icmp all)" "nat -p: protocols"
has "MASQUERADE SNAT DNAT REDIRECT RETURN ACCEPT" "$(comp nsip nat -A POSTROUTING -j "")" \
	"nat -j: the targets"

# Keywords.
has "mtu netns master nomaster address txqueuelen" "$(comp nsip link set dev lo "")" \
	"link set DEV: its settings"
is "$(comp nsip link set lo arp "")" "$(lines on off)" "link set arp: on, off"
has "peer" "$(comp nsip link add v1 type veth "")" "link add type veth: peer"
is "$(comp nsip link add v1 type vl)" "$(lines vlan)" "link add type vl: vlan"
has "ttl gbp nolearning srcport" "$(comp nsip link add v1 type vxlan "")" \
	"link add type vxlan: its words"
is "$(comp nsip link add v1 link lo type ipvlan mode "")" "$(lines l2 l3 l3s)" \
	"link add type ipvlan mode: ipvlan's modes"
has "dev scope label valid_lft nodad" "$(comp nsip addr add 10.0.0.1/24 "")" \
	"addr add: its words"
has "global link host" "$(comp nsip addr show scope "")" "addr show scope: scopes"
is "$(comp nsip netns list-id "")" "$(lines nsid target-nsid)" "netns list-id: its keys"
is "$(comp nsip netns set red "")" "auto" "netns set NAME: auto"
is "$(comp nsip -f "")" "$(lines inet inet6 link)" "-f: families"

# Devices: exactly those nsip lists in this sandbox.
"$NSIP" link add cv-a type veth peer name cv-b
"$NSIP" link add cbr0 type bridge
devices=$("$NSIP" -br link show | awk '{ sub(/@.*/, "", $1); print $1 }')
ok $(( $(lines "$devices" | wc -l) == 4 ? 0 : 1 )) "the sandbox has its 4 devices"
is "$(comp nsip link set dev "")" "$(lines "$devices")" "link set dev: the devices"
is "$(comp nsip link show "" | grep -Fx -f <(lines $devices))" "$(lines "$devices")" \
	"link show: the devices among the words"
is "$(comp nsip addr show dev "")" "$(lines "$devices")" "addr show dev: the devices"
is "$(comp nsip address add 10.1.1.1/24 dev cv)" "$(lines cv-a cv-b)" \
	"addr add dev cv: the devices starting so"
is "$(comp nsip nat -A POSTROUTING -o "")" "$(lines "$devices")" "nat -o: the devices"
is "$(comp "$BIN/link" set dev "")" "$(lines "$devices")" "link (applet link) set dev: the devices"
is "$(comp "$BIN/ip" link del "" | grep -Fx -f <(lines $devices))" "$(lines "$devices")" \
	"ip (link) link del: the devices"

# Namespaces: exactly those nsip lists, a name with a blank kept whole.
for ns in red blue "with blank"; do "$NSIP" netns add "$ns"; done
namespaces=$("$NSIP" netns list | sed 's/ (id: .*//')
ok $(( $(lines "$namespaces" | wc -l) == 3 ? 0 : 1 )) "three namespaces listed"
is "$(comp nsip netns delete "")" "$(lines "$namespaces")" "netns delete: the namespaces"
is "$(comp nsip netns exec "")" "$(lines "$namespaces")" "netns exec: the namespaces"
is "$(comp nsip -n "")" "$(lines "$namespaces")" "-n: the namespaces"
is "$(comp nsip link set cv-b netns "")" "$(lines "$namespaces")" "link set netns: the namespaces"
is "$(comp nsip netns pids b)" "blue" "netns pids b: blue"
is "$(comp "$BIN/netns" del "")" "$(lines "$namespaces")" "netns (applet link) del: the namespaces"
is "$(comp "$BIN/ip" netns exec "")" "$(lines "$namespaces")" "ip (link) netns exec: the namespaces"
is "$(comp nsip -all netns exec "" | grep -c .)" "$(compgen -c | sort -u | grep -c .)" \
	"-all netns exec: commands, not names"

# nat chains: the built-in ones and a user chain, as nsip nat -S has them.
"$NSIP" nat -N CMPCHAIN
chains=$("$NSIP" nat -S | sed -n 's/^-[NP] \([^ ]*\).*/\1/p')
has "CMPCHAIN" "$chains" "nat -S lists the user chain"
is "$(comp nsip nat -A "")" "$(lines "$chains")" "nat -A: the chains"
is "$(comp nsip nat -F CM)" "CMPCHAIN" "nat -F CM: the user chain"
has "CMPCHAIN MASQUERADE" "$(comp nsip nat -A POSTROUTING -j "")" "nat -j: user chains too"
is "$(comp "$BIN/nat" -X "")" "$(lines "$chains")" "nat (applet link) -X: the chains"
is "$(comp "$BIN/iptables" -t nat -D "")" "$(lines "$chains")" "iptables (link) -D: the chains"
is "$(comp nsip nat -P POSTROUTING "")" "ACCEPT" "nat -P CHAIN: ACCEPT"
# The filter table: the default through a link named iptables, -t filter
# for nsip nat.
"$NSIP" nat -t filter -N FCHAIN
is "$(comp "$BIN/iptables" -A "")" "$(lines INPUT FORWARD OUTPUT FCHAIN)" \
	"iptables (link) -A: the filter table's chains"
is "$(comp nsip nat -t filter -P FORWARD "")" "$(lines ACCEPT DROP)" "nat -t filter -P CHAIN: ACCEPT, DROP"
has "DROP REJECT LOG FCHAIN" "$(comp "$BIN/iptables" -A INPUT -j "")" "iptables -j: filter's targets"
is "$(comp "$BIN/iptables" -A INPUT -g "")" "FCHAIN" "iptables -g: the user chains"
has "conntrack state comment" "$(comp "$BIN/iptables" -A INPUT -m "")" "-m: the matches"
has "tcp-reset icmp-host-prohibited" "$(comp "$BIN/iptables" -A INPUT -j REJECT --reject-with "")" \
	"--reject-with: the types"
has "RELATED,ESTABLISHED" "$(comp "$BIN/iptables" -A INPUT -m conntrack --ctstate "")" "--ctstate: the states"

# iptables-save and iptables-restore links: their options and tables.
is "$(comp "$BIN/iptables-save" -t "")" "$(lines filter nat)" "iptables-save -t: the tables"
has "-c --counters -t --table" "$(comp "$BIN/iptables-save" -)" "iptables-save -: its options"
is "$(comp "$BIN/iptables-restore" --nof)" "--noflush" "iptables-restore --nof: --noflush"
is "$(comp "$BIN/iptables-restore" -T "")" "$(lines filter nat)" "iptables-restore -T: the tables"

# zsh: the built wrapper, pointed at this build's bash completion, under
# compinit; _nsip driven through zsh's bashcompinit.
: "${NSIP_ZSH_COMPLETION:?NSIP_ZSH_COMPLETION must name the built zsh completion}"
if skip_unless zsh "zsh completion"; then
	zdir=/run/nsip-test/zsh
	mkdir -p "$zdir"
	grep -q '^source .*/nsip.$' "$NSIP_ZSH_COMPLETION"
	ok $? "_nsip sources the installed bash completion"
	sed "s|^source .*|source '$NSIP_COMPLETION'|" "$NSIP_ZSH_COMPLETION" >"$zdir/_nsip"
	# zcomp WORD...: as comp, under zsh, the way _bash_complete does it;
	# zsh's compgen leaves matching to compadd, so the prefix is matched here.
	zcomp() {
		HOME=$zdir zsh -f -c '
			fpath=("$1" $fpath); shift
			autoload -U compinit && compinit -u -D
			source "$fpath[1]/_nsip" || exit 1
			[[ $_comps[nsip] == *"-F _nsip" ]] ||
				{ print "nsip not registered: $_comps[nsip]"; exit 1; }
			words=("$@"); CURRENT=$#
			COMP_WORDS=("${words[@]}"); COMP_CWORD=$((CURRENT - 1))
			compgen -F _nsip -- "${words[CURRENT]}" | while IFS= read -r w; do
				[[ $w == "${words[CURRENT]}"* ]] && print -r -- "$w"
			done' zcomp "$zdir" "$@" 2>&1 |
			LC_ALL=C sort -u | sed '/^$/d'
	}
	is "$(zcomp nsip "")" "$(comp nsip "")" "zsh: nsip TAB"
	is "$(zcomp nsip link set dev "")" "$(lines "$devices")" "zsh: link set dev: the devices"
	is "$(zcomp nsip netns delete "")" "$(lines "$namespaces")" "zsh: netns delete: the namespaces"
	is "$(zcomp nsip nat -A "")" "$(lines "$chains")" "zsh: nat -A: the chains"
	is "$(zcomp "$BIN/link" "")" "$(comp nsip link "")" "zsh: a link named link"
	is "$(zcomp nsip netns exec w)" "with blank" "zsh: a name with a blank kept whole"
	is "$(zcomp nsip link set dev cv)" "$(lines cv-a cv-b)" "zsh: link set dev cv"
fi

done_testing
