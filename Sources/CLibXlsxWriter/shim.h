#ifndef CARE_AUDIT_CLIBXLSXWRITER_SHIM_H
#define CARE_AUDIT_CLIBXLSXWRITER_SHIM_H
// Debian's libxlsxwriter-dev installs xlsxwriter.h and libxlsxwriter.so (it needs zlib and
// minizip, which the system provides). Only Reporting/AuditXLSXWriter.swift imports it.
#include <xlsxwriter.h>
#endif
