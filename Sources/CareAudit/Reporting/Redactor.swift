internal import Crypto
import Foundation

/// Replaces participant ids (protected health information) with a stable keyed hash, so
/// reports can leave the finance team. The same id and key always give the same token, so
/// findings about one participant still line up across reports made with the same key.
package struct Redactor: Sendable {
    private let key: SymmetricKey

    package init(key: String) {
        self.key = SymmetricKey(data: Data(key.utf8))
    }

    /// A random key for one run (tokens then match only within that run).
    package static func randomKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// `P-` and 10 hex digits of HMAC-SHA256(key, id).
    package func token(_ participant: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(participant.utf8), using: key)
        return "P-" + mac.prefix(5).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    package func redact(_ finding: Finding) -> Finding {
        var copy = finding
        // Longest first, so an id that contains another is replaced whole.
        for id in finding.participantIDs.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            copy.message = copy.message.replacingOccurrences(of: id, with: token(id))
        }
        copy.participantIDs = finding.participantIDs.map { $0.isEmpty ? $0 : token($0) }
        copy.message = Self.withholding(finding.withheld, in: copy.message)
        copy.withheld = []
        return copy
    }

    /// `message` with each of `texts`, where it is quoted ("…"), replaced by `[withheld]`:
    /// free text and cells quoted from a file may hold a participant id anywhere.
    package static func withholding(_ texts: [String], in message: String) -> String {
        var message = message
        for text in Set(texts).sorted(by: { ($0.count, $0) > ($1.count, $1) }) where !text.isEmpty {
            message = message.replacingOccurrences(of: "\"\(text)\"", with: "[withheld]")
        }
        return message
    }
}
