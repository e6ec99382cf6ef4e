#!/bin/bash
# Every applet's usage text and its man page's SYNOPSIS list the same
# command forms, and `help` answers as nsip should: on stdout with 0 when
# called as nsip or through an applet link, on stderr with 255 as ip.
#
# The applets are the man pages present (man/nsip-APPLET.8), so a new
# applet's page brings its checks with it; man/nsip.8 is held against
# `nsip help`.
#
# The comparison rule (forms): in the usage text (after "Usage:") and in the
# SYNOPSIS rendered by groff, a line whose first word is "ip" or "nsip"
# starts a form and the lines after it that start with neither continue
# it; the forms end at the first line that defines a word (":=") or is
# blank. Each form loses its first word (the program: ip in iproute2's
# words, nsip in the man page), gets blanks around [ ] { } | and "...",
# and has its blanks squeezed, so "[dev]" and "[ dev ]" are the same form.
# The two sorted lists of forms must be equal.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

MAN_DIR=$TESTS_DIR/../man

# forms: reads a usage text or a SYNOPSIS, prints its forms, sorted.
forms() {
	awk '
	{
		line = $0
		sub(/^[ \t]*Usage:/, "", line)
		if (line ~ /:=/) exit
		if (line ~ /^[ \t]*$/) { if (n) exit; next }
		split(line, w, " ")
		if (w[1] == "ip" || w[1] == "nsip") {
			sub(/^[ \t]*[a-z]+/, "", line)
			form[++n] = line
		} else if (n) {
			form[n] = form[n] " " line
		} else {
			form[++n] = "(not a form: " line ")"
		}
	}
	END {
		for (i = 1; i <= n; i++) {
			f = form[i]
			gsub(/[][{}|]/, " & ", f)
			gsub(/\.\.\./, " ... ", f)
			gsub(/[ \t]+/, " ", f)
			sub(/^ /, "", f); sub(/ $/, "", f)
			print f
		}
	}' | LC_ALL=C sort
}

# synopsis PAGE: the SYNOPSIS of a man page, rendered on one long line a
# form, without hyphenation or adjusting.
synopsis() {
	groff -man -Tascii -P-cbou -rLL=250n -rHY=0 -Wall "$1" |
		sed -n '/^SYNOPSIS/,/^[A-Z]/{/^[A-Z]/d;p}'
}

command -v groff >/dev/null || { echo "Bail out! groff (groff-base) is needed"; exit 1; }

pages=("$MAN_DIR"/nsip*.8)
ok $(( ${#pages[@]} >= 5 ? 0 : 1 )) "man pages found in $MAN_DIR (${#pages[@]})"

run "$NSIP" --help
nsip_help=$OUT
is "$RC|$ERR" "0|" "nsip --help: stdout, exit 0"

for page in "${pages[@]}"; do
	name=${page##*/}; name=${name%.8}
	applet=${name#nsip}; applet=${applet#-}
	# The CNI plugins have no words: the environment and stdin are theirs.
	if [ "$applet" = cni ]; then
		run groff -man -Tascii -rLL=250n -Wall "$page"
		is "$ERR" "" "$name: groff renders it without a warning"
		continue
	fi
	run groff -man -Tascii -rLL=250n -Wall "$page"
	is "$ERR" "" "$name: groff renders it without a warning"
	man_forms=$(synopsis "$page" | forms)
	if [ -z "$applet" ]; then
		run "$NSIP" help
		is "$RC|$ERR" "0|" "nsip help: stdout, exit 0"
		help_forms=$(forms <<<"$OUT")
	else
		case $nsip_help in
		*"OBJECT := {"*"$applet"*) ok 0 "nsip --help lists $applet";;
		*) ok 1 "nsip --help lists $applet";;
		esac
		run "$NSIP" "$applet" help
		is "$RC|$ERR" "0|" "nsip $applet help: stdout, exit 0"
		help_forms=$(forms <<<"$OUT")
		usage=$OUT
		run "$NSIP" help "$applet"
		is "$OUT|$ERR|$RC" "$usage||0" "nsip help $applet is nsip $applet help"
		ln -sf "$NSIP" "/run/nsip-test/bin/$applet"
		if [ "$applet" = sysctl ]; then
			# Through its link it is procps' sysctl: "help" is a key there,
			# -h asks, and the synopsis is procps'; the options are the same.
			run "/run/nsip-test/bin/$applet" -h
			is "${OUT#*Options:}|$ERR|$RC" "${usage#*Options:}||0" \
				"a link named $applet: -h on stdout, exit 0"
		else
			# Its first line names the link (nat's does): the rest is the same.
			run "/run/nsip-test/bin/$applet" help
			is "${OUT#*$'\n'}|$ERR|$RC" "${usage#*$'\n'}||0" \
				"a link named $applet: help on stdout, exit 0"
		fi
		# nat and sysctl are nsip's own objects, not ip's.
		if [ "$applet" != nat ] && [ "$applet" != sysctl ]; then
			run "$IPNSIP" "$applet" help
			is "${OUT:+stdout}|${ERR:+stderr}|$RC" "|stderr|255" \
				"ip $applet help: usage on stderr, exit 255 (as ip)"
			run "$IPNSIP" help "$applet"
			is "${OUT:+stdout}|${ERR%%$'\n'*}|$RC" \
				"|Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }|255" \
				"ip help $applet: ip's own usage, as ip"
		fi
	fi
	ok $(( $(wc -l <<<"$help_forms") >= 1 && ${#help_forms} > 0 ? 0 : 1 )) \
		"$name: the usage text has forms"
	is "$help_forms" "$man_forms" "$name: SYNOPSIS lists the usage's forms"
done

done_testing
