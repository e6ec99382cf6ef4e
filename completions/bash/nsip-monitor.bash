# bash completion for `nsip monitor` (words after "monitor"); the lead
# wires the fragments into the nsip completion.

# _nsip_monitor INDEX: completes the current word of `nsip monitor`.
_nsip_monitor() {
	case $prev in
	dev) _nsip_reply "$(_nsip_devices)"; return;;
	file) COMPREPLY=($(compgen -f -- "$cur")); return;;
	esac
	_nsip_reply all address link neigh netconf nsid route rule label file dev help
}
