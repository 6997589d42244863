import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reduces text to the form licence phrases are compared in: compatibility decomposition, no
/// accents, lowercase, and every run of characters other than ASCII letters and digits turned into
/// one space. Punctuation, Markdown markup, quotes, bullets and line wrapping then no longer matter.
/// The result is plain ASCII, so it is searched as bytes.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// The normalised text as ASCII bytes.
    public static func normalizedBytes(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            let byte: UInt8? = switch value {
            case 0x61...0x7A, 0x30...0x39: UInt8(value)
            case 0x41...0x5A: UInt8(value + 0x20)
            default: nil
            }
            if let byte {
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingSpace = true
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                emit(scalar)
            } else {
                // Only non-ASCII characters pay for decomposition: é → e + ◌́, ﬁ → f i.
                for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars { emit(part) }
            }
        }
        return output
    }
}

/// True when `needle` occurs in `haystack`: memchr to the next candidate first byte, then memcmp
/// (fast on long licence texts; memmem is a GNU extension Swift does not import).
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { hay in
        needle.withUnsafeBufferPointer { pin in
            guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return false }
            var offset = 0
            let lastStart = hay.count - pin.count
            while offset <= lastStart {
                guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return false }
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + position, pinBase, pin.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }
}
