/* The words of `ip tuntap add|del`, read as iproute2 6.1 reads them: each
 * keyword by prefix in its order (mode, user, group, pi, one_queue,
 * vnet_hdr, multi_queue, dev), anything else a name; then the mode that
 * must have been given. */
#include <ctype.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_tun.h>

#include "tuntap.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"

/* iproute2's check of a device name: 1 to 15 bytes, no '/' or blank. */
static bool ifname_ok(const char *w)
{
	if (!*w || strlen(w) >= IFNAMSIZ)
		return false;
	for (; *w; w++)
		if (*w == '/' || isspace((unsigned char)*w))
			return false;
	return true;
}

static int take_mode(struct tun_spec *s, const char *v)
{
	unsigned short mode, other;

	if (matches(v, "tun")) {
		mode = IFF_TUN;
		other = IFF_TAP;
	} else if (matches(v, "tap")) {
		mode = IFF_TAP;
		other = IFF_TUN;
	} else {
		return fail(EXIT_USAGE, "Unknown tunnel mode \"%s\"", v);
	}
	if (s->flags & other)
		return fail(EXIT_USAGE, "You managed to ask for more than one tunnel mode.");
	s->flags |= mode;
	return 0;
}

/* A decimal number (strtol's: blanks and a sign allowed, the whole word),
 * taken modulo 2^32 as iproute2 stores it; -1 is then "none". Else a name. */
static bool number(const char *v, unsigned long *n)
{
	char *end;

	if (!*v)
		return false;
	*n = (unsigned long)strtol(v, &end, 10);
	return !*end;
}

static int take_user(struct tun_spec *s, const char *v)
{
	unsigned long n;
	const struct passwd *pw;

	if (number(v, &n)) {
		s->uid = (uid_t)n;
		return 0;
	}
	if (!(pw = getpwnam(v)))
		return fail(EXIT_USAGE, "invalid user \"%s\"", v);
	s->uid = pw->pw_uid;
	return 0;
}

static int take_group(struct tun_spec *s, const char *v)
{
	unsigned long n;
	const struct group *gr;

	if (number(v, &n)) {
		s->gid = (gid_t)n;
		return 0;
	}
	if (!(gr = getgrnam(v)))
		return fail(EXIT_USAGE, "invalid group \"%s\"", v);
	s->gid = gr->gr_gid;
	return 0;
}

/* "dev NAME" replaces a name given before; "name NAME" or a bare NAME
 * may come once. */
static int take_name(struct tun_spec *s, const char *v, const char *key, bool once)
{
	if (once && s->name[0])
		return iparg_duplicate("name", v);
	if (!ifname_ok(v))
		return iparg_invalid(key[0] == 'd' ? "\"dev\" not a valid ifname" :
				     "\"name\" not a valid ifname", v);
	memset(s->name, 0, sizeof(s->name));
	memcpy(s->name, v, strlen(v));
	return 0;
}

/* A keyword that takes no value: its flag set or cleared. */
static bool take_flag(struct tun_spec *s, const char *w)
{
	if (matches(w, "pi"))
		s->flags &= (unsigned short)~IFF_NO_PI;
	else if (matches(w, "one_queue"))
		s->flags |= IFF_ONE_QUEUE;
	else if (matches(w, "vnet_hdr"))
		s->flags |= IFF_VNET_HDR;
	else if (matches(w, "multi_queue"))
		s->flags |= IFF_MULTI_QUEUE;
	else
		return false;
	return true;
}

static int take_one(const struct ctx *c, struct tun_spec *s, bool add,
		    int argc, char **argv, int *i)
{
	const char *w = argv[*i];
	bool valued = matches(w, "mode") || (add && matches(w, "user")) ||
		(add && matches(w, "group"));

	if (!valued && take_flag(s, w))
		return 0;
	if (valued || matches(w, "dev") || matches(w, "name")) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
	} else if (matches(w, "help")) {
		return tuntap_usage(c, true);
	}
	const char *v = argv[*i];
	if (matches(w, "mode"))
		return take_mode(s, v);
	if (add && matches(w, "user"))
		return take_user(s, v);
	if (add && matches(w, "group"))
		return take_group(s, v);
	if (v != w && matches(w, "dev"))
		return take_name(s, v, "dev", false);
	return take_name(s, v, "name", true);
}

int tuntap_words(const struct ctx *c, int argc, char **argv, bool add,
		 struct tun_spec *s)
{
	int r;

	memset(s, 0, sizeof(*s));
	s->flags = IFF_NO_PI;
	s->uid = (uid_t)-1;
	s->gid = (gid_t)-1;
	for (int i = 0; i < argc; i++)
		if ((r = take_one(c, s, add, argc, argv, &i)))
			return r;
	if (!(s->flags & (IFF_TUN | IFF_TAP)))
		return fail(EXIT_CMD, "You failed to specify a tunnel mode");
	return 0;
}
