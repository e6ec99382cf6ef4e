#!/usr/bin/env python3
"""Records the kernel's answer to a link dump, as nsip asks for it, into a
file of back-to-back netlink messages: the input of test_link_print.

Run inside a sandbox only (see record_details.sh)."""
import os
import socket
import struct
import sys

RTM_GETLINK = 18
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
NLMSG_DONE = 3
IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS = 29, 8


def main(path):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.bind((0, 0))
    ifinfo = struct.pack("=BxHiII", socket.AF_UNSPEC, 0, 0, 0, 0)
    attr = struct.pack("=HHI", 8, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS)
    body = ifinfo + attr
    hdr = struct.pack("=IHHII", 16 + len(body), RTM_GETLINK,
                      NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
    s.send(hdr + body)
    out = b""
    while True:
        data = s.recv(65536)
        off = 0
        while off < len(data):
            length, mtype = struct.unpack_from("=IH", data, off)
            if mtype == NLMSG_DONE:
                with open(path, "wb") as f:
                    f.write(out)
                return
            out += data[off:off + length]
            off += (length + 3) & ~3


main(sys.argv[1])
