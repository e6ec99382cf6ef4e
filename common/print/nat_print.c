#include "print/nat_print.h"
#include "print/xt_print.h"
#include "xt/nat_proto.h"

#include <netdb.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

static int mask_len(uint32_t mask)
{
	uint32_t m = ntohl(mask);
	int n = 0;

	while (m & 0x80000000u) {
		m <<= 1;
		n++;
	}
	return m ? -1 : n;   /* -1: not a prefix */
}

/* "A/N", or "A/M.M.M.M" for a mask that is no prefix; with short, a /32
 * is the bare address (as -L prints it). */
static void addr_text(char *buf, size_t size, uint32_t addr, uint32_t mask,
		      bool shorten)
{
	char a[INET_ADDRSTRLEN], m[INET_ADDRSTRLEN];
	int len = mask_len(mask);

	inet_ntop(AF_INET, &addr, a, sizeof(a));
	if (len == 32 && shorten)
		snprintf(buf, size, "%s", a);
	else if (len >= 0)
		snprintf(buf, size, "%s/%d", a, len);
	else
		snprintf(buf, size, "%s/%s", a, inet_ntop(AF_INET, &mask, m, sizeof(m)));
}

static const char *proto_word(const struct nat_rule *r)
{
	if (r->proto == IPPROTO_ICMP)
		return "icmp";
	return r->proto == IPPROTO_UDP ? "udp" : "tcp";
}

/* ---- -S --------------------------------------------------------------- */

static const char *bang(bool neg)
{
	return neg ? " !" : "";
}

static void save_ports(FILE *f, const char *opt, const struct nat_port_match *m)
{
	if (!m->set)
		return;
	fprintf(f, "%s %s %u", bang(m->neg), opt, m->lo);
	if (m->hi != m->lo)
		fprintf(f, ":%u", m->hi);
}

static void port_range(char *buf, size_t size, uint16_t lo, uint16_t hi)
{
	if (lo == hi)
		snprintf(buf, size, "%u", lo);
	else
		snprintf(buf, size, "%u-%u", lo, hi);
}

/* SNAT/DNAT's range: A[-A][:P[-P]]. */
static void nat_range(char *buf, size_t size, const struct nat_rule *r)
{
	char lo[INET_ADDRSTRLEN], hi[INET_ADDRSTRLEN], ports[16] = "";
	size_t n;

	inet_ntop(AF_INET, &r->addr_lo, lo, sizeof(lo));
	inet_ntop(AF_INET, &r->addr_hi, hi, sizeof(hi));
	if (!r->has_addr)   /* ":PORT" */
		n = (size_t)snprintf(buf, size, "%s", "");
	else if (r->addr_hi != r->addr_lo)
		n = (size_t)snprintf(buf, size, "%s-%s", lo, hi);
	else
		n = (size_t)snprintf(buf, size, "%s", lo);
	if (r->has_ports && n < size) {
		port_range(ports, sizeof(ports), r->port_lo, r->port_hi);
		snprintf(buf + n, size - n, ":%s", ports);
	}
}

/* The range's flags in iptables' order (not the command's), each after
 * lead: " --random" in -S, " random" in -L. */
static void nat_flags_text(FILE *f, const struct nat_rule *r, const char *lead)
{
	if (r->random)
		fprintf(f, "%srandom", lead);
	if (r->random_fully)
		fprintf(f, "%srandom-fully", lead);
	if (r->persistent)
		fprintf(f, "%spersistent", lead);
}

static void save_target(FILE *f, const struct nat_rule *r)
{
	char buf[64];

	if (r->target == NAT_T_NONE)
		return;
	fprintf(f, " -%c %s", r->target == NAT_T_JUMP && r->go ? 'g' : 'j',
		nat_target_name(r));
	xt_save_target(f, r);
	if (r->target == NAT_T_SNAT || r->target == NAT_T_DNAT) {
		nat_range(buf, sizeof(buf), r);
		fprintf(f, " --to-%s %s",
			r->target == NAT_T_SNAT ? "source" : "destination", buf);
	} else if (r->has_ports) {
		port_range(buf, sizeof(buf), r->port_lo, r->port_hi);
		fprintf(f, " --to-ports %s", buf);
	}
	nat_flags_text(f, r, " --");
}

static void save_addr(FILE *f, const char *opt, const struct nat_addr_match *m)
{
	char buf[48];

	if (!m->set)
		return;
	addr_text(buf, sizeof(buf), m->addr, m->mask, false);
	fprintf(f, "%s %s %s", bang(m->neg), opt, buf);
}

