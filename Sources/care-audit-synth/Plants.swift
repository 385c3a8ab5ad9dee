import CareAudit

/// Planted problems: at least one per rule, each on a staff member of its own so it cannot
/// disturb the clean part or another plant. Each records the findings it must produce (rule and
/// every record involved); where a plant necessarily trips a second rule, that finding is listed
/// too.
extension MonthGenerator {
    mutating func plantStaff(_ number: Int, role: String, certificate: (issued: Day, expires: Day, status: String)? = nil) -> StaffProfile {
        let profile = makeProfile(900 + number, role: role, id: String(format: "P%02d", number))
        writeRoster(profile, certificate: certificate ?? safeCertificate())
        return profile
    }

    mutating func expect(_ rule: String, _ records: String...) {
        expected.append((rule, records))
    }

    mutating func plantProblems() {
        let days = workdays
        let day = days[min(5, days.count - 1)]
        let late = days[days.count - 2]
        let rosterLine = { (self: inout MonthGenerator) in "roster.csv:\(self.roster.nextLine - 1)" }

        // DC001: court report 09:00–10:00 while a peer session is billed 09:30–10:15.
        var p = plantStaff(1, role: "CERTIFIED_PEER")
        let c1 = p.clients[0]
        var t = writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .report, client: c1)
        writeEntry(p, day, start: 600, end: 660, minutes: 60, activity: .peer, client: c1)
        var b = writeClaim(p, day, start: 570, end: 615, minutes: 45, activity: .peer, client: c1)
        expect("DC001", t, b)

        // DC002: outreach recorded without times and a billed session for the same participant.
        p = plantStaff(2, role: "CERTIFIED_PEER")
        t = writeEntry(p, day, start: nil, end: nil, minutes: 60, activity: .outreach, client: p.clients[0])
        writeEntry(p, day, start: nil, end: nil, minutes: 60, activity: .peer, client: p.clients[1])
        b = writeClaim(p, day, start: 780, end: 840, minutes: 60, activity: .peer, client: p.clients[0])
        expect("DC002", t, b)

