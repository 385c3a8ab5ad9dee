#ifndef CARE_AUDIT_CLIBCSV_SHIM_H
#define CARE_AUDIT_CLIBCSV_SHIM_H
// Debian's libcsv-dev installs csv.h and libcsv.so; it ships no pkg-config file.
#include <csv.h>

// libcsv trims spaces and tabs around unquoted fields unless a space function says no byte is
// a space. It is called for nearly every byte, so it lives here in C: a Swift function would
// add a thunk to each call.
static inline int care_audit_no_spaces(unsigned char c) {
    (void)c;
    return 0;
}
// Starts loading the cache line at `address` without waiting for it (Swift has no such
// intrinsic): the text table's slot for a high-cardinality value is requested early in a row
// and looked up at its end.
static inline void care_audit_prefetch(const void *address) {
    __builtin_prefetch(address);
}
#endif
