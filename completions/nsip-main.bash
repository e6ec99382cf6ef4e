# bash completion for nsip (and for the ip, iptables and applet links to it).
# The applets' own words come from their fragments (completions/bash/),
# which define _nsip_APPLET; this part completes global options and
# objects, and offers helpers to the fragments:
#   _nsip_reply WORDS...   completes the current word from WORDS
#   _nsip_devices          network devices (/sys/class/net)
#   _nsip_namespaces       named namespaces (/run/netns)
# The one calling convention: _nsip calls _nsip_APPLET INDEX, where
# COMP_WORDS[INDEX] is the first word after the object (after the global
# options, or after the link's name when called as netns, link, addr,
# route, rule, neigh, monitor, tuntap, nat, sysctl or iptables). The fragment may read COMP_WORDS,
# COMP_CWORD, cur and prev (locals of _nsip), adds its answers with
# _nsip_reply and lists devices and namespaces only with the helpers here.

# Each argument is a word, or several words one a line (the output of a
# lister), so names with blanks stay whole.
_nsip_reply() {
	local IFS=$'\n'
	COMPREPLY+=($(compgen -W "$*" -- "${cur}"))
}

_nsip_devices() {
	local d
	for d in /sys/class/net/*; do
		[ -e "$d" ] && printf '%s\n' "${d##*/}"
	done
}

_nsip_namespaces() {
	local n
	for n in /run/netns/*; do
		# a dangling entry is listed too: ip netns list shows it
		{ [ -e "$n" ] || [ -L "$n" ]; } && printf '%s\n' "${n##*/}"
	done
}

_nsip_objects="address link monitor neigh netns route rule tuntap nat sysctl help"
_nsip_options="-Version -statistics -details -family -4 -6 -0 -oneline -brief
	-json -pretty -netns -all -force -batch -help -human-readable -iec -Numeric
	-rcvbuf -loops -color=never -color=auto -timestamp -tshort"

_nsip() {
	local cur prev i obj="" applet
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	applet=${COMP_WORDS[0]##*/}
	COMPREPLY=()

	case $applet in
	netns|link|addr|route|rule|neigh|monitor|tuntap|nat|sysctl) obj=$applet; i=1;;
	iptables|iptables-nft) obj=nat; i=1;;
	iptables-save|iptables-nft-save) obj=xt_save; i=1;;
	iptables-restore|iptables-nft-restore) obj=xt_restore; i=1;;
	esac
	if [ -z "$obj" ]; then
		# Skip global options (and the values of those that take one).
		for ((i = 1; i < COMP_CWORD; i++)); do
			case ${COMP_WORDS[i]} in
			-n|-netns|-b|-batch|-f|-family|-rc|-rcvbuf|-l|-loops) ((i++));;
			-*) ;;
			*) break;;
			esac
		done
		if ((i >= COMP_CWORD)); then
			case $prev in
			-n|-netns) _nsip_reply "$(_nsip_namespaces)"; return;;
			-f|-family) _nsip_reply inet inet6 link; return;;
			-b|-batch) COMPREPLY=($(compgen -f -- "$cur")); return;;
			esac
			if [[ $cur == -* ]]; then
				_nsip_reply $_nsip_options
			elif [ "$applet" = ip ]; then
				_nsip_reply ${_nsip_objects/ nat sysctl/}
			else
				_nsip_reply $_nsip_objects
			fi
			return
		fi
		obj=${COMP_WORDS[i]}
		((i++))
	fi
	case $obj in
	a|ad|add|addr|addre|addres|address) obj=addr;;
	r|ro|rou|rout|route) obj=route;;
	ru|rul|rule) obj=rule;;
	n|ne|nei|neig|neigh|neighbor|neighbour) obj=neigh;;
	l|li|lin|link) obj=link;;
	mo|mon|moni|monit|monito|monitor) obj=monitor;;
	net|netn|netns) obj=netns;;
	na|nat) obj=nat;;
	tunt|tunta|tuntap|ta|tap) obj=tuntap;;
	sy|sys|sysc|sysct|sysctl) obj=sysctl;;
	iptables-save) obj=xt_save;;
	iptables-restore) obj=xt_restore;;
	h|he|hel|help) _nsip_reply $_nsip_objects; return;;
	esac
	# typeset -f, not declare -F: under zsh's bashcompinit -F is a float.
	if typeset -f "_nsip_$obj" >/dev/null; then
		"_nsip_$obj" "$i"
	fi
}

complete -F _nsip nsip
# Applet and compat names only where nsip is what they run: they must not
# take over the completion of coreutils' link or net-tools' route.
for _nsip_name in netns link addr route rule neigh monitor tuntap nat sysctl ip iptables \
		iptables-nft iptables-save iptables-nft-save iptables-restore iptables-nft-restore; do
	if [ "$(readlink -f "$(command -v "$_nsip_name" 2>/dev/null)")" = \
	     "$(readlink -f "$(command -v nsip 2>/dev/null)")" ]; then
		complete -F _nsip "$_nsip_name"
	fi
done
unset _nsip_name