static void save_if(FILE *f, const char *opt, const struct nat_if_match *m)
{
	if (m->set)
		fprintf(f, "%s %s %s%s", bang(m->neg), opt, m->name,
			m->wildcard ? "+" : "");
}

/* The matches beyond -s -d -i -o -p, in the order the rule keeps. */
static void save_matches(FILE *f, const struct nat_rule *r)
{
	uint8_t order[XT_M_KINDS];
	size_t n = xt_match_order(r, order);

	for (size_t k = 0; k < n; k++) {
		if (order[k] != XT_M_PROTO) {
			xt_save_match(f, r, order[k]);
			continue;
		}
		fprintf(f, " -m %s", proto_word(r));
		save_ports(f, "--sport", &r->sport);
		save_ports(f, "--dport", &r->dport);
		xt_save_syn(f, r);
		xt_save_icmp(f, r);
	}
}

void nat_print_save(FILE *f, const char *chain, const struct nat_rule *r,
		    bool counters)
{
	fprintf(f, "-A %s", chain);
	save_addr(f, "-s", &r->src);
	save_addr(f, "-d", &r->dst);
	save_if(f, "-i", &r->in);
	save_if(f, "-o", &r->out);
	if (r->proto_set && (r->proto || r->proto_neg)) {
		const char *name = nat_proto_name(r->proto);

		if (name)
			fprintf(f, "%s -p %s", bang(r->proto_neg), name);
		else
			fprintf(f, "%s -p %u", bang(r->proto_neg), r->proto);
	}
	save_matches(f, r);
	if (counters)
		fprintf(f, " -c %llu %llu", (unsigned long long)r->packets,
			(unsigned long long)r->bytes);
	save_target(f, r);
	fputc('\n', f);
}

void nat_print_unshown(FILE *f, const char *table, const char *chain,
		       uint64_t handle)
{
	fprintf(f, "# %s: rule with handle %llu has no iptables form "
		"(nft -a list chain ip %s %s)\n", chain,
		(unsigned long long)handle, table, chain);
}

/* ---- -L --------------------------------------------------------------- */

/* iptables' counters: exact with -x, else scaled to K/M/G/T past 99999;
 * padded to a column inside the table, bare in a chain's heading. */
static void print_count(FILE *f, uint64_t v, const struct nat_fmt *fmt,
			bool in_table)
{
	static const char units[] = "KMGT";
	unsigned long long n = v;

	if (fmt->exact || n <= 99999) {
		fprintf(f, in_table ? (fmt->exact ? "%8llu " : "%5llu ") : "%llu ", n);
		return;
	}
	for (int i = 0;; i++) {
		n = (n + 500) / 1000;
		if (n <= 9999 || units[i + 1] == '\0') {
			fprintf(f, in_table ? "%4llu%c " : "%llu%c ", n, units[i]);
			return;
		}
	}
}

void nat_print_list_head(FILE *f, const char *chain, const char *policy,
			 uint64_t packets, uint64_t bytes, unsigned int refs,
			 const struct nat_fmt *fmt)
{
	fprintf(f, "Chain %s", chain);
	if (policy) {
		fprintf(f, " (policy %s", policy);
		if (fmt->verbose) {
			fputc(' ', f);
			print_count(f, packets, fmt, false);
			fputs("packets, ", f);
			print_count(f, bytes, fmt, false);
			fputs("bytes", f);
		}
		fputs(")\n", f);
	} else {
		fprintf(f, " (%u references)\n", refs);
	}
	if (fmt->line_numbers)
		fprintf(f, "%-4s ", "num");
	if (fmt->verbose) {
		if (fmt->exact)
			fprintf(f, "%8s %10s ", "pkts", "bytes");
		else
			fprintf(f, "%5s %5s ", "pkts", "bytes");
	}
	fprintf(f, "%-9s  prot opt", "target");
	if (fmt->verbose)
		fprintf(f, " %-6s %-6s ", "in", "out");
	fprintf(f, " %-19s  %-19s \n", "source", "destination");
}

/* An interface column: "!" is part of the padded name ("!eth0  "). */
static void list_if(FILE *f, const struct nat_if_match *m,
		    const struct nat_fmt *fmt)
{
	char name[IFNAMSIZ + 2];

	if (!m->set)
		snprintf(name, sizeof(name), "%s", fmt->numeric ? "*" : "any");
	else
		snprintf(name, sizeof(name), "%s%s%s", m->neg ? "!" : "", m->name,
			 m->wildcard ? "+" : "");
	fprintf(f, "%-6s ", name);
}

