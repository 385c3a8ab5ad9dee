// swift-tools-version:6.0
import PackageDescription

/// One set of compiler settings for every target, so the whole package builds the same way.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "care-audit",
    products: [
        .executable(name: "care-audit", targets: ["care-audit"]),
        .executable(name: "care-audit-synth", targets: ["care-audit-synth"]),
        .library(name: "CareAudit", targets: ["CareAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        .systemLibrary(
            name: "CLibXlsxWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "CareAudit",
            dependencies: [
                "CLibCSV",
                "CLibXlsxWriter",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            // Release builds skip dynamic exclusivity checks: they cost ~5% of reading (a TLS
            // lookup per access to the typers' tables). Debug builds, and so the tests, keep them.
            swiftSettings: swiftSettings + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(
            name: "CareAuditCLI",
            dependencies: [
                "CareAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "care-audit",
            dependencies: ["CareAuditCLI"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "care-audit-synth",
            dependencies: [
                "CareAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "care-audit-fuzz",
            dependencies: ["CareAudit"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "care-audit-bench",
            dependencies: ["CareAudit", "CLibCSV"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CareAuditTests",
            dependencies: ["CareAudit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CareAuditCLITests",
            dependencies: ["CareAudit", "CareAuditCLI", "care-audit", "care-audit-synth"],
            swiftSettings: swiftSettings
        ),
    ]
)
