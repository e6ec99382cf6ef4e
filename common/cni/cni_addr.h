/* Addresses as CNI writes them: "10.1.0.2/24", "fd00::2", "0.0.0.0/0". */
#ifndef NSIP_CNI_ADDR_H
#define NSIP_CNI_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <netinet/in.h>

struct cni_ip_addr {
	int family;                 /* AF_INET, AF_INET6; 0 = none */
	unsigned char bytes[16];
	int prefix;                 /* -1 for a plain address */
};

/* Room for "ffff:...:ffff/128" with its NUL. */
#define CNI_ADDR_STRLEN (INET6_ADDRSTRLEN + 4)

/* "ADDR/PREFIX" (with_prefix) or "ADDR"; false when s is neither. */
bool cni_addr_parse(const char *s, bool with_prefix, struct cni_ip_addr *a);
/* The address, with "/PREFIX" when it has one. */
const char *cni_addr_format(const struct cni_ip_addr *a, char *buf, size_t len);
/* The bytes of the family: 4 or 16. */
size_t cni_addr_len(int family);
/* Clears the host bits (a route's destination, a subnet). */
void cni_addr_mask(struct cni_ip_addr *a);
/* Whether b lies in the subnet s. */
bool cni_addr_in(const struct cni_ip_addr *s, const struct cni_ip_addr *b);
/* Compares the bytes of two addresses of one family. */
int cni_addr_cmp(const struct cni_ip_addr *a, const struct cni_ip_addr *b);
/* The next address (wrapping); the previous one. */
void cni_addr_next(struct cni_ip_addr *a);
void cni_addr_prev(struct cni_ip_addr *a);

#endif
