/* Linked into nsip in sanitizer builds only (mk/harden.am).
 *
 * LeakSanitizer cannot look into a set-uid process, or one given file
 * capabilities (the kernel makes it undumpable), and it reads no
 * ASAN_OPTIONS there either: it would turn nsip's refusal to run so into
 * a fatal error and exit 1. Such a run does nothing but refuse, so skip
 * the leak check for it. */
#include <sys/auxv.h>

/* The name is the sanitizer's, reserved on purpose. */
int __lsan_is_turned_off(void);   /* NOLINT(cert-dcl37-c,cert-dcl51-cpp,bugprone-reserved-identifier) */

int __lsan_is_turned_off(void)   /* NOLINT(cert-dcl37-c,cert-dcl51-cpp,bugprone-reserved-identifier) */
{
	return getauxval(AT_SECURE) != 0;
}
