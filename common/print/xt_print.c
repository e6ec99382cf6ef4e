/* The filter table's parts of iptables' listings (see xt_print.h). */
#include "print/xt_print.h"

#include <ctype.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "xt/xt_names.h"
#include "print/xt_match_print.h"

/* ---- names ------------------------------------------------------------ */

const char *xt_reject_name(const struct xt_reject *rj)
{
	const char *name = rj->tcp_reset ? "tcp-reset" : xt_reject_code_name(rj->icmp_code);

	return name ? name : "icmp-port-unreachable";
}

void xt_ct_states_text(char *buf, size_t size, uint32_t states)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < xt_n_ct_states; k++) {
		if (!(states & xt_ct_states[k].bit) || n >= size)
			continue;
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "," : "",
				      xt_ct_states[k].name);
	}
}

/* iptables' quoting of a word in -S: bare when it is only letters, digits,
 * '-' and '_'; else in double quotes, with quotes and backslashes
 * escaped. */
static void save_string(FILE *f, const char *s)
{
	bool plain = *s != '\0';

	for (const char *p = s; *p && plain; p++)
		plain = isalnum((unsigned char)*p) || *p == '-' || *p == '_';
	if (plain) {
		fprintf(f, " %s", s);
		return;
	}
	fputs(" \"", f);
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\'' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

/* LOG's flags in their option order, by -S word and -L word. */
static const struct {
	unsigned int bit;
	const char *save, *list;
} log_flags[] = {
	{ 0x01, "--log-tcp-sequence", "tcp-sequence" },
	{ 0x02, "--log-tcp-options", "tcp-options" },
	{ 0x04, "--log-ip-options", "ip-options" },
	{ 0x08, "--log-uid", "uid" },
	{ 0x20, "--log-macdecode", "macdecode" },
};

#define N_LOG_FLAGS (sizeof(log_flags) / sizeof(log_flags[0]))

/* ---- -S --------------------------------------------------------------- */

/* TCP flags by name, in iptables' order; "NONE" for none. */
static void tcp_flag_names(FILE *f, uint8_t flags)
{
	static const char *const names[] = { "FIN", "SYN", "RST", "PSH", "ACK",
					     "URG" };
	bool first = true;

	if (!flags)
		fputs("NONE", f);
	for (unsigned int k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (!(flags & 1u << k))
			continue;
		fprintf(f, "%s%s", first ? "" : ",", names[k]);
		first = false;
	}
}

void xt_save_syn(FILE *f, const struct nat_rule *r)
{
	if (!r->tcpf_set)
		return;
	fprintf(f, "%s --tcp-flags ", r->tcpf_neg ? " !" : "");
	tcp_flag_names(f, r->tcpf_mask);
	fputc(' ', f);
	tcp_flag_names(f, r->tcpf_comp);
}

/* "any", "T", "T/C": a code is shown unless every code matches. */
static void icmp_words(FILE *f, const struct xt_icmp *m)
{
	if (m->type == XT_ICMP_ANY) {
		fputs("any", f);
		return;
	}
	fprintf(f, "%u", m->type);
	if (!xt_icmp_any_code(m))
		fprintf(f, "/%u", m->code_min);
}

void xt_save_icmp(FILE *f, const struct nat_rule *r)
{
	if (!r->icmp.set)
		return;
	fprintf(f, "%s --icmp-type ", r->icmp.neg ? " !" : "");
	icmp_words(f, &r->icmp);
}

/* "0x1", "0x10/0xff": the mask unless it is all ones. */
static void mark_words(FILE *f, const struct xt_mark_match *m)
{
	fprintf(f, "0x%x", m->value);
	if (m->mask != UINT32_MAX)
		fprintf(f, "/0x%x", m->mask);
}

/* The multiport list, "22,80:90"; with names, each port by its service
 * name where it has one ("ssh,http:90"). */
static void mport_list(FILE *f, const struct nat_rule *r, bool names)
{
	const char *proto = r->proto == IPPROTO_UDP ? "udp" : "tcp";

	for (unsigned int k = 0; k < r->mport.n; k++) {
		uint16_t ends[2] = { r->mport.lo[k], r->mport.hi[k] };

		if (k)
			fputc(',', f);
		for (int i = 0; i < (ends[0] == ends[1] ? 1 : 2); i++) {
			struct servent *s = names ? getservbyport(htons(ends[i]), proto)
				: NULL;

			if (i)
				fputc(':', f);
			if (s)
				fputs(s->s_name, f);
			else
				fprintf(f, "%u", ends[i]);
		}
	}
}

static const char *mport_word(const struct xt_multiport *m)
{
	return m->any ? "ports" : m->src ? "sports" : "dports";
}

void xt_save_match(FILE *f, const struct nat_rule *r, int kind)
{
	char buf[96];

	if (kind == XT_M_MPORT) {
		fprintf(f, " -m multiport%s --%s ", r->mport.neg ? " !" : "",
			mport_word(&r->mport));
		mport_list(f, r, false);
	} else if (kind == XT_M_CT) {
		xt_ct_states_text(buf, sizeof(buf), r->ct.states);
		if (r->ct.as_state)
			fprintf(f, " -m state%s --state %s", r->ct.neg ? " !" : "", buf);
		else
			fprintf(f, " -m conntrack%s --ctstate %s", r->ct.neg ? " !" : "",
				buf);
	} else if (kind == XT_M_MARK) {
		fprintf(f, " -m mark%s --mark ", r->mark.neg ? " !" : "");
		mark_words(f, &r->mark);
	} else if (kind == XT_M_COMMENT) {
		fputs(" -m comment --comment", f);
		save_string(f, r->comment);
	} else {
		xt_save_more(f, r, kind);
	}
}

void xt_save_target(FILE *f, const struct nat_rule *r)
{
	if (r->target == NAT_T_REJECT) {
		fprintf(f, " --reject-with %s", xt_reject_name(&r->reject));
	} else if (r->target == NAT_T_LOG) {
		if (r->log.prefix[0]) {
			fputs(" --log-prefix", f);
			save_string(f, r->log.prefix);
		}
		if (r->log.level != XT_LOG_LEVEL_DEFAULT)
			fprintf(f, " --log-level %u", r->log.level);
		for (size_t k = 0; k < N_LOG_FLAGS; k++)
			if (r->log.flags & log_flags[k].bit)
				fprintf(f, " %s", log_flags[k].save);
	}
}

/* ---- -L --------------------------------------------------------------- */

void xt_list_syn(FILE *f, const struct nat_rule *r, bool numeric)
{
	if (!r->tcpf_set)
		return;
	fprintf(f, " flags:%s", r->tcpf_neg ? "!" : "");
	if (numeric) {
		fprintf(f, "0x%02X/0x%02X", r->tcpf_mask, r->tcpf_comp);
		return;
	}
	tcp_flag_names(f, r->tcpf_mask);
	fputc('/', f);
	tcp_flag_names(f, r->tcpf_comp);
}

void xt_list_icmp(FILE *f, const struct nat_rule *r, bool numeric)
{
	const struct xt_icmp *m = &r->icmp;
	const char *name = numeric ? NULL : xt_icmp_name(m);

	if (!m->set)
		return;
	if (name) {
		fprintf(f, " %s%s", m->neg ? "!" : "", name);
		return;
	}
	fprintf(f, "%stype %u", m->neg ? " !" : "", m->type);
	if (m->code_min == m->code_max)
		fprintf(f, " code %u", m->code_min);
	else if (!xt_icmp_any_code(m))
		fprintf(f, " codes %u-%u", m->code_min, m->code_max);
}

void xt_list_match(FILE *f, const struct nat_rule *r, int kind, bool numeric)
{
	char buf[96];

	if (kind == XT_M_MPORT) {
		fprintf(f, " multiport %s %s", mport_word(&r->mport),
			r->mport.neg ? " !" : "");
		mport_list(f, r, !numeric);
	} else if (kind == XT_M_CT) {
		xt_ct_states_text(buf, sizeof(buf), r->ct.states);
		fprintf(f, " %s%s %s", r->ct.neg ? "! " : "",
			r->ct.as_state ? "state" : "ctstate", buf);
	} else if (kind == XT_M_MARK) {
		fprintf(f, " mark match%s ", r->mark.neg ? " !" : "");
		mark_words(f, &r->mark);
	} else if (kind == XT_M_COMMENT) {
		fprintf(f, " /* %s */", r->comment);
	} else {
		xt_list_more(f, r, kind);
	}
}

void xt_list_target(FILE *f, const struct nat_rule *r, bool numeric)
{
	if (r->target == NAT_T_REJECT) {
		fprintf(f, " reject-with %s", xt_reject_name(&r->reject));
		return;
	}
	if (r->target != NAT_T_LOG)
		return;
	if (numeric) {
		fprintf(f, " LOG flags %u level %u", r->log.flags, r->log.level);
	} else {
		const char *level = xt_log_level_name(r->log.level);

		if (level)
			fprintf(f, " LOG level %s", level);
		else
			fprintf(f, " LOG level %u", r->log.level);
		for (size_t k = 0; k < N_LOG_FLAGS; k++)
			if (r->log.flags & log_flags[k].bit)
				fprintf(f, " %s", log_flags[k].list);
	}
	if (r->log.prefix[0])
		fprintf(f, " prefix \"%s\"", r->log.prefix);
}

/* ---- JSON ------------------------------------------------------------- */

/* --syn as before ("syn"); other flags as "tcp_flags": "MASK COMP" in
 * -S's words. */
static void json_tcp_flags(struct out *o, const struct nat_rule *r)
{
	bool syn = r->tcpf_mask == 0x17 && r->tcpf_comp == 0x02;
	char *s = NULL;
	size_t n = 0;
	FILE *m;

	if (syn) {
		out_bool(o, "syn", NULL, true);
		if (r->tcpf_neg)
			out_bool(o, "syn_invert", NULL, true);
		return;
	}
	m = open_memstream(&s, &n);
	if (!m)
		return;
	tcp_flag_names(m, r->tcpf_mask);
	fputc(' ', m);
	tcp_flag_names(m, r->tcpf_comp);
	fclose(m);
	out_str(o, "tcp_flags", NULL, s);
	free(s);
	if (r->tcpf_neg)
		out_bool(o, "tcp_flags_invert", NULL, true);
}

/* "icmp_type" in -S's words ("any", "8", "3/4"). */
static void json_icmp(struct out *o, const struct xt_icmp *m)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return;
	icmp_words(f, m);
	fclose(f);
	out_str(o, "icmp_type", NULL, s);
	free(s);
	if (m->neg)
		out_bool(o, "icmp_type_invert", NULL, true);
}

