import Foundation

/// Everything a county can adjust, with the defaults in one place (`Configuration()`).
/// Loaded from `care-audit.yml` (version 1); `care-audit config` prints the effective values.
public struct Configuration: Sendable, Equatable {
    package var version = 1
    /// The file it was read from; nil: the built-in defaults (reports say which).
    public var source: String?
    /// The audit period; `--period` on the command line wins.
    public var period: Period?
    package var input = InputSettings()
    /// Per input kind: header as written in the export → canonical field.
    package var columns: [InputKind: [String: String]] = [:]
    package var care = CareSettings()
    /// The county's time zone: durations and overlaps on the nights clocks change (DOMAIN.md §8).
    package var localTime = LocalTime.losAngeles
    package var classification = ClassificationSettings.defaults
    package var billing = BillingSettings()
    /// Per rule id: overrides of `enabled`, `severity` and options.
    package var rules: [String: RuleSettings] = [:]

    public init() {}

    package struct InputSettings: Sendable, Equatable {
        /// The delimiter of every file; nil: each file's is detected (`,` unless another splits
        /// its first records evenly).
        package var delimiter: UInt8?
        /// The encoding of every file; nil: each file's is detected (UTF-8, else Windows-1252).
        package var encoding: TextEncoding?
        /// Choices for one file (`--encoding roster.csv=utf-8`), by its path as given or its name:
        /// they win over the settings for every file and over detection.
        package var perFile: [String: FileDialect] = [:]
        package var maxFieldBytes = 1 << 20
        package var maxRecordBytes = 16 << 20
        package var maxFields = 100_000
        /// Most bytes read from a pipe, FIFO or device (a file has its size; a stream could
        /// never end).
        package var maxStreamBytes = 2 << 30

        package struct FileDialect: Sendable, Equatable {
            package var delimiter: UInt8?
            package var encoding: TextEncoding?
            package init(delimiter: UInt8? = nil, encoding: TextEncoding? = nil) {
                self.delimiter = delimiter
                self.encoding = encoding
            }
        }

        /// The dialect for files nothing was detected in: the settings, else `,` and UTF-8.
        package var dialect: CSVDialect {
            CSVDialect(
                delimiter: delimiter ?? UInt8(ascii: ","), encoding: encoding ?? .utf8, maxFieldBytes: maxFieldBytes,
                maxRecordBytes: maxRecordBytes, maxFields: maxFields)
        }

        /// What was chosen for `path`: its own entry, else the settings for every file.
        package func chosen(for path: String) -> FileDialect {
            let own = perFile[path] ?? perFile[(path as NSString).lastPathComponent]
            return FileDialect(delimiter: own?.delimiter ?? delimiter, encoding: own?.encoding ?? encoding)
        }

        /// The dialect `path` is read in: what was chosen, else what its first bytes say.
        func dialect(for path: String, sniffed: ExportSniffer.Sniffed) -> CSVDialect {
            let chosen = chosen(for: path)
            var dialect = self.dialect
            dialect.delimiter = chosen.delimiter ?? sniffed.delimiter ?? UInt8(ascii: ",")
            dialect.encoding = chosen.encoding ?? sniffed.encoding ?? .utf8
            return dialect
        }
    }

    package struct CareSettings: Sendable, Equatable {
        /// DHCS's hourly rate for CARE administrative time. No value is published, so the default
        /// is 0.00 and reports then show minutes only (DOMAIN.md §1).
        package var hourlyRate = Money.zero
        /// The CARE activity that ancillary time (meetings, supervision, prep) is claimed under when
        /// its description names none.
        package var defaultAncillaryCategory = ClaimingCategory.careCourtHearing
    }

    package struct BillingSettings: Sendable, Equatable {
        /// Codes only certified peer support specialists may bill (H0038 peer services, H0025
        /// peer-led prevention education).
        package var peerCodes = ["H0038", "H0025"]
        /// How minutes become units, per procedure code; codes not listed are not checked.
        package var unitRules: [String: UnitRule] = ["H0038": .per15, "H0025": .per15]
        /// Most units per participant, code and day (none by default; one plan caps H0038 at 16).
        package var dailyUnitCaps: [String: Int] = [:]
        /// The peer specialist taxonomy (PEER003 compares against it).
        package var peerTaxonomy = "175T00000X"
        /// Modifiers that mark a group service (HQ: "group setting").
        package var groupModifiers = ["HQ"]
        /// Procedure codes that are group services (H0025 peer-led groups, 90853 group therapy).
        package var groupCodes = ["H0025", "90853"]
        /// What a group line's minutes are: the session's (`full`, as SmartCare pushes them) or
        /// the session's share per participant (`prorated`, as older claiming systems divided
        /// them). No current DHCS source fixes it (DOMAIN.md §3).
        package var groupMinutes = GroupMinutes.full
    }

    /// How a group session's minutes appear on each participant's line.
    package enum GroupMinutes: String, Sendable, CaseIterable {
        case full
        case prorated
    }

