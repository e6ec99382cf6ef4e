#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/ (kept in the repo; run it
again only to change them). Inputs of crashes found later are added to the
corpus by hand, named regress-*.

The addr_reply seeds are recorded from the kernel: `make-seeds.py
--record-addr` must run as root inside a sandbox (unshare --net) that it
fills with addresses itself; the plain run leaves them as they are. So
are the nat_rules seeds: `NSIP=_build/nsip make-seeds.py --record-nat`
(root, in a sandbox) writes rules with nsip's own rule builder, adds one
that has no iptables form with nft, and keeps each NFT_MSG_NEWRULE message
of the kernel's rule dump. The route_reply and neigh_reply seeds too:
`make-seeds.py --record-route` (root, in a sandbox) adds routes and
neighbours of every kind to a namespace and keeps their dumps, whole and
message by message, and the answer of one `route get`; and the rule_reply
seeds: `make-seeds.py --record-rule` (root, in a sandbox)."""
import os
import socket
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'corpus')


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


# ---- batch: command files ----
BATCH = {
    'simple': b'netns add red\nlink show\n',
    'comments': b'# a comment\n\nnetns list # trailing\n   \n',
    'quotes': b'link set dev "a b" alias \'x y\'\nnetns exec red echo ""\n',
    'continued': b'link show \\\n  dev lo\nnetns \\\n\\\nlist\n',
    'unterminated': b'netns add "red\n',
    'crlf': b'netns list\r\nlink show\r\n',
    'no-newline': b'link show dev lo',
    'many-words': (b'w ' * 600) + b'\n',
    'nul-bytes': b'netns\x00add red\nlink\n',
    'hash-after-backslash': b'netns add \\#x\\\nlist\n',
}

# ---- netlink helpers ----
NLM_F_MULTI = 2
NLM_F_DUMP_INTR = 16
NLM_F_CAPPED = 0x100
NLM_F_ACK_TLVS = 0x200
NLMSG_ERROR, NLMSG_DONE = 2, 3
RTM_NEWNSID = 88
NETNSA_NSID = 1
NLMSGERR_ATTR_MSG = 1


def align(n):
    return (n + 3) & ~3


def attr(t, payload):
    a = struct.pack('<HH', 4 + len(payload), t) + payload
    return a + b'\0' * (align(len(a)) - len(a))


def msg(t, flags, seq, payload):
    return struct.pack('<IHHII', 16 + len(payload), t, flags, seq, 0) + payload


def newnsid(seq, nsid, flags=0):
    return msg(RTM_NEWNSID, flags, seq,
               b'\0' * 4 + attr(NETNSA_NSID, struct.pack('<i', nsid)))


def ack(seq, error=0, text=None):
    flags = NLM_F_CAPPED
    payload = struct.pack('<i', -error) + msg(0, 0, seq, b'')[:16]
    if text is not None:
        flags |= NLM_F_ACK_TLVS
        payload += attr(NLMSGERR_ATTR_MSG, text.encode() + b'\0')
    return msg(NLMSG_ERROR, flags, seq, payload)


def ack_uncapped(seq, error, text):
    req = msg(90, 5, seq, b'\0' * 4 + attr(3, struct.pack('<I', 7)))
    payload = struct.pack('<i', -error) + req + attr(NLMSGERR_ATTR_MSG, text.encode() + b'\0')
    return msg(NLMSG_ERROR, NLM_F_ACK_TLVS, seq, payload)


def done(seq, error=0, flags=NLM_F_MULTI):
    return msg(NLMSG_DONE, flags, seq, struct.pack('<i', -error))


def feed(mode, *datagrams):
    out = bytes([mode])
    for d in datagrams:
        out += struct.pack('<H', len(d)) + d
    return out


NSID = {
    'talk-ok': feed(0, newnsid(1, 3) + ack(1)),
    'talk-two-datagrams': feed(0, newnsid(1, 7), ack(1)),
    'talk-refused': feed(0, ack(1, 1)),
    'talk-refused-text': feed(0, ack(1, 22, 'Invalid netns fd')),
    'talk-refused-uncapped': feed(0, ack_uncapped(1, 95, 'Not supported.')),
    'talk-wrong-seq': feed(0, newnsid(9, 3) + ack(9), ack(1)),
    'talk-no-answer': feed(0),
    'dump-ok': feed(1, newnsid(1, 0, NLM_F_MULTI) + newnsid(1, 1, NLM_F_MULTI), done(1)),
    'dump-interrupted': feed(1, newnsid(1, 0, NLM_F_MULTI | NLM_F_DUMP_INTR),
                             done(1, 0, NLM_F_MULTI | NLM_F_DUMP_INTR),
                             newnsid(2, 0, NLM_F_MULTI) + done(2)),
    'dump-interrupted-drain': feed(1, newnsid(1, 0, NLM_F_MULTI | NLM_F_DUMP_INTR),
                                   newnsid(1, 1, NLM_F_MULTI), done(1),
                                   newnsid(2, 0, NLM_F_MULTI) + done(2)),
    'dump-done-error': feed(1, newnsid(1, 0, NLM_F_MULTI), done(1, 105)),
    'dump-malformed': feed(1, msg(RTM_NEWNSID, NLM_F_MULTI, 1,
                                  b'\0' * 4 + struct.pack('<HH', 3, NETNSA_NSID) + b'\0' * 4)
                          + done(1)),
}

# ---- options: argv words, NUL-separated; an empty word, then a batch file ----
OPTIONS = {
    'nsip-netns': [b'nsip', b'netns', b'list'],
    'ip-link': [b'/sbin/ip', b'-d', b'-s', b'-s', b'link', b'show'],
    'ip-json': [b'ip', b'-j', b'-p', b'-br', b'-o', b'l', b'sh'],
    'applet-link': [b'/usr/bin/netns', b'add', b'red'],
    'family': [b'ip', b'-f', b'inet6', b'-4', b'-6', b'-0', b'link'],
    'bad-family': [b'ip', b'-family', b'ipx', b'link'],
    'unknown-option': [b'ip', b'-zzz', b'link'],
    'unknown-object': [b'nsip', b'frobnicate'],
    'unsupported-object': [b'ip', b'tunnel', b'show'],
    'help': [b'nsip', b'help', b'netns'],
    'ip-help': [b'ip', b'-help'],
    'version': [b'ip', b'-V'],
    'netns-option': [b'ip', b'-n', b'red', b'link'],
    'double-dash': [b'nsip', b'--', b'link'],
    'long-options': [b'nsip', b'--json', b'--pretty', b'netns'],
    'missing-value': [b'ip', b'-rcvbuf'],
    'iptables': [b'iptables', b'-t', b'nat', b'-L'],
}
OPTIONS_BATCH = {
    'batch': ([b'ip', b'-force', b'-batch', b'cmds'],
              b'link show\nnetns list\nbogus word\nlink "a b"\n'),
    'batch-stdin': ([b'nsip', b'-b', b'-'], b'netns add x\n\\\nlink\n'),
    'batch-unterminated': ([b'ip', b'-batch', b'f'], b'link "x\n'),
}


# ---- nat_args: a byte of who speaks (1: iptables, 2: -j), then the words ----
NAT_ARGS = {
    'append-masq': (0, '-A POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE'),
    'dnat': (1, '-t nat -A PREROUTING -i eth1 -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080'),
    'snat-range': (0, '-I POSTROUTING 2 ! -d 192.168.0.0/255.255.0.0 -p udp -m udp --sport 1000:2000 '
                      '-j SNAT --to-source 1.2.3.4-1.2.3.9:1024-65535 --random'),
    'redirect': (0, '-A PREROUTING -p tcp ! --sport 22 -j REDIRECT --to-ports 3128-3130'),
    'nat-flags': (0, '-v -4 -A POSTROUTING -p udp -j SNAT --to-source :0x50-http/10 '
                     '--random-fully --persistent --random'),
    'nat-ports': (0, '-A PREROUTING -p icmp -j DNAT --to-destination 1.2.3.4:ftp-data-1:2'),
    'jump': (0, '-A OUTPUT -p icmp ! -i ppp+ -j MYCHAIN'),
    'delete-num': (0, '-D OUTPUT 3'),
    'delete-rule': (0, '-D INPUT -d localhost -j ACCEPT'),
    'replace': (0, '-R PREROUTING 1 -s 1.2.3.4 -j RETURN'),
    'check': (0, '--check POSTROUTING --source=10.0.0.1 --jump MASQUERADE'),
    'list': (2, '-L -n -v -x --line-numbers'),
    'list-rules': (0, '-S PREROUTING'),
    'json': (0, '--json -L'),
    'chains': (0, '-N NEW\n-E NEW OLD'),
    'policy': (0, '-P INPUT ACCEPT'),
    'flush-zero': (0, '-F\n-Z'),
    'bad-word': (0, '-A INPUT bogus'),
    'double-bang': (0, '-A INPUT ! ! -s 1.2.3.4'),
    'table-filter': (1, '-L'),
    'help': (0, 'help'),
    'version': (1, '-V'),
    'short-bundle': (0, '-nvL'),
    'to-without-target': (0, '-A INPUT --to-ports 5'),
    'more-matches': (1, '-A INPUT -p tcp -m multiport ! --ports 22,80:90 -m length ! --length 40:60 '
                        '-m iprange --src-range 10.1-10.0.0.9 ! --dst-range 1.2.3.4 -m limit --limit 7/m '
                        '--limit-burst 010 -m addrtype ! --src-type local,UN --dst-type LOCAL --limit-iface-in'),
    'port-without-p': (1, '-A FORWARD --dport 80 ! -p all'),
}

# ---- addr_args: a byte of options (1: -4, 2: -6, 4: ip), then the words ----
ADDR_ARGS = {
    'add': (0, 'add 10.1.2.3/24 brd + dev lo label lo:1'),
    'add-peer': (4, 'add 10.9.9.9 peer 10.9.9.10/32 dev lo scope link'),
    'add6': (2, 'add 2001:db8::1/64 dev lo nodad noprefixroute home mngtmpaddr'),
    'lifetimes': (0, 'change 192.0.2.7/28 dev lo valid_lft 600 preferred_lft 300'),
    'replace': (1, 'replace local 1.2.3.4 dev lo metric 5 anycast 1.2.3.0 brd -'),
    'delete': (0, 'del 10.1.2.3/24 dev lo'),
    'autojoin': (0, 'add 224.1.1.1/32 dev lo autojoin'),
    'no-dev': (0, 'add 10.0.0.1/8'),
    'no-device': (0, 'add 10.0.0.1/8 dev nosuchdev0'),
    'bad-prefix': (0, 'add 10.0.0.1/99 dev lo'),
    'dup': (0, 'add 1.1.1.1 dev lo dev lo'),
    'help': (4, 'help'),
    'show': (0, 'show dev lo'),
    'unknown': (0, 'frob'),
    'incomplete': (0, 'add local'),
    'ifindex': (0, 'add 10.0.0.1 dev if1 valid_lft forever'),
}

# ---- link_args, route_args, neigh_args (and addr_args): a byte of options
# (fuzz_applet.h's fuzz_ctx_init: 1: -4, 2: -6, 4: ip, 8: -j, 16: -s, 32: -d,
# 64: -br), then the words ----
LINK_ARGS = {
    'add-veth': (0, 'add v0 type veth peer name v1'),
    'add-veth-peer-opts': (4, 'add name v0 mtu 1400 type veth peer v1 address 02:00:00:00:00:01 netns red'),
    'add-bridge': (0, 'add br1 type bridge forward_delay 400 hello_time 200 max_age 2000 '
                      'ageing_time 30000 stp_state 1 priority 7 vlan_filtering 1 mcast_snooping 0'),
    'add-dummy': (0, 'add d0 txqueuelen 10 address 02:11:22:33:44:55 broadcast ff:ff:ff:ff:ff:ff up type dummy'),
    'add-vlan': (4, 'add link eth0 name eth0.10 type vlan id 10'),
    'add-macvlan': (0, 'add mv0 link eth0 type macvlan mode bridge'),
    'add-vxlan': (0, 'add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 remote 10.0.0.2 dev eth0'),
    'add-vxlan6': (0, 'add vx6 type vxlan vni 7 remote 2001:db8::2 local any'),
    'add-unsupported-kind': (0, 'add x0 type xfrm if_id 1'),
    'add-gre': (0, 'add g0 type gre remote 10.0.0.2 local 10.0.0.1 k 5 nos icsum ttl 9 tos inherit '
                   'ignore-df encap fou encap-dport 5555 dev eth0'),
    'add-erspan': (4, 'add e0 type erspan remote 239.1.1.1 erspan_ver 2 erspan_dir egress erspan_hwid 3'),
    'add-ip6gre': (0, 'add g6 type ip6gretap remote 2001:db8::2 ikey 1.2.3.4 tclass 0x20 '
                      'flowlabel inherit dscp inherit encaplimit none fwmark inherit'),
    'add-ip6tnl': (0, 'add t6 type ip6tnl mode ipip6 remote 2001:db8::2 hlim 3 ds 10 fl 0xfffff '
                      'allow-localremote noencap-udp6-csum'),
    'add-vti': (4, 'add vt0 type vti6 k 5 o 0.0.0.6 r 2001:db8::2 fwmark 7'),
    'add-no-type': (0, 'add x0'),
    'set-flags': (0, 'set dev eth0 arp off multicast on allmulticast off promisc on dynamic off trailers on'),
    'set-name': (4, 'set eth0 name wan0 alias uplink mtu 9000 qlen 5'),
    'set-master': (0, 'set veth0 master br0'),
    'set-nomaster': (0, 'set veth0 nomaster down'),
    'set-netns-pid': (0, 'set eth0 netns 1'),
    'set-netns-path': (0, 'set eth0 netns /run/netns/red'),
    'set-address-len': (0, 'set eth0 address 02:00:00:00:00:01:02'),
    'set-ifindex-name': (0, 'set if7 up'),
    'set-unknown-dev': (4, 'set nosuch0 up'),
    'delete': (0, 'delete dev veth0 type veth'),
    'del-short': (4, 'del br0'),
    'show': (0, 'show'),
    'show-dev': (32, 'show dev eth0'),
    'show-filters': (72, 'list up master br0 type bridge'),
    'show-brief': (64, 'lst lo'),
    'help': (4, 'help'),
    'kind-help': (0, 'add v0 type veth help'),
    'unknown': (0, 'frobnicate'),
    'xstats': (0, 'xstats'),
    'twice': (0, 'set eth0 mtu 1 mtu 2'),
    'bad-onoff': (0, 'set eth0 arp maybe'),
    'long-alias': (0, 'set eth0 alias ' + 'a' * 300),
}

ROUTE_ARGS = {
    'add': (0, 'add 10.0.0.0/8 via 192.0.2.1 dev eth0 metric 5 table main proto static scope global'),
    'add-types': (4, 'add unreachable 10.9.0.0/16'),
    'add-local': (0, 'add local 127.0.0.2 dev lo table local src 127.0.0.1'),
    'add6': (2, 'add 2001:db8::/32 dev eth0 pref high expires 60'),
    'metrics': (0, 'add default via 192.0.2.1 mtu lock 1400 advmss 1300 hoplimit 64 window 1000 onlink'),
    'multipath': (0, 'add 10.1.0.0/16 nexthop via 192.0.2.1 dev eth0 weight 2 nexthop via 192.0.2.2 dev br0 onlink'),
    'multipath6': (2, 'append 2001:db8:1::/48 nexthop via inet6 fe80::1 dev eth0 nexthop dev lo'),
    'via-other-family': (0, 'add 10.2.0.0/16 via inet6 fe80::1 dev eth0'),
    'replace': (0, 'replace default dev eth0 table 100'),
    'change': (4, 'change 10.0.0.0/8 dev br0 protocol kernel'),
    'chg': (0, 'chg 10.0.0.0/8 dev br0'),
    'prepend': (0, 'prepend 10.3.0.0/16 dev lo'),
    'test': (0, 'test 10.4.0.0/16 dev lo'),
    'delete': (4, 'del 10.0.0.0/8'),
    'delete-all-words': (0, 'delete blackhole 0/0 table 255 metric 1'),
    'from': (2, 'add 2001:db8::/64 from 2001:db8:2::/64 dev eth0'),
    'get': (0, 'get 10.0.0.1 from 10.0.0.2 iif eth0 oif lo'),
    'get6': (2, 'get 2001:db8::1'),
    'show': (0, 'show table all'),
    'show-filters': (9, 'show root 10.0.0.0/8 proto static scope link type unicast dev eth0 via 192.0.2.1 table main'),
    'show-cached': (0, 'show cached iif eth0'),
    'list-from': (2, 'list from 2001:db8::/32 match 2001:db8:1::/48 metric 5 src 2001:db8::1'),
    'lst-exact': (4, 'lst exact 10.0.0.0/8 table 255 preference 1 mark 1'),
    'help': (4, 'help'),
    'unknown': (0, 'frob'),
    'no-dst': (0, 'add dev eth0'),
    'bad-prefix': (0, 'add 10.0.0.0/33 dev eth0'),
    'unknown-dev': (0, 'add 10.0.0.0/8 dev nosuch0'),
    'incomplete': (0, 'add 10.0.0.0/8 metric'),
}

NEIGH_ARGS = {
    'add': (0, 'add 10.0.0.2 lladdr 02:00:00:00:00:02 dev eth0 nud permanent'),
    'add6': (2, 'add 2001:db8::2 lladdr 02:00:00:00:00:03 dev eth0 nud reachable router'),
    'proxy': (0, 'add proxy 10.0.0.3 dev eth0'),
    'replace': (4, 'replace 10.0.0.2 lladdr 2:0:0:0:0:2 dev br0 nud stale protocol static extern_learn'),
    'change': (0, 'change to 10.0.0.2 dev eth0 lladdr null nud noarp'),
    'chg': (0, 'chg 10.0.0.2 dev eth0 nud 0x02'),
    'delete': (0, 'del 10.0.0.2 dev eth0'),
    'show': (0, 'show dev eth0 nud all'),
    'show-filters': (17, 'list 10.0.0.0/8 proxy unused protocol all'),
    'flush': (0, 'flush dev eth0 nud stale nud delay'),
    'flush-all': (4, 'flush all'),
    'get': (0, 'get 10.0.0.2 dev eth0'),
    'get-proxy': (2, 'get proxy 2001:db8::2 dev eth0'),
    'help': (4, 'help'),
    'unknown': (0, 'frob'),
    'no-dev': (0, 'add 10.0.0.2'),
    'bad-lladdr': (0, 'add 10.0.0.2 dev eth0 lladdr zz:1'),
    'bad-nud': (0, 'add 10.0.0.2 dev eth0 nud sleepy'),
    'unknown-dev': (0, 'add 10.0.0.2 dev nosuch0'),
    'help-step': (0, 'add help 10.0.0.2 dev eth0'),
}

# ---- rule_args: the same byte of options, then the words ----
RULE_ARGS = {
    'add': (0, 'add from 10.0.0.0/8 table 100 pref 100'),
    'add-selectors': (4, 'add not to 10.1.0.0/16 fwmark 0x10/0xff iif lo oif eth0 lookup main '
                         'pref 200 proto 99 tos 0x10 uidrange 100-200'),
    'add-actions': (0, 'add goto 32766 realms 1/2 suppress_prefixlength 0 suppress_ifgroup default'),
    'add-types': (0, 'a type unreachable nop blackhole prohibit unicast'),
    'add-ports': (0, 'add ipproto tcp sport 80 dport 1000-2000 tun_id 7 l3mdev'),
    'add6': (2, 'add from fd00::/8 to all table 1000'),
    'l3mdev-table': (0, 'add l3mdev table 5'),
    'del': (0, 'del pref 100'),
    'show': (8, 'show table main pref 0 not from 10.0.0.0/8 to 10.1.0.0/16 fwmark 1/2'),
    'show-more': (32, 'list iif lo oif eth0 tos 0x10 l3mdev uidrange 1-2 tun_id 3 ipproto udp sport 1 dport 2-3'),
    'flush': (0, 'flush protocol static'),
    'bad-type': (4, 'add frob'),
    'bad-prefix': (0, 'add from 10.0.0.300'),
    'missing-value': (0, 'add table'),
    'help': (4, 'help'),
    'unknown': (0, 'frob'),
}

# ---- addr_reply: an RTM_GETADDR dump, recorded in a sandbox ----
ADDR_SETUP = [
    'link set lo up',
    'link add d0 type veth peer name d1', 'link set d0 up',
    'addr add 10.1.2.3/24 brd + dev d0 label d0:one',
    'addr add 10.9.9.9 peer 10.9.9.10/32 dev d0',
    'addr add 192.0.2.7/28 dev d0 scope link valid_lft 600 preferred_lft 300',
    'addr add 2001:db8::1/64 dev d0 nodad',
    'addr add 2001:db8:1::2/64 dev d0 noprefixroute home mngtmpaddr valid_lft 900 preferred_lft 0',
    'addr add 224.1.1.1/32 dev d0 autojoin',
]


def record_addr():
    for cmd in ADDR_SETUP:
        subprocess.run(['ip'] + cmd.split(), check=True)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    s.bind((0, 0))
    req = msg(22, 0x301, 1, b'\0' * 8)   # RTM_GETADDR, NLM_F_REQUEST|DUMP
    s.send(req)
    dump = b''
    while True:
        data = s.recv(65536)
        if struct.unpack_from('<H', data, 4)[0] == NLMSG_DONE:
            break
        dump += data
    put('addr_reply', 'recorded-dump', dump)
    at, i = 0, 0
    while at + 16 <= len(dump):
        length = struct.unpack_from('<I', dump, at)[0]
        put('addr_reply', 'recorded-msg-%d' % i, dump[at:at + length])
        at += align(length)
        i += 1


# ---- nat_rules: NFT_MSG_NEWRULE messages, recorded in a sandbox ----
NAT_SETUP = [
    '-A POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE',
    '-A PREROUTING -i eth1 -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080',
    '-A POSTROUTING ! -d 192.168.0.0/16 -p udp --sport 1000:2000 -j SNAT'
    ' --to-source 1.2.3.4-1.2.3.9:1024-65535 --random',
    '-N MYCHAIN',
    '-A OUTPUT -p icmp -j MYCHAIN',
    '-A MYCHAIN -j RETURN',
    '-A MYCHAIN ! -i ppp+ ! -s 1.2.3.4 -j ACCEPT',
    '-A PREROUTING -p tcp ! --sport 22 -j REDIRECT --to-ports 3128-3130',
    '-A INPUT -d 1.1.1.1',
    '-A POSTROUTING -o veth+ -p tcp -j MASQUERADE --to-ports 1024-2048',
    '-A PREROUTING -d 10.1.0.0/255.255.0.0 -p udp --dport 53 -j DNAT --to-destination 10.0.0.53',
    '-A PREROUTING -p tcp -m multiport ! --ports 22,80:90 -m addrtype --dst-type LOCAL,BROADCAST'
    ' --limit-iface-in -j RETURN',
    '-A OUTPUT -m length ! --length 40:60 -m iprange --src-range 10.0.0.1-10.0.0.9'
    ' -m limit --limit 7/min --limit-burst 9 -m addrtype ! --src-type LOCAL -j RETURN',
]
NFT_MSG_GETRULE = (10 << 8) | 7


def record_nat():
    for words in NAT_SETUP:
        subprocess.run([os.environ['NSIP'], 'nat'] + words.split(), check=True)
    subprocess.run(['nft', 'add', 'rule', 'ip', 'nsip', 'INPUT', 'meta', 'mark', '1',
                    'counter'], check=True)
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 12)   # NETLINK_NETFILTER
    s.bind((0, 0))
    s.send(msg(NFT_MSG_GETRULE, 0x301, 1, struct.pack('<BBH', 2, 0, 0)))
    i = 0
    while True:
        data = s.recv(65536)
        at = 0
        while at + 16 <= len(data):
            length, t = struct.unpack_from('<IH', data, at)
            if t == NLMSG_DONE:
                return
            put('nat_rules', 'recorded-rule-%d' % i, data[at:at + length])
            i += 1
            at += align(length)


# ---- route_reply, neigh_reply: RTM_GETROUTE and RTM_GETNEIGH dumps, recorded in a sandbox ----
ROUTE_SETUP = [
    'link set lo up',
    'link add r0 type veth peer name r1', 'link set r0 up', 'link set r1 up',
    'addr add 192.0.2.1/24 dev r0', 'addr add 2001:db8::1/64 dev r0 nodad',
    'route add 10.0.0.0/8 via 192.0.2.2 dev r0 metric 5 proto static',
    'route add 10.1.0.0/16 dev r0 scope link src 192.0.2.1 mtu lock 1400 advmss 1300',
    'route add unreachable 10.2.0.0/16',
    'route add blackhole 10.3.0.0/16 table 100',
    'route add 10.4.0.0/16 nexthop via 192.0.2.2 dev r0 weight 2 nexthop via 192.0.2.3 dev r0',
    'route add 2001:db8:1::/48 via 2001:db8::2 dev r0 pref high expires 600',
    'route add 2001:db8:2::/48 nexthop via 2001:db8::2 dev r0 nexthop via 2001:db8::3 dev r0',
    'neigh add 192.0.2.2 lladdr 02:00:00:00:00:02 dev r0 nud permanent',
    'neigh add 192.0.2.3 lladdr 02:00:00:00:00:03 dev r0 nud stale router',
    'neigh add 2001:db8::2 lladdr 02:00:00:00:00:04 dev r0 nud reachable router',
    'neigh add proxy 192.0.2.9 dev r0',
    'neigh add 192.0.2.4 lladdr 02:00:00:00:00:05 dev r0 nud noarp',
]


def record_dump(kind, rtm, header, target):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    s.bind((0, 0))
    s.send(msg(rtm, 0x301, 1, header))
    dump, i = b'', 0
    while True:
        data = s.recv(65536)
        at, end = 0, False
        while at + 16 <= len(data):
            length, t = struct.unpack_from('<IH', data, at)
            if t == NLMSG_DONE:
                end = True
                break
            put(target, 'recorded-%s-%d' % (kind, i), data[at:at + length])
            dump += data[at:at + align(length)]
            at += align(length)
            i += 1
        if end:
            break
    put(target, 'recorded-%s-dump' % kind, dump)


RULE_SETUP = [
    'rule add from 10.0.0.0/8 table 100 pref 100',
    'rule add not to 10.1.0.0/16 fwmark 0x10/0xff iif lo oif lo lookup main pref 200 proto 99 tos 0x10',
    'rule add uidrange 100-200 goto 32766 pref 300',
    'rule add nop pref 301', 'rule add blackhole pref 302',
    'rule add table main suppress_prefixlength 0 suppress_ifgroup 5 pref 307',
    'rule add l3mdev pref 309', 'rule add realms 1/2 pref 316 table 8',
    'rule add ipproto tcp sport 80 dport 1000-2000 tun_id 7 pref 317 table 9',
    '-6 rule add from fd00::/8 to fd01::1 table 1000',
]


def record_rules():
    for cmd in RULE_SETUP:
        subprocess.run(['ip'] + cmd.split(), check=True)
    # RTM_GETRULE (34), all families.
    record_dump('rule', 34, b'\0' * 12, 'rule_reply')


def record_routes():
    for cmd in ROUTE_SETUP:
        subprocess.run(['ip'] + cmd.split(), check=True)
    # RTM_GETROUTE (26) and RTM_GETNEIGH (30), every table, every family.
    record_dump('route', 26, b'\0' * 12, 'route_reply')
    record_dump('neigh', 30, b'\0' * 12, 'neigh_reply')
    # The proxy entries come in a dump of their own (ndm_flags NTF_PROXY).
    record_dump('proxy', 30, struct.pack('<BBHiHBB', 0, 0, 0, 0, 0, 8, 0), 'neigh_reply')
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    s.bind((0, 0))
    # `ip route get 10.0.0.1`: its one answer (RTM_GETROUTE, request only).
    s.send(msg(26, 0x5, 2, struct.pack('<BBBBBBBBI', 2, 32, 0, 0, 0, 0, 0, 0, 0)
               + attr(1, socket.inet_aton('10.0.0.1'))))
    data = s.recv(65536)
    length = struct.unpack_from('<I', data, 0)[0]
    put('route_reply', 'recorded-get', data[:length])


# ---- tuntap_args: the options byte (bit 7: del's words, else add's), then the words ----
TUNTAP_ARGS = {
    'add-tun': (0, 'dev tt0 mode tun'),
    'add-tap-flags': (4, 'tt0 mode tap pi one_queue vnet_hdr multi_queue'),
    'add-owner': (0, 'name tt0 m ta u 0 g root'),
    'add-owner-range': (0, 'tt0 mode tun user -1 group 99999999999999999999'),
    'add-no-name': (4, 'mode tap'),
    'add-no-mode': (0, 'tt0'),
    'add-two-modes': (4, 'tt0 mode tun mode tap'),
    'add-long-name': (0, '0123456789abcdef mode tun'),
    'add-two-names': (0, 'tt0 tt1 mode tun'),
    'add-dev-twice': (0, 'dev a dev b mode tun'),
    'add-no-value': (4, 'tt0 mode tun user'),
    'add-help': (4, 'tt0 help'),
    'del': (128, 'tt0 mode tun'),
    'del-user-is-name': (132, 'tt0 mode tap user root'),
}


def main():
    if sys.argv[1:] == ['--record-addr']:
        record_addr()
        return
    if sys.argv[1:] == ['--record-route']:
        record_routes()
        return
    if sys.argv[1:] == ['--record-rule']:
        record_rules()
        return
    if sys.argv[1:] == ['--record-nat']:
        record_nat()
        return
    for name, data in BATCH.items():
        put('batch', name, data)
    with open(os.path.join(HERE, '..', 'unit', 'data', 'links.bin'), 'rb') as f:
        dump = f.read()
    put('link_reply', 'recorded-dump', dump)
    at, i = 0, 0
    while at + 16 <= len(dump):
        length = struct.unpack_from('<I', dump, at)[0]
        if length < 16:
            break
        put('link_reply', 'recorded-msg-%d' % i, dump[at:at + length])
        at += align(length)
        i += 1
    for name, (flags, words) in NAT_ARGS.items():
        put('nat_args', name, bytes([flags]) + words.replace(' ', '\n').encode())
    for name, (flags, words) in ADDR_ARGS.items():
        put('addr_args', name, bytes([flags]) + words.replace(' ', '\0').encode())
    for name, (flags, words) in LINK_ARGS.items():
        put('link_args', name, bytes([flags]) + words.replace(' ', '\0').encode())
    for name, (flags, words) in ROUTE_ARGS.items():
        put('route_args', name, bytes([flags]) + words.replace(' ', '\n').encode())
    for name, (flags, words) in NEIGH_ARGS.items():
        put('neigh_args', name, bytes([flags]) + words.replace(' ', '\0').encode())
    for name, (flags, words) in TUNTAP_ARGS.items():
        put('tuntap_args', name, bytes([flags]) + words.replace(' ', '\0').encode())
    for name, (flags, words) in RULE_ARGS.items():
        put('rule_args', name, bytes([flags]) + words.replace(' ', '\0').encode())
    for name, data in NSID.items():
        put('nsid_reply', name, data)
    for name, words in OPTIONS.items():
        put('options', name, b'\0'.join(words))
    for name, (words, text) in OPTIONS_BATCH.items():
        put('options', name, b'\0'.join(words) + b'\0\0' + text)


if __name__ == '__main__':
    main()
