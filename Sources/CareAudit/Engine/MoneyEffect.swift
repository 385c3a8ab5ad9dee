/// What a finding does to the money (docs/MONEY.md), in exactly one of three totals that never
/// mix: CARE minutes that must come off the invoice, claim-line dollars that may have to be voided
/// or corrected, and CARE minutes that may have to come off once a person has looked. Each part
/// names one record, so `Invoice` can count a record once however many findings name it.
package struct MoneyEffect: Sendable, Equatable {
    package enum Total: String, Sendable, CaseIterable {
        /// CARE minutes (and dollars at the rate) deducted from the invoice.
        case invoiceAdjustment = "invoice_adjustment"
        /// Billed dollars of claim lines that may have to be voided or corrected.
        case billingExposure = "billing_exposure"
        /// CARE minutes that may have to come off the invoice after review; not deducted.
        case pendingReview = "pending_review"

        package var label: String {
            switch self {
            case .invoiceAdjustment: "invoice adjustment"
            case .billingExposure: "billing exposure"
            case .pendingReview: "pending review"
            }
        }
    }

    /// The finding's effect on one record.
    package struct Part: Sendable, Equatable {
        package let record: SourceRef
        /// The staff member the record's time is for (the per-staff worksheet).
        package let staffID: String?
        package let day: Day
        /// A timesheet entry's category; nil for a claim line.
        package let category: ClaimingCategory?
        /// CARE minutes affected (invoice and pending review), or the line's billed minutes.
        package let minutes: Int
        /// All of the record's own minutes: no total takes more than this from it.
        package let recordMinutes: Int
        /// The minutes at the CARE rate, or the line's dollars at stake.
        package let amount: Money
    }

    package var total: Total
    package var parts: [Part]

    package var minutes: Int { parts.reduce(0) { $0 + $1.minutes } }
    package var amount: Money { parts.reduce(.zero) { $0 + $1.amount } }
}

extension AuditContext {
    /// CARE minutes of entries to take off the invoice (`pieces`: entry and minutes; entries
    /// that are not CARE-claimable or lose nothing are left out).
    func invoiceAdjustment(_ pieces: [(TimeEntry, Int)]) -> MoneyEffect? {
        careEffect(.invoiceAdjustment, pieces)
    }

    /// CARE minutes of entries that may have to come off after review.
    func pendingReview(_ pieces: [(TimeEntry, Int)]) -> MoneyEffect? {
        careEffect(.pendingReview, pieces)
    }

    /// `minutes` spread over `entries` in the order given, each taking at most its own minutes:
    /// the CARE minutes a day-level finding (more claimed than worked) puts in question.
    func spread(_ minutes: Int, over entries: [TimeEntry]) -> [(TimeEntry, Int)] {
        var left = minutes
        return entries.compactMap { entry in
            let take = min(entry.minutes, left)
            left -= take
            return take > 0 ? (entry, take) : nil
        }
    }

    private func careEffect(_ total: MoneyEffect.Total, _ pieces: [(TimeEntry, Int)]) -> MoneyEffect? {
        let parts = pieces.compactMap { entry, minutes -> MoneyEffect.Part? in
            guard entry.category.isCareClaimable, minutes > 0 else { return nil }
            return MoneyEffect.Part(
                record: source(entry), staffID: texts[entry.staffID], day: entry.date,
                category: entry.category, minutes: minutes, recordMinutes: entry.minutes,
                amount: careAmount(minutes: minutes))
        }
        return parts.isEmpty ? nil : MoneyEffect(total: total, parts: parts)
    }

    /// Billed dollars of lines that may have to be voided or corrected (`pieces`: line and its
    /// dollars at stake, nil for the whole billed amount); lines without an amount are left out.
    func billingExposure(_ pieces: [(BillingLine, Money?)]) -> MoneyEffect? {
        let parts = pieces.compactMap { line, amount -> MoneyEffect.Part? in
            guard let dollars = amount ?? line.billedAmount, dollars.cents > 0 else { return nil }
            let minutes = billedMinutes(line) ?? 0
            return MoneyEffect.Part(
                record: source(line), staffID: nil, day: line.serviceDate, category: nil,
                minutes: minutes, recordMinutes: minutes, amount: dollars)
        }
        return parts.isEmpty ? nil : MoneyEffect(total: .billingExposure, parts: parts)
    }
}
