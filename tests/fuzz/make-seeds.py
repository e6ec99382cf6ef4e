#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/ (kept in the repo; run it
again only to change them). Inputs of crashes found later are added to the
corpus by hand, named regress-*."""
import os
import struct

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


def main():
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
    for name, data in NSID.items():
        put('nsid_reply', name, data)
    for name, words in OPTIONS.items():
        put('options', name, b'\0'.join(words))
    for name, (words, text) in OPTIONS_BATCH.items():
        put('options', name, b'\0'.join(words) + b'\0\0' + text)


if __name__ == '__main__':
    main()
