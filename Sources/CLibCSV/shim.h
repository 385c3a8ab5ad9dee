#ifndef CARE_AUDIT_CLIBCSV_SHIM_H
#define CARE_AUDIT_CLIBCSV_SHIM_H
// Debian's libcsv-dev installs csv.h and libcsv.so; it ships no pkg-config file.
#include <csv.h>
#endif