/* Without -n, a whole host gets its name when it has one. */
static void host_name(char *buf, size_t size, uint32_t addr)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	char host[NI_MAXHOST];

	sin.sin_addr.s_addr = addr;
	if (!getnameinfo((struct sockaddr *)&sin, sizeof(sin), host, sizeof(host),
			 NULL, 0, NI_NAMEREQD))
		snprintf(buf, size, "%s", host);
}

/* Without -n, a network gets its name from /etc/networks when it has one:
 * "loopback/8". */
static void net_name(char *buf, size_t size, uint32_t addr)
{
	struct netent *n = getnetbyaddr(ntohl(addr), AF_INET);
	char *slash = strchr(buf, '/');
	char tail[24];

	if (!n || !slash)
		return;
	snprintf(tail, sizeof(tail), "%s", slash);
	snprintf(buf, size, "%s%s", n->n_name, tail);
}

static void list_addr(FILE *f, const struct nat_addr_match *m,
		      const struct nat_fmt *fmt)
{
	char buf[NI_MAXHOST];
	uint32_t addr = m->set ? m->addr : 0, mask = m->set ? m->mask : 0;

	if (!mask && !addr && !fmt->numeric) {
		snprintf(buf, sizeof(buf), "anywhere");
	} else {
		addr_text(buf, sizeof(buf), addr, mask, true);
		if (!fmt->numeric && mask == 0xffffffff)
			host_name(buf, sizeof(buf), addr);
		else if (!fmt->numeric)
			net_name(buf, sizeof(buf), addr);
	}
	fprintf(f, "%c%-19s ", m->set && m->neg ? '!' : ' ', buf);
}

static void list_port(FILE *f, uint16_t port, const char *proto,
		      const struct nat_fmt *fmt)
{
	struct servent *s = fmt->numeric ? NULL : getservbyport(htons(port), proto);

	if (s)
		fputs(s->s_name, f);
	else
		fprintf(f, "%u", port);
}

static void list_ports(FILE *f, const char *name, const struct nat_port_match *m,
		       const char *proto, const struct nat_fmt *fmt)
{
	if (!m->set)
		return;
	fprintf(f, " %s%s:%s", name, m->lo == m->hi ? "" : "s", m->neg ? "!" : "");
	list_port(f, m->lo, proto, fmt);
	if (m->lo != m->hi) {
		fputc(':', f);
		list_port(f, m->hi, proto, fmt);
	}
}

static void list_target(FILE *f, const struct nat_rule *r)
{
	char buf[64];

	if (r->target == NAT_T_SNAT || r->target == NAT_T_DNAT) {
		nat_range(buf, sizeof(buf), r);
		fprintf(f, " to:%s", buf);
	} else if (r->has_ports) {
		port_range(buf, sizeof(buf), r->port_lo, r->port_hi);
		fprintf(f, r->target == NAT_T_MASQUERADE ? " masq ports: %s"
			: " redir ports %s", buf);
	}
	nat_flags_text(f, r, " ");
}

static void list_proto(FILE *f, const struct nat_rule *r,
		       const struct nat_fmt *fmt)
{
	uint8_t proto = r->proto_set ? r->proto : 0;
	const char *name = fmt->numeric ? NULL : nat_proto_name(proto);

	fputc(r->proto_set && r->proto_neg ? '!' : ' ', f);
	if (name)
		fprintf(f, "%-5s", name);
	else
		fprintf(f, "%-5u", proto);
}

static void list_matches(FILE *f, const struct nat_rule *r,
			 const struct nat_fmt *fmt)
{
	uint8_t order[XT_M_KINDS];
	size_t n = xt_match_order(r, order);

	for (size_t k = 0; k < n; k++) {
		if (order[k] != XT_M_PROTO) {
			xt_list_match(f, r, order[k], fmt->numeric);
			continue;
		}
		fprintf(f, " %s", proto_word(r));
		list_ports(f, "spt", &r->sport, proto_word(r), fmt);
		list_ports(f, "dpt", &r->dport, proto_word(r), fmt);
		xt_list_syn(f, r, fmt->numeric);
		xt_list_icmp(f, r, fmt->numeric);
	}
}

void nat_print_list_rule(FILE *f, unsigned int num, const struct nat_rule *r,
			 const struct nat_fmt *fmt)
{
	if (fmt->line_numbers)
		fprintf(f, "%-4u ", num);
	if (fmt->verbose) {
		print_count(f, r->packets, fmt, true);
		print_count(f, r->bytes, fmt, true);
	}
	fprintf(f, "%-9s ", nat_target_name(r));
	list_proto(f, r, fmt);
	fputs("-- ", f);
	if (fmt->verbose) {
		fputc(' ', f);
		list_if(f, &r->in, fmt);
		list_if(f, &r->out, fmt);
	}
	list_addr(f, &r->src, fmt);
	list_addr(f, &r->dst, fmt);
	nat_print_list_tail(f, r, fmt);
	fputc('\n', f);
}

