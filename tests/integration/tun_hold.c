/* tun_hold NAME tun|tap [napi]: attaches to (or makes) the tun device
 * NAME through /dev/net/tun, says "ready" on stdout, and holds it until it
 * is killed -- the process `ip -d tuntap` lists as attached. napi sets a
 * flag that ip has no word for (listed as a number). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <net/if.h>
#include <linux/if_tun.h>

int main(int argc, char **argv)
{
	struct ifreq ifr;
	int fd;

	if (argc < 3 || argc > 4 || strlen(argv[1]) >= IFNAMSIZ) {
		fprintf(stderr, "usage: tun_hold NAME tun|tap [napi]\n");
		return 2;
	}
	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, argv[1], strlen(argv[1]));
	ifr.ifr_flags = (short)((strcmp(argv[2], "tap") ? IFF_TUN : IFF_TAP) | IFF_NO_PI |
				(argc == 4 && !strcmp(argv[3], "napi") ? IFF_NAPI : 0));
	if ((fd = open("/dev/net/tun", O_RDWR)) < 0 || ioctl(fd, TUNSETIFF, &ifr) < 0) {
		perror("tun_hold");
		return 1;
	}
	puts("ready");
	fflush(stdout);
	for (;;)
		pause();
}
