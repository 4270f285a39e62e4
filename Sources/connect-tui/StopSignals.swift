import Dispatch
import Foundation

/// Runs `stop` on SIGINT or SIGTERM instead of dying, so servers shut down cleanly.
struct StopSignals: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    static func install(_ stop: @escaping @Sendable () -> Void) -> StopSignals {
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
        return StopSignals(sources: sources)
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