        // DC003: a CARE court report code on a claim line.
        p = plantStaff(3, role: "CLINICIAN")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .therapy, client: p.clients[0])
        b = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .therapy, client: p.clients[0],
            details: ClaimDetails(code: "CR01"))
        expect("DC003", b)

        // DC004: two billed hours against one hour on the timesheet (claims without times).
        p = plantStaff(4, role: "CLINICIAN")
        t = writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .therapy, client: p.clients[0])
        b = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .therapy, client: p.clients[0],
            details: ClaimDetails(withTimes: false))
        var b2 = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .therapy, client: p.clients[1],
            details: ClaimDetails(withTimes: false))
        expect("DC004", t, b, b2)

        // DUP001: the same session on two claims (a second, unbilled session keeps DC004 quiet).
        p = plantStaff(5, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        writeEntry(p, day, start: 600, end: 660, minutes: 60, activity: .peer, client: p.clients[1])
        b = writeClaim(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b2 = writeClaim(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        expect("DUP001", b, b2)

        // DUP002: the same session twice with different charges.
        p = plantStaff(6, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        writeEntry(p, day, start: 600, end: 660, minutes: 60, activity: .peer, client: p.clients[1])
        b = writeClaim(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b2 = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0],
            details: ClaimDetails(amountCents: 14_000))
        expect("DUP002", b, b2)

        // DUP003: the same session billed to Medi-Cal and to commercial insurance.
        p = plantStaff(7, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        writeEntry(p, day, start: 600, end: 660, minutes: 60, activity: .peer, client: p.clients[1])
        b = writeClaim(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b2 = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0],
            details: ClaimDetails(amountCents: 16_000, payerType: "COMMERCIAL"))
        expect("DUP003", b, b2)

        // UNIT001: 45 minutes billed as 4 units.
        p = plantStaff(8, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b = writeClaim(p, day, start: 540, end: 585, minutes: 45, activity: .peer, client: p.clients[0], details: ClaimDetails(units: 4))
        expect("UNIT001", b)

        // UNIT002: a paid line with 0 units (H2017 has no unit rule, so UNIT001 stays quiet).
        p = plantStaff(9, role: "CASE_MANAGER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .caseManagement, client: p.clients[0])
        b = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .caseManagement, client: p.clients[0],
            details: ClaimDetails(units: 0, code: "H2017"))
        expect("UNIT002", b)

        // UNIT003: 18 units of H0038 for one participant in a day (cap 16).
        p = plantStaff(10, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 480, end: 750, minutes: 270, activity: .peer, client: p.clients[0])
        b = writeClaim(p, day, start: 480, end: 750, minutes: 270, activity: .peer, client: p.clients[0])
        expect("UNIT003", b)

        // PEER001 (and PEER004): a certificate that expired early in the month, a service after it.
        let expiry = period.first.adding(days: 3)
        p = plantStaff(11, role: "CERTIFIED_PEER", certificate: (expiry.adding(days: -730), expiry, "EXPIRED"))
        var r = rosterLine(&self)
        writeEntry(p, late, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b = writeClaim(p, late, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        expect("PEER001", b, r)
        expect("PEER004", r)

        // PEER002: a peer trainee bills H0038.
        p = plantStaff(12, role: "PEER_TRAINEE")
        r = rosterLine(&self)
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b = writeClaim(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        expect("PEER002", b, r)

        // PEER003: H0038 under a clinician taxonomy.
        p = plantStaff(13, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0])
        b = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0],
            details: ClaimDetails(taxonomy: "101YM0800X"))
        expect("PEER003", b)

        // PEER004: a certificate expiring 30 days after the period.
        let soon = period.last.adding(days: 30)
        p = plantStaff(14, role: "CERTIFIED_PEER", certificate: (soon.adding(days: -730), soon, "ACTIVE"))
        expect("PEER004", rosterLine(&self))

        // TS001: a hearing 09:00–10:00 and a report 09:30–10:30.
        p = plantStaff(15, role: "CASE_MANAGER")
        t = writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .hearing, client: p.clients[0])
        let t2 = writeEntry(p, day, start: 570, end: 630, minutes: 60, activity: .report, client: p.clients[0])
        expect("TS001", t, t2)

        // TS003 (with DC004 and TS004): a peer session billed on a full day of paid time off.
        p = plantStaff(16, role: "CERTIFIED_PEER")
        t = writeEntry(p, day, start: nil, end: nil, minutes: 480, activity: nil, client: "", payCode: "PTO")
        b = writeClaim(p, day, start: 600, end: 645, minutes: 45, activity: .peer, client: p.clients[0])
        expect("TS003", b, t)
        expect("DC004", t, b)
        expect("TS004", b)

        // TS004: a session billed at 14:00 on a day whose timesheet ends at 13:00.
        p = plantStaff(17, role: "CERTIFIED_PEER")
        writeEntry(p, day, start: 540, end: 720, minutes: 180, activity: .report, client: p.clients[0])
        writeEntry(p, day, start: 720, end: 780, minutes: 60, activity: .peer, client: p.clients[1])
        b = writeClaim(p, day, start: 840, end: 900, minutes: 60, activity: .peer, client: p.clients[1])
        expect("TS004", b)

        // CARE001: travel minutes on a court hearing.
        p = plantStaff(18, role: "CASE_MANAGER")
        t = writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .hearing, client: p.clients[0], travel: 20)
        expect("CARE001", t)

        // CARE002: implementation planning booked under the court hearing code.
        p = plantStaff(19, role: "SUPERVISOR")
        t = writeEntry(
            p, day, start: 540, end: 600, minutes: 60, activity: .hearing, client: p.clients[0],
            description: "CARE implementation planning")
        expect("CARE002", t)

        // CARE003: a court report with no participant.
        p = plantStaff(20, role: "CASE_MANAGER")
        t = writeEntry(p, day, start: 540, end: 600, minutes: 60, activity: .report, client: "")
        expect("CARE003", t)

        // REF001: a claim under an NPI nobody on the roster has.
        p = plantStaff(21, role: "CERTIFIED_PEER")
        b = writeClaim(
            p, day, start: 540, end: 600, minutes: 60, activity: .peer, client: p.clients[0],
            details: ClaimDetails(npi: "1999999999", staffID: ""))
        expect("REF001", b)

        // REF002: an activity code the county's map does not have.
        p = plantStaff(22, role: "CASE_MANAGER")
        t = writeEntry(
            p, day, start: 540, end: 600, minutes: 60, activity: .documentation, client: "", code: "ZZ99",
            description: "Misc admin")
        expect("REF002", t)

        // REF003: an entry from the month before.
        p = plantStaff(23, role: "CASE_MANAGER")
        t = writeEntry(p, period.first.adding(days: -1), start: 540, end: 600, minutes: 60, activity: .data, client: "")
        expect("REF003", t)

        // INPUT001: a date that does not exist.
        p = plantStaff(24, role: "CASE_MANAGER")
        t = writeEntry(
            p, day, start: 540, end: 600, minutes: 60, activity: .data, client: "",
            dateText: dialect == .standard ? "2026-02-30" : "2/30/2026")
        expect("INPUT001", t)
    }
}