void xt_json_matches(struct out *o, const struct nat_rule *r)
{
	char buf[96];

	if (r->tcpf_set)
		json_tcp_flags(o, r);
	if (r->icmp.set)
		json_icmp(o, &r->icmp);
	if (r->mark.set) {
		char *s = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&s, &n);

		if (m) {
			mark_words(m, &r->mark);
			fclose(m);
			out_str(o, "mark", NULL, s);
			free(s);
		}
		if (r->mark.neg)
			out_bool(o, "mark_invert", NULL, true);
	}
	if (r->mport.set) {
		char *s = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&s, &n);
		const char *key = r->mport.any ? "multiport_ports" : r->mport.src ?
			"multiport_sports" : "multiport_dports";

		if (m) {
			mport_list(m, r, false);
			fclose(m);
			out_str(o, key, NULL, s);
			if (r->mport.neg) {
				snprintf(buf, sizeof(buf), "%s_invert", key);
				out_bool(o, buf, NULL, true);
			}
		}
		free(s);
	}
	if (r->ct.set) {
		const char *key = r->ct.as_state ? "state" : "ctstate";
		char inv[32];

		xt_ct_states_text(buf, sizeof(buf), r->ct.states);
		out_str(o, key, NULL, buf);
		snprintf(inv, sizeof(inv), "%s_invert", key);
		if (r->ct.neg)
			out_bool(o, inv, NULL, true);
	}
	xt_json_more(o, r);
	if (r->comment[0])
		out_str(o, "comment", NULL, r->comment);
}

void xt_json_target(struct out *o, const struct nat_rule *r)
{
	if (r->target == NAT_T_JUMP && r->go)
		out_bool(o, "goto", NULL, true);
	if (r->target == NAT_T_REJECT)
		out_str(o, "reject_with", NULL, xt_reject_name(&r->reject));
	if (r->target != NAT_T_LOG)
		return;
	if (r->log.prefix[0])
		out_str(o, "log_prefix", NULL, r->log.prefix);
	out_uint(o, "log_level", NULL, r->log.level);
	if (r->log.flags)
		out_uint(o, "log_flags", NULL, r->log.flags);
}
