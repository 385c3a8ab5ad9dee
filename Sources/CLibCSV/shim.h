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
#endif
