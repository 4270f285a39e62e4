import Foundation
import TOMLKit

/// A theme as a TOML file of semantic roles:
///
/// ```toml
/// [roles]
/// accent = { fg = "#0071bc", bold = true }
/// selection = { fg = "black", bg = 6 }
/// ```
///
/// Colours are names (`red`, `bright-black`, `default` = the terminal's own), palette numbers
/// 0–255 or `#rrggbb`. Roles a file leaves out come from the base theme, so a theme may change
/// only a few. Problems (an unknown role, a bad colour) are reported and that entry skipped.
public enum ThemeFile {
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    public static let colorNames: [String: Color] = {
        var names: [String: Color] = ["default": .terminalDefault]
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        for (index, name) in basic.enumerated() {
            names[name] = .basic(index)
            names["bright-\(name)"] = .basic(index + 8)
        }
        names["grey"] = .basic(8)
        names["gray"] = .basic(8)
        return names
    }()

    /// Reads a theme's text on top of `base`. Throws when the text is not TOML; returns the
    /// problems of single entries beside the theme.
    /// The largest theme file read (a theme is a few dozen lines).
    public static let maxBytes = 256 * 1024

    public static func parse(_ text: String, name: String, base: Theme = .dark) throws(Problem) -> (Theme, [Problem]) {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw Problem("theme \(name): line \(error.source.begin.line): \(error.description)")
        } catch {
            throw Problem("theme \(name): not TOML")
        }
        var theme = base
        theme.name = name
        var problems: [Problem] = []
        for key in table.keys where key != "roles" && key != "description" {
            problems.append(Problem("theme \(name): unknown key \(key) (known: description, roles)"))
        }
        guard let roles = table["roles"]?.table else {
            if table["roles"] != nil { problems.append(Problem("theme \(name): roles must be a table")) }
            return (theme, problems)
        }
        for key in roles.keys {
            guard let role = StyleRole(rawValue: key) else {
                problems.append(Problem("theme \(name): unknown role \(key)"))
                continue
            }
            guard let entry = roles[key]?.table else {
                problems.append(Problem("theme \(name): \(key) must be a table like { fg = \"red\", bold = true }"))
                continue
            }
            var style = RoleStyle()
            var valid = true
            for field in entry.keys {
                switch field {
                case "fg", "bg":
                    guard let color = color(entry[field]) else {
                        problems.append(Problem("theme \(name): \(key).\(field) is not a colour (a name, 0–255 or #rrggbb)"))
                        valid = false
                        continue
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "underline", "reverse":
                    guard let flag = entry[field]?.bool else {
                        problems.append(Problem("theme \(name): \(key).\(field) must be true or false"))
                        valid = false
                        continue
                    }
                    switch field {
                    case "bold": style.bold = flag
                    case "underline": style.underline = flag
                    default: style.reverse = flag
                    }
                default:
                    problems.append(Problem("theme \(name): \(key).\(field) is not known (fg, bg, bold, underline, reverse)"))
                }
            }
            if valid { theme.roles[role] = style }
        }
        return (theme, problems)
    }

    static func color(_ value: (any TOMLValueConvertible)?) -> Color? {
        if let number = value?.int { return (0...255).contains(number) ? (number < 16 ? .basic(number) : .indexed(number)) : nil }
        guard let text = value?.string?.lowercased() else { return nil }
        if let named = colorNames[text] { return named }
        guard text.hasPrefix("#"), text.count == 7, let rgb = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return .rgb(UInt8(rgb >> 16 & 0xff), UInt8(rgb >> 8 & 0xff), UInt8(rgb & 0xff))
    }
}

/// Where themes are found: the user's folder first, then the shipped ones.
public struct ThemeCatalog: Sendable {
    public let folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// The theme named (or at the path given), with problems to report; nil with the reason
    /// when there is no such theme.
    public func load(_ nameOrPath: String) -> Result<(Theme, [ThemeFile.Problem]), ThemeFile.Problem> {
        let candidates: [URL]
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            candidates = [URL(fileURLWithPath: nameOrPath)]
        } else {
            candidates = folders.map { $0.appendingPathComponent("\(nameOrPath).toml") }
        }
        for file in candidates {
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? nil
            if let size, size > ThemeFile.maxBytes {
                return .failure(ThemeFile.Problem("theme \(file.path) is larger than \(ThemeFile.maxBytes / 1024) KiB; a theme is a few lines"))
            }
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            guard let text = String(data: data, encoding: .utf8) else { return .failure(ThemeFile.Problem("theme \(file.path) is not UTF-8 text")) }
            let name = file.deletingPathExtension().lastPathComponent
            do { return .success(try ThemeFile.parse(text, name: name)) } catch { return .failure(error) }
        }
        let searched = folders.map(\.path).joined(separator: ", ")
        return .failure(ThemeFile.Problem("no theme \(nameOrPath)" + (candidates.count > 1 ? " in \(searched)" : "")))
    }

    /// The names of every theme found, for messages.
    public var names: [String] {
        let all = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(all)).sorted()
    }
}
