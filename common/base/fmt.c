/* Numbers and addresses as text without printf (fmt.h). */
#include "base/fmt.h"

#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

const char *fmt_u64(char *buf, size_t len, uint64_t v)
{
	char tmp[24];
	char *p = tmp + sizeof(tmp) - 1;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) && p > tmp);
	size_t n = (size_t)(tmp + sizeof(tmp) - p);   /* with the NUL */

	if (n <= len)
		memcpy(buf, p, n);
	else if (len)
		buf[0] = '\0';
	return buf;
}

const char *fmt_inet(int family, const void *addr, char *buf, size_t len)
{
	const unsigned char *b = addr;
	char text[INET_ADDRSTRLEN], *p = text;

	if (family != AF_INET)
		return inet_ntop(family, addr, buf, (socklen_t)len);
	for (int i = 0; i < 4; i++) {
		unsigned int v = b[i];

		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		*p++ = i < 3 ? '.' : '\0';
	}
	size_t n = (size_t)(p - text);   /* with the NUL */

	if (n > len)
		return NULL;
	memcpy(buf, text, n);
	return buf;
}
