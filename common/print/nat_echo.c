/* The line iptables prints for -v on a rule command: the rule in -L's
 * words and -n's numbers, but its fields run together with their names
 * ("opt", "in", "out", "->") instead of in columns. */
#include "print/nat_print.h"
#include "xt/nat_proto.h"

static void echo_if(FILE *f, const char *name, const struct nat_if_match *m)
{
	if (!m->set)
		fprintf(f, "%s * ", name);
	else
		fprintf(f, "%s %s%s%s ", name, m->neg ? "!" : "", m->name,
			m->wildcard ? "+" : "");
}

static void echo_proto(FILE *f, const struct nat_rule *r)
{
	uint8_t proto = r->proto_set ? r->proto : 0;
	const char *name = nat_proto_own_name(proto);

	fputc(r->proto_set && r->proto_neg ? '!' : ' ', f);
	if (name)
		fprintf(f, "%s ", name);
	else
		fprintf(f, "%u ", proto);
}

void nat_print_echo(FILE *f, const struct nat_rule *r)
{
	const struct nat_fmt numeric = { .numeric = true };
	char src[48], dst[48];

	nat_addr_text(src, sizeof(src), &r->src);
	nat_addr_text(dst, sizeof(dst), &r->dst);
	fprintf(f, "%s ", nat_target_name(r));
	echo_proto(f, r);
	fputs("opt -- ", f);
	echo_if(f, "in", &r->in);
	echo_if(f, "out", &r->out);
	fprintf(f, "%c%s %c-> %s  ", r->src.set && r->src.neg ? '!' : ' ', src,
		r->dst.set && r->dst.neg ? '!' : ' ', dst);
	nat_print_list_tail(f, r, &numeric);
	fputc('\n', f);
}
