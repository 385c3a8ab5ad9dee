import CareAuditCLI

CareAuditCommand.runMain()