void nat_print_list_tail(FILE *f, const struct nat_rule *r,
			 const struct nat_fmt *fmt)
{
	if (r->target == NAT_T_JUMP && r->go)
		fputs("[goto] ", f);
	list_matches(f, r, fmt);
	list_target(f, r);
	xt_list_target(f, r, fmt->numeric);
}

void nat_addr_text(char *buf, size_t size, const struct nat_addr_match *m)
{
	if (!m->set)
		snprintf(buf, size, "0.0.0.0/0");
	else
		addr_text(buf, size, m->addr, m->mask, true);
}

/* ---- JSON ------------------------------------------------------------- */

static void json_addr(struct out *o, const char *key,
		      const struct nat_addr_match *m)
{
	char buf[48], inv[32];

	if (!m->set)
		return;
	addr_text(buf, sizeof(buf), m->addr, m->mask, false);
	out_str(o, key, NULL, buf);
	snprintf(inv, sizeof(inv), "%s_invert", key);
	if (m->neg)
		out_bool(o, inv, NULL, true);
}

static void json_if(struct out *o, const char *key, const struct nat_if_match *m)
{
	char buf[IFNAMSIZ + 1], inv[32];

	if (!m->set)
		return;
	snprintf(buf, sizeof(buf), "%s%s", m->name, m->wildcard ? "+" : "");
	out_str(o, key, NULL, buf);
	snprintf(inv, sizeof(inv), "%s_invert", key);
	if (m->neg)
		out_bool(o, inv, NULL, true);
}

static void json_ports(struct out *o, const char *key,
		       const struct nat_port_match *m)
{
	char buf[16], inv[32];

	if (!m->set)
		return;
	port_range(buf, sizeof(buf), m->lo, m->hi);
	out_str(o, key, NULL, buf);
	snprintf(inv, sizeof(inv), "%s_invert", key);
	if (m->neg)
		out_bool(o, inv, NULL, true);
}

static void json_matches(struct out *o, const struct nat_rule *r)
{
	out_obj_begin(o, "matches");
	json_addr(o, "source", &r->src);
	json_addr(o, "destination", &r->dst);
	json_if(o, "in_interface", &r->in);
	json_if(o, "out_interface", &r->out);
	if (r->proto_set) {
		const char *name = nat_proto_name(r->proto);

		if (name)
			out_str(o, "protocol", NULL, name);
		else
			out_uint(o, "protocol", NULL, r->proto);
		if (r->proto_neg)
			out_bool(o, "protocol_invert", NULL, true);
	}
	json_ports(o, "sport", &r->sport);
	json_ports(o, "dport", &r->dport);
	xt_json_matches(o, r);
	out_obj_end(o);
}

static void json_target(struct out *o, const struct nat_rule *r)
{
	char buf[64];

	out_obj_begin(o, "target");
	out_str(o, "name", NULL, nat_target_name(r));
	if (r->target == NAT_T_JUMP)
		out_str(o, "chain", NULL, r->jump);
	if (r->target == NAT_T_SNAT || r->target == NAT_T_DNAT) {
		nat_range(buf, sizeof(buf), r);
		out_str(o, "to", NULL, buf);
	} else if (r->has_ports) {
		port_range(buf, sizeof(buf), r->port_lo, r->port_hi);
		out_str(o, "to_ports", NULL, buf);
	}
	if (r->random)
		out_bool(o, "random", NULL, true);
	if (r->random_fully)
		out_bool(o, "random_fully", NULL, true);
	if (r->persistent)
		out_bool(o, "persistent", NULL, true);
	xt_json_target(o, r);
	out_obj_end(o);
}

void nat_print_json(struct out *o, const char *chain, unsigned int num,
		    uint64_t handle, const struct nat_rule *r)
{
	out_obj_begin(o, NULL);
	out_str(o, "chain", NULL, chain);
	out_uint(o, "num", NULL, num);
	out_u64(o, "handle", NULL, handle);
	if (!r) {
		out_bool(o, "iptables_form", NULL, false);
	} else {
		json_matches(o, r);
		if (r->target != NAT_T_NONE)
			json_target(o, r);
		out_u64(o, "packets", NULL, r->packets);
		out_u64(o, "bytes", NULL, r->bytes);
	}
	out_obj_end(o);
}
