import VigieCore

/// Builds the `JSONValue` of an `Encodable` value directly, as `JSONEncoder` then `JSONDecoder`
/// would give it, without writing JSON text and parsing it back.
///
/// The round trip cost 60 M instructions of a 845 M self audit (callgrind): `JSONValue`'s decoder
/// tries each kind in turn, and every wrong guess builds a `DecodingError` with its coding path and
/// description. What the round trip did to numbers is kept, so scorecards stay byte-identical: a
/// `Double` with an integral value came back as an `Int` (JSON has one number type).
struct JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let box = ValueBox()
        try value.encode(to: ValueEncoder(box: box, codingPath: []))
        return box.resolved()
    }
}

/// Where a container writes its value: the encoder owns one box per level, and the parent reads
/// it back when building its array or object.
private final class ValueBox {
    var value: JSONValue?
    var object: [String: ValueBox]?
    var array: [ValueBox]?

    /// The value this level ended with: a keyed or unkeyed container's children, or a single value.
    func resolved() -> JSONValue {
        if let object { return .object(object.mapValues { $0.resolved() }) }
        if let array { return .array(array.map { $0.resolved() }) }
        return value ?? .null
    }
}

private struct ValueEncoder: Encoder {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if box.object == nil { box.object = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if box.array == nil { box.array = [] }
        return UnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(box: box, codingPath: codingPath)
    }
}

/// The value of a leaf, as the JSON text round trip gave it.
private func leaf(_ value: some Encodable, codingPath: [any CodingKey]) throws -> JSONValue {
    switch value {
    case let flag as Bool: return .bool(flag)
    case let text as String: return .string(text)
    case let number as Int: return .int(number)
    case let number as Int8: return .int(Int(number))
    case let number as Int16: return .int(Int(number))
    case let number as Int32: return .int(Int(number))
    case let number as Int64: return .int(Int(number))
    case let number as UInt8: return .int(Int(number))
    case let number as UInt16: return .int(Int(number))
    case let number as UInt32: return .int(Int(number))
    case let number as UInt: return try unsigned(UInt64(number), codingPath: codingPath)
    case let number as UInt64: return try unsigned(number, codingPath: codingPath)
    case let number as Double: return try real(number, codingPath: codingPath)
    case let number as Float: return try real(Double(number), codingPath: codingPath)
    case let json as JSONValue: return try readBack(json, codingPath: codingPath)
    default:
        let box = ValueBox()
        try value.encode(to: ValueEncoder(box: box, codingPath: codingPath))
        return box.resolved()
    }
}

private func unsigned(_ number: UInt64, codingPath: [any CodingKey]) throws -> JSONValue {
    guard let value = Int(exactly: number) else {
        throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "\(number) does not fit a JSON integer here"))
    }
    return .int(value)
}

/// A `JSONValue` (the facts) as the text round trip gave it back: its integral doubles as integers.
private func readBack(_ value: JSONValue, codingPath: [any CodingKey]) throws -> JSONValue {
    switch value {
    case .double(let number): return try real(number, codingPath: codingPath)
    case .array(let items): return .array(try items.map { try readBack($0, codingPath: codingPath) })
    case .object(let members): return .object(try members.mapValues { try readBack($0, codingPath: codingPath) })
    case .null, .bool, .int, .string: return value
    }
}

/// `JSONEncoder` refuses non-finite numbers (its default strategy); an integral value read back
/// from JSON text is an integer.
private func real(_ number: Double, codingPath: [any CodingKey]) throws -> JSONValue {
    guard number.isFinite else {
        throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "\(number) is not valid JSON"))
    }
    if number == number.rounded(), abs(number) < 9.007_199_254_740_992e15, let integer = Int(exactly: number) { return .int(integer) }
    return .double(number)
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ValueBox
    let codingPath: [any CodingKey]

    private func child(_ key: Key) -> ValueBox {
        let child = ValueBox()
        box.object![key.stringValue] = child
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).value = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let target = child(key)
        target.value = try leaf(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ValueEncoder(box: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ValueEncoder(box: child(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        ValueEncoder(box: child(Key(stringValue: "super")!), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ValueEncoder(box: child(key), codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String
    init(_ index: Int) { intValue = index; stringValue = "Index \(index)" }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]
    var count: Int { box.array!.count }

    private func next() -> ValueBox {
        let child = ValueBox()
        box.array!.append(child)
        return child
    }

    mutating func encodeNil() throws { next().value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = IndexKey(count)
        let target = next()
        target.value = try leaf(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let key = IndexKey(count)
        return ValueEncoder(box: next(), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = IndexKey(count)
        return ValueEncoder(box: next(), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let key = IndexKey(count)
        return ValueEncoder(box: next(), codingPath: codingPath + [key])
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let box: ValueBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.value = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.value = try leaf(value, codingPath: codingPath)
    }
}
