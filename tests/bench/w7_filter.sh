# W7, sourced by run.sh: single `iptables -A` / `-D` of filter rules, one
# invocation each, for nsip (its table ip nsip_filter), iptables-nft (ip
# filter) and the floor (tests/bench/nft_floor: one nftables batch with
# the same rule, in nsip's table, nothing read first). Each tool works in a
# network namespace of its own. Figures only, never assertions.

w7_addr() {	# the i-th rule's source address
	echo "10.$((2 + i / 62500)).$((i / 250 % 250)).$((i % 250 + 1))"
}

# The floor's table and chain, as nsip makes them (nft, not timed).
w7_floor_table() {
	nft add table ip nsip_filter
	nft add chain ip nsip_filter FORWARD '{ type filter hook forward priority 0; }'
}

# w7 TOOL: "add-ms delete-ms user-ms peak-KiB" of N5 x -A then N5 x -D by
# rule, one invocation each; TOOL "floor": the floor's -A and its -D by
# handle (the handles read with nft between the two, not timed).
w7() {
	local a d
	if [ "$1" = floor ]; then
		w7_floor_table
		for ((i = 0; i < N5; i++)); do
			echo "$NFT_FLOOR -A nsip_filter FORWARD $(w7_addr)"
		done >$B/w7a.$$.sh
		a=$(measure bash $B/w7a.$$.sh)
		nft -a list chain ip nsip_filter FORWARD |
			awk -v f="$NFT_FLOOR" '/accept # handle/ { print f, "-D nsip_filter FORWARD", $NF }' >$B/w7d.$$.sh
	else
		for ((i = 0; i < N5; i++)); do
			echo "$1 -t filter -A FORWARD -s $(w7_addr) -p tcp --dport 80 -j ACCEPT"
		done >$B/w7a.$$.sh
		sed 's/ -A FORWARD / -D FORWARD /' $B/w7a.$$.sh >$B/w7d.$$.sh
		a=$(measure bash $B/w7a.$$.sh)
	fi
	d=$(measure bash $B/w7d.$$.sh)
	if { nft list table ip nsip_filter; nft list table ip filter; } 2>/dev/null | grep -q dport; then
		echo "W7: $1 left rules behind" >&2
	fi
	echo "$a $d" | awk '{ print $1, $4, $2 + $5, $3 }'
}

# w7_fill NS TABLE SIZE: SIZE filter rules in FORWARD, written by nft -f (a
# big ruleset is loaded so, not by 20,000 invocations).
w7_fill() {
	for ((i = 0; i < $3; i++)); do
		echo "add rule ip $2 FORWARD ip saddr $(w7_addr) tcp dport 80 counter accept"
	done | nsenter --net="/run/netns/$1" nft -f -
}

# A change of a 20,000-rule chain leaves the kernel work after it has
# answered (the old rule blob is freed after an RCU grace period): a pause
# keeps it off the next command's clock, which is another tool's. Without
# it nsip's -A, timed right after the floor's -D, read 1.06-1.50 of the
# floor's -A (timed after iptables-nft's slow -D) at the same CPU time; with
# it 0.60-0.63 (BENCHMARKS.md, W7).
w7_pause() { sleep 0.3; }

