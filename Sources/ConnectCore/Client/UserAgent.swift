import Foundation

/// The `User-Agent` the official tools use: `<tool>/<version> <runtime>/<version> <OS>/<release>`.
public enum UserAgent {
    /// This build's version of connect-tui.
    public static let appVersion = "0.1.0"

    public static func make(
        appVersion: String, swiftVersion: String, system: String, release: String
    ) -> String {
        "connect-tui/\(appVersion) Swift/\(swiftVersion) \(system)/\(release)"
    }

    /// The User-Agent of this process.
    public static var current: String {
        let (system, release) = operatingSystem()
        return make(
            appVersion: appVersion, swiftVersion: swiftVersion, system: system, release: release)
    }

    /// The language version the binary was compiled with.
    static var swiftVersion: String {
        #if swift(>=6.5)
            "6.5"
        #elseif swift(>=6.4)
            "6.4"
        #elseif swift(>=6.3)
            "6.3"
        #elseif swift(>=6.2)
            "6.2"
        #elseif swift(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }

    private static func operatingSystem() -> (String, String) {
        var info = utsname()
        guard uname(&info) == 0 else { return ("Unknown", "0") }
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        return (field(info.sysname), field(info.release))
    }
}
