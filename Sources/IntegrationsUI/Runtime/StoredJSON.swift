import ConnectCore
import Foundation

/// A value kept in a JSON file of its own (a draft, what is remembered of an account): read
/// back, or set aside when it cannot be read, never deleted; written 0600 and atomically.
enum StoredJSON {
    enum Read<Value> {
        case missing
        case read(Value)
        /// The file could not be read as a `Value`; it now sits at this path.
        case setAside(URL)
    }

    static func read<Value: Decodable>(_ type: Value.Type, at file: URL) -> Read<Value> {
        guard let data = try? Data(contentsOf: file) else { return .missing }
        guard let value = try? JSONDecoder().decode(Value.self, from: data) else {
            let aside = file.appendingPathExtension("unreadable")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: file, to: aside)
            return .setAside(aside)
        }
        return .read(value)
    }

    static func write<Value: Encodable>(_ value: Value, to file: URL) throws(ConfigurationMessage) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { throw ConfigurationMessage("\(file.lastPathComponent) could not be encoded") }
        try SecureFile.write(data, to: file)
    }
}
