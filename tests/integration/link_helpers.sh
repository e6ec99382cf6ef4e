# Helpers of the link tests (sourced after lib.sh).

# Link-layer addresses are random per device, and a running bridge's
# timers tick: both are masked where two different systems are compared.
mask() {
	sed -E 's/([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}/MAC/g; s/(timer"?:?) *[0-9]+\.[0-9]{2}/\1 T/g'
}

# Every link of the sandbox, with details, and of each named namespace.
link_state() {
	"$IPREAL" -d link
	local ns
	for ns in $(ls /run/netns 2>/dev/null | sort); do
		echo "## netns $ns"
		"$IPREAL" -n "$ns" -d link
	done
}

# same_as_ip_masked DESC ARGS...: like same_as_ip, for output that holds
# ticking timers.
same_as_ip_masked() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local want
	run "$IPREAL" "$@"; want="$(printf '%s' "$OUT" | mask)|$ERR|$RC"
	run "$IPNSIP" "$@"
	is "$(printf '%s' "$OUT" | mask)|$ERR|$RC" "$want" "$d"
}

# transcript IPBIN SCENARIO-FUNCTION: runs the scenario in a sandbox of
# its own (fresh network and /run), with $IP naming the ip under test,
# and prints each step's output and exit code, then the links it left.
transcript() {
	local bin=$1 fn=$2
	unshare --mount --net --propagation private -- bash -c '
		mount -t tmpfs scenario /run || exit 1
		mkdir -p /run/bin && ln -s "$1" /run/bin/ip
		IP=/run/bin/ip; IPREAL=$2
		. "$TESTS_DIR/integration/link_helpers.sh"
		. "$3"
		"$IPREAL" link set lo up
		'"$fn"'
		settle
		echo "### final state"
		link_state | mask
		kill_started
	' transcript "$bin" "$IPREAL" "$SCENARIOS"
}

# The kernel updates a link's operational state (UNKNOWN, DOWN, UP) up to a
# second after the change that caused it: wait before printing state that
# is compared with another run.
settle() {
	sleep 1.2
}

STARTED=""
# start_bg ip netns exec NS CMD...: a process kept running inside NS (the
# namespace's only user once its name is deleted); ended by kill_started.
# Returns once the process is inside NS: deleting the name before that
# would destroy the namespace, and with it any veth end inside.
start_bg() {
	"$@" &
	STARTED="$STARTED $!"
	BG_PID=$!
	local here; here=$(readlink /proc/self/ns/net)
	for _ in $(seq 100); do
		[ "$(readlink "/proc/$BG_PID/ns/net" 2>/dev/null)" != "$here" ] && return
		sleep 0.05
	done
}

kill_started() {
	local p
	for p in $STARTED; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
	STARTED=""
}

# step LABEL ARGS...: one command of a scenario, through $IP.
step() {
	local label=$1; shift
	echo "### $label"
	"$IP" "$@" 2>&1 | mask
	echo "rc=${PIPESTATUS[0]}"
}

# compare_transcripts SCENARIO: the scenario under iproute2 and under
# nsip, block by block.
compare_transcripts() {
	local fn=$1 want got label
	skip_unless ip "$fn" || return 0
	want=$(transcript "$IPREAL" "$fn")
	got=$(transcript "$NSIP" "$fn")
	while IFS= read -r label; do
		local g w
		g=$(block "$got" "$label"); w=$(block "$want" "$label")
		if [ "$g" = "$w" ]; then
			ok 0 "$fn: $label"
		else
			ok 1 "$fn: $label"
			diff <(printf '%s\n' "$w") <(printf '%s\n' "$g") | sed 's/^/# /' | head -20
		fi
	done < <(printf '%s\n' "$want" | sed -n 's/^### //p')
}

block() {	# block TEXT LABEL: the lines after "### LABEL" up to the next
	printf '%s\n' "$1" | awk -v l="### $2" '$0 == l { on = 1; next } /^### / { on = 0 } on'
}