    package struct RuleSettings: Sendable, Equatable {
        package var enabled: Bool?
        package var severity: Severity?
        package var options: [String: String] = [:]

        package init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: String] = [:]) {
            self.enabled = enabled
            self.severity = severity
            self.options = options
        }
    }
}

/// How billed minutes become units.
package enum UnitRule: String, Sendable, CaseIterable, Equatable {
    /// SmartCare's "per 15 (7/7)": units = (minutes + 7) / 15; 7 minutes or less is 0 units.
    case per15 = "per15"
    /// One unit per encounter, whatever its length.
    case perEncounter = "per_encounter"

    package func units(forMinutes minutes: Int) -> Int {
        switch self {
        case .per15: (minutes + 7) / 15
        case .perEncounter: minutes > 0 ? 1 : 0
        }
    }
}

/// The mappings that turn an activity into a claiming category, in the order they are tried.
package struct ClassificationSettings: Sendable, Equatable {
    /// Activity code → category (and ancillary); exact, case-insensitive.
    package var activityCodes: [String: CodeMapping] = [:]
    /// Description patterns, first match wins.
    package var descriptions: [DescriptionPattern] = []
    /// Phrases that mark CARE ancillary time (a team meeting, supervision, preparation).
    package var ancillary: [AncillaryPattern] = []
    /// Pay codes that mean paid time off.
    package var leavePayCodes: [String] = ClassificationSettings.defaultLeavePayCodes
    /// Procedure codes that are CARE activities (not billable services) when they appear on a
    /// claim line; the activity codes mapped to CARE categories count too.
    package var careProcedureCodes: [String] = []

    package struct CodeMapping: Sendable, Equatable {
        package var category: ClaimingCategory
        package var ancillary: Ancillary?

        package init(category: ClaimingCategory, ancillary: Ancillary? = nil) {
            self.category = category
            self.ancillary = ancillary
        }
    }

    /// Keywords (any of them, case-insensitive, as whole words or phrases) or a regular expression.
    package struct DescriptionPattern: Sendable, Equatable {
        package var keywords: [String]
        package var regex: String?
        package var category: ClaimingCategory
        package var ancillary: Ancillary?

        package init(keywords: [String] = [], regex: String? = nil, category: ClaimingCategory, ancillary: Ancillary? = nil) {
            self.keywords = keywords
            self.regex = regex
            self.category = category
            self.ancillary = ancillary
        }
    }

    package struct AncillaryPattern: Sendable, Equatable {
        package var keywords: [String]
        package var ancillary: Ancillary
    }

    /// Pay codes that mean paid time off, as county payroll systems (UKG/Kronos, Workday, ADP)
    /// name them; matched like headers, ignoring case, spaces and punctuation.
    package static let defaultLeavePayCodes = [
        "PTO", "SICK", "HOL", "VAC", "Vacation", "Holiday", "Floating Holiday", "Sick", "Sick Leave", "Paid Time Off",
        "Personal Leave", "Bereavement", "Jury Duty", "Administrative Leave", "Admin Leave", "Military Leave", "FMLA",
        "Family Leave", "Comp Time Taken",
    ]

    /// Plain-English defaults: what county timesheets usually say.
    package static let defaults = ClassificationSettings(
        activityCodes: [:],
        descriptions: [
            DescriptionPattern(keywords: ["court report", "report to the court", "report for court"], category: .careCourtReport),
            DescriptionPattern(keywords: ["court hearing", "care hearing", "hearing", "care court"], category: .careCourtHearing),
            DescriptionPattern(
                keywords: [
                    "legal notice", "notice", "service of process", "serve notice", "served notice",
                    "serving notice", "notice of hearing", "notice of care hearing", "notice of the hearing",
                ],
                category: .careNotice),
            DescriptionPattern(keywords: ["data reporting", "data collection", "care data", "reporting"], category: .careDataReporting),
            DescriptionPattern(keywords: ["outreach", "engagement"], category: .careOutreach),
            DescriptionPattern(
                keywords: ["implementation", "policy", "policies", "stakeholder", "build forms", "building forms", "form design"],
                category: .careImplementation),
            DescriptionPattern(
                keywords: [
                    "peer support", "therapy", "psychotherapy", "counseling", "counselling",
                    "skill building", "skills group", "crisis intervention", "case management session",
                ],
                category: .directService),
            DescriptionPattern(keywords: ["pto", "paid time off", "vacation", "sick", "holiday", "bereavement"], category: .leave),
            DescriptionPattern(
                keywords: [
                    "documentation", "charting", "progress note", "training", "administration",
                    "admin", "email", "staff meeting", "general",
                ],
                category: .nonClaimable),
        ],
        ancillary: [
            AncillaryPattern(
                keywords: ["team meeting", "case conference", "care team", "huddle", "internal meeting"],
                ancillary: .internalMeeting),
            AncillaryPattern(keywords: ["supervision", "supervisory", "supervising"], ancillary: .supervision),
            AncillaryPattern(keywords: ["prep for", "prep:", "preparation for", "prepare for", "preparing for"], ancillary: .prep),
        ],
        leavePayCodes: defaultLeavePayCodes,
        careProcedureCodes: []
    )
}
