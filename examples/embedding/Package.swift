// swift-tools-version:6.0
// A program that embeds care-audit's library: it sees only the library's public API (what a
// package outside this repository sees), so building it checks that API is enough.
import PackageDescription

let package = Package(
    name: "audit-month",
    dependencies: [.package(name: "care-audit", path: "../..")],
    targets: [
        .executableTarget(name: "audit-month", dependencies: [.product(name: "CareAudit", package: "care-audit")])
    ]
)
