import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files connect-tui writes: 0600 in a 0700 folder, written whole to a temporary file, synced,
/// then renamed over the old one, so a crash or SIGKILL leaves either the old file or the new
/// one, never half of either.
public enum SecureFile {
    public static func write(_ data: Data, to url: URL) throws(ConfigurationMessage) {
        let folder = url.deletingLastPathComponent()
        try makeFolder(folder)
        let temporary = try writeTemporary(data, beside: url)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ConfigurationMessage("cannot write \(url.path): \(reason)")
        }
    }

    /// Why a new file was not written.
    public enum NewFileError: Error, Sendable, Hashable {
        /// Something is there already; nothing was changed.
        case exists
        case failed(ConfigurationMessage)
    }

    /// A file handed to the user (an export): 0600, written whole, in a folder that exists and
    /// is left as it is; an existing file is replaced only when `overwrite` (otherwise the
    /// link(2) that puts it in place fails, so no race can clobber one that appeared).
    public static func writeNew(_ data: Data, to url: URL, overwrite: Bool) throws(NewFileError) {
        let temporary: URL
        do { temporary = try writeTemporary(data, beside: url) } catch { throw .failed(error) }
        defer { unlink(temporary.path) }
        let placed = overwrite ? rename(temporary.path, url.path) : link(temporary.path, url.path)
        guard placed == 0 else {
            if !overwrite, errno == EEXIST { throw .exists }
            throw .failed(ConfigurationMessage("cannot write \(url.path): \(String(cString: strerror(errno)))"))
        }
    }

    /// `data` in a new 0600 file beside `url`, synced.
    private static func writeTemporary(_ data: Data, beside url: URL) throws(ConfigurationMessage) -> URL {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        // open(2) with the mode, so the umask cannot widen it and no moment exists where the
        // file is readable by others.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw ConfigurationMessage("cannot write \(folder.path): \(String(cString: strerror(errno)))") }
        var failed = fchmod(descriptor, 0o600) != 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, !failed {
                let written = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { failed = true } else { offset += written }
            }
        }
        if fsync(descriptor) != 0 { failed = true }
        close(descriptor)
        guard !failed else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ConfigurationMessage("cannot write \(url.path): \(reason)")
        }
        return temporary
    }

    /// Reads, changes and writes a file under an exclusive lock (a `.lock` file beside it), so
    /// two writers at once both land, one after the other. A symlink is followed: its target
    /// is what changes, and the link stays a link. `edit` gets "" when there is no file yet.
    public static func update(_ url: URL, _ edit: (String) throws(ConfigurationMessage) -> String) throws(ConfigurationMessage) {
        let target = url.resolvingSymlinksInPath()
        try makeFolder(target.deletingLastPathComponent())
        let lockPath = target.path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard lock >= 0 else { throw ConfigurationMessage("cannot lock \(target.path): \(String(cString: strerror(errno)))") }
        defer { close(lock) }
        let deadline = Date().addingTimeInterval(10)
        while flock(lock, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw ConfigurationMessage("\(target.path) is locked by another connect-tui (\(lockPath)); try again")
            }
            usleep(10_000)
        }
        defer { flock(lock, LOCK_UN) }
        var old = ""
        if FileManager.default.fileExists(atPath: target.path) {
            guard let data = FileManager.default.contents(atPath: target.path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationMessage("cannot read \(target.path)")
            }
            old = text
        }
        try write(Data(try edit(old).utf8), to: target)
    }

    /// Creates a missing folder, 0700.
    static func makeFolder(_ folder: URL) throws(ConfigurationMessage) {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ConfigurationMessage("cannot create \(folder.path): \(error.localizedDescription)")
        }
    }

    /// The permission bits of a file, if it exists.
    public static func mode(of url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }
}

/// write(2), out of reach of `SecureFile.write`'s name, on Linux and macOS alike.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
