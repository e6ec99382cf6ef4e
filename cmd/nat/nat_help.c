/* The option sections of `iptables -p tcp --help`, `-m NAME --help` and
 * `-j TARGET --help`: after the usage, one section for the target, then
 * one for each match, headed as iptables heads them ("tcp match
 * options:"), in nsip's words, listing what nsip takes. */
#include <stdio.h>
#include <string.h>

#include "nat_help.h"

struct help_section {
	const char *name;
	const char *heading;   /* "match" or "target" */
	const char *text;
};

static const struct help_section sections[] = {
	{ "tcp", "tcp match options:",
	  "[!] --sport PORT[:PORT]      source port or range (--source-port)\n"
	  "[!] --dport PORT[:PORT]      destination port or range (--destination-port)\n"
	  "[!] --syn                    SYN set, ACK, FIN and RST clear\n"
	  "[!] --tcp-flags MASK COMP    the flags in MASK are set as in COMP\n"
	  "                             (SYN ACK FIN RST URG PSH ALL NONE, comma-separated)\n" },
	{ "udp", "udp match options:",
	  "[!] --sport PORT[:PORT]      source port or range (--source-port)\n"
	  "[!] --dport PORT[:PORT]      destination port or range (--destination-port)\n" },
	{ "icmp", "icmp match options:",
	  "[!] --icmp-type TYPE[/CODE]  an ICMP type by number, with a code, or by\n"
	  "                             iptables' name (any, echo-request, echo-reply,\n"
	  "                             destination-unreachable, port-unreachable, ...)\n" },
	{ "multiport", "multiport match options:",
	  "[!] --sports PORT[:PORT][,...]  one of the source ports (--source-ports)\n"
	  "[!] --dports PORT[:PORT][,...]  one of the destination ports (--destination-ports)\n"
	  "[!] --ports PORT[:PORT][,...]   either port; at most 15, a range counting two\n" },
	{ "conntrack", "conntrack match options:",
	  "[!] --ctstate STATE[,...]    connection state: INVALID NEW ESTABLISHED\n"
	  "                             RELATED UNTRACKED\n" },
	{ "state", "state match options:",
	  "[!] --state STATE[,...]      connection state: INVALID NEW ESTABLISHED\n"
	  "                             RELATED UNTRACKED\n" },
	{ "mark", "mark match options:",
	  "[!] --mark VALUE[/MASK]      the packet's mark, under MASK, is VALUE\n" },
	{ "comment", "comment match options:",
	  "--comment TEXT               a note kept with the rule (250 characters)\n" },
	{ "addrtype", "Address type match options:",
	  "[!] --src-type TYPE[,...]    the source address is of one of these types\n"
	  "[!] --dst-type TYPE[,...]    the destination address is of one of these types\n"
	  "--limit-iface-in             judged on the input interface only\n"
	  "--limit-iface-out            judged on the output interface only\n"
	  "TYPE := UNSPEC UNICAST LOCAL BROADCAST ANYCAST MULTICAST BLACKHOLE\n"
	  "        UNREACHABLE PROHIBIT THROW NAT XRESOLVE\n" },
	{ "length", "length match options:",
	  "[!] --length N[:M]           the packet's length, or a range of lengths\n" },
	{ "limit", "limit match options:",
	  "--limit N[/second|/minute|/hour|/day]   average rate (3/hour when absent)\n"
	  "--limit-burst N                         burst allowed at once (5 when absent)\n" },
	{ "iprange", "iprange match options:",
	  "[!] --src-range A-B          the source address is within A to B\n"
	  "[!] --dst-range A-B          the destination address is within A to B\n" },
	{ "MASQUERADE", "MASQUERADE target options:",
	  "--to-ports PORT[-PORT]       source ports to use (tcp, udp, sctp, dccp)\n"
	  "--random                     pick the port at random\n"
	  "--random-fully               pick the port at random, fully\n" },
	{ "SNAT", "SNAT target options:",
	  "--to-source [A[-A]][:PORT[-PORT]]   source address (range) and ports\n"
	  "--random  --random-fully  --persistent\n" },
	{ "DNAT", "DNAT target options:",
	  "--to-destination [A[-A]][:PORT[-PORT]]   destination address (range) and ports\n"
	  "--random  --persistent\n" },
	{ "REDIRECT", "REDIRECT target options:",
	  "--to-ports PORT[-PORT]       the local port (range) to redirect to\n"
	  "--random                     pick the port at random\n" },
	{ "REJECT", "REJECT target options:",
	  "--reject-with TYPE           the answer: icmp-net-unreachable,\n"
	  "                             icmp-host-unreachable, icmp-port-unreachable\n"
	  "                             (the default), icmp-proto-unreachable,\n"
	  "                             icmp-net-prohibited, icmp-host-prohibited,\n"
	  "                             icmp-admin-prohibited, tcp-reset\n" },
	{ "LOG", "LOG target options:",
	  "--log-level LEVEL            syslog level by name or number (warning)\n"
	  "--log-prefix TEXT            text before the message (29 characters)\n"
	  "--log-tcp-sequence  --log-tcp-options  --log-ip-options  --log-uid\n"
	  "--log-macdecode\n" },
};
#define N_SECTIONS (sizeof(sections) / sizeof(sections[0]))

/* ACCEPT, DROP, RETURN and a chain: iptables' section of the standard
 * target, which has no options. */
static const char standard[] = "standard match options:\n"
	"(If target is DROP, ACCEPT, RETURN or nothing)\n";

static const struct help_section *find(const char *name)
{
	for (size_t i = 0; i < N_SECTIONS; i++)
		if (!strcmp(sections[i].name, name))
			return &sections[i];
	return NULL;
}

void nat_help_section(FILE *f, const char *name, bool target)
{
	const struct help_section *s = find(name);

	if (s)
		fprintf(f, "\n%s\n%s", s->heading, s->text);
	else if (target)
		fprintf(f, "\n%s", standard);
}
