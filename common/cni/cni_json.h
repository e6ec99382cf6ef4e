/* JSON out the way Go's encoding/json writes it (the reference plugins'
 * MarshalIndent with four spaces): keys in the order they were set, <, >
 * and & escaped, no newline at the end. */
#ifndef NSIP_CNI_JSON_H
#define NSIP_CNI_JSON_H

#include <stdbool.h>
#include <stdio.h>
#include <jansson.h>

/* Indented (four spaces); 0, or -1 when it could not be written. */
int cni_json_print(const json_t *j, FILE *f);
/* On one line, with a newline: VERSION's answer. */
int cni_json_print_line(const json_t *j, FILE *f);

/* The string member key of object o, or NULL when absent or not a string. */
const char *cni_json_str(const json_t *o, const char *key);
/* A boolean member: *v set and true when present and boolean; false when
 * absent; -1 when present and not a boolean. */
int cni_json_bool(const json_t *o, const char *key, bool *v);

#endif