# w7_big SIZE: one -A of a rule and one -D of it (the last rule of the
# chain) at SIZE rules, RUNS times, the three tools alternating, each in a
# namespace of its own. nsip's first -D after the fill (the index made: it
# reads the table) is timed apart. Prints "nsip-A nsip-D ipt-A ipt-D
# floor-A floor-D nsip-first-D nsip-D-KiB ipt-D-KiB".
w7_big() {
	local size=$1 t h
	local N="nsenter --net=/run/netns/wn$size" I="nsenter --net=/run/netns/wi$size"
	local F="nsenter --net=/run/netns/wf$size"
	local rule=(FORWARD -s 10.1.0.1 -p tcp --dport 80 -j ACCEPT)
	ip netns add "wn$size"; ip netns add "wi$size"; ip netns add "wf$size"
	$N "$NSIP" nat -t filter -A FORWARD -s 10.1.0.2 -p tcp --dport 80 -j ACCEPT
	w7_fill "wn$size" nsip_filter "$size"
	$F bash -c "$(declare -f w7_floor_table); w7_floor_table"
	w7_fill "wf$size" nsip_filter "$size"
	{
		echo "*filter"
		for ((i = 0; i < size; i++)); do
			echo "-A FORWARD -s $(w7_addr) -p tcp --dport 80 -j ACCEPT"
		done
		echo "COMMIT"
	} | $I iptables-nft-restore
	h=$($F nft -a list chain ip nsip_filter FORWARD | awk '/# handle/ { h = $NF } END { print h }')
	$N "$NSIP" nat -t filter -A "${rule[@]}"
	measure $N "$NSIP" nat -t filter -D "${rule[@]}" >$B/w7big.first
	rm -f $B/w7big.[nif].[AD]
	for _ in $(seq "$RUNS"); do
		for t in "n:$N $NSIP nat -t filter" "i:$I $IPT -t filter"; do
			w7_pause; measure ${t#*:} -A "${rule[@]}" >>$B/w7big.${t%%:*}.A
			w7_pause; measure ${t#*:} -D "${rule[@]}" >>$B/w7big.${t%%:*}.D
		done
		# The floor's rule gets the table's next handle (nothing else
		# writes there); -E asks for the echo, as nsip's -A does when its
		# index is trusted.
		h=$((h + 1))
		w7_pause; measure $F "$NFT_FLOOR" -E nsip_filter FORWARD 10.1.0.1 >>$B/w7big.f.A
		w7_pause; measure $F "$NFT_FLOOR" -D nsip_filter FORWARD "$h" >>$B/w7big.f.D
	done
	if $F nft list chain ip nsip_filter FORWARD | grep -q 10.1.0.1 ||
		$N nft list chain ip nsip_filter FORWARD | grep -q 10.1.0.1 ||
		$I nft list chain ip filter FORWARD | grep -q 10.1.0.1; then
		echo "W7: a rule of the big chain was not deleted" >&2
	fi
	for t in n i f; do column 1 <$B/w7big.$t.A; column 1 <$B/w7big.$t.D; done | tr '\n' ' '
	echo "$(column 1 <$B/w7big.first) $(column 3 <$B/w7big.n.D) $(column 3 <$B/w7big.i.D)"
	ip netns delete "wn$size"; ip netns delete "wi$size"; ip netns delete "wf$size"
}

w7_report() {
	local k
	for _ in $(seq "$RUNS"); do
		fresh w7 "$NSIP nat" >>$B/w7n; fresh w7 "$IPT" >>$B/w7r; fresh w7 floor >>$B/w7f
	done
	for k in "1 -A" "2 -D"; do
		set -- $k
		row "W7 $N5 x $2 filter ACCEPT (ms)" "$(column "$1" <$B/w7n)" "$(column "$1" <$B/w7r)" \
			"$([ "$2" = -A ] && echo '<=0.80')"
		row "W7 $N5 x $2 nsip vs floor (ms)" "$(column "$1" <$B/w7n)" "$(column "$1" <$B/w7f)" ""
		row "W7 $N5 x $2 floor vs iptables-nft" "$(column "$1" <$B/w7f)" "$(column "$1" <$B/w7r)" ""
	done
	for size in $W7BIG; do
		set -- $(w7_big "$size")
		row "W7 one -A at $size rules (ms)" "$1" "$3" "<=0.80"
		row "W7 one -A at $size nsip vs floor" "$1" "$5" ""
		row "W7 one -D (last) at $size rules (ms)" "$2" "$4" "<=0.10" "$8" "$9"
		row "W7 one -D at $size nsip vs floor" "$2" "$6" ""
		row "W7 nsip's first -D at $size (index made)" "$7" "$4" ""
	done
}
