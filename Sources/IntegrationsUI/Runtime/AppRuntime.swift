import ConnectCore
import Foundation
import Synchronization
import TerminalKit
import TokenWizard

/// Runs the app: reads keys, feeds actions to the reducer, performs its effects with the
/// Connect client, and draws. The loop itself never waits on the network: effects run as
/// tasks and their answers come back through the mailbox, so input always stays live.
public final class AppRuntime {
    let terminal: any Terminal
    /// The account's client; replaced when the user switches accounts.
    private(set) var client: ConnectClient
    /// Connects to another account (reads its key, or starts the sandbox).
    private let connect: Connector?
    let clipboard: Clipboard
    private let draftFile: DraftFile?
    /// The file of the draft offered at start, deleted once it is answered.
    private var offeredDraftFile: URL?
    /// What could not be shown before the terminal was given back (a draft that could not be
    /// saved); the caller prints these after closing the terminal.
    public private(set) var exitMessages: [String] = []
    /// A stop signal that arrived, if any (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
    private let takeSignal: () -> Int32?
    private let mailbox: Mailbox
    let makeUUID: @Sendable () -> UUID
    let clock: @Sendable () -> Date
    let memoryFile: MemoryFile?
    /// Each list's load under way: a newer one, `Esc`, a switch or quitting stops it.
    var listLoads: [ListID: Task<Void, Never>] = [:]
    /// The secret copied last, to compare with the clipboard before clearing it (the state
    /// holds when; the secret itself never enters the state).
    var copiedSecret: Secret?
    /// A question appeared; input that came before it is drawn is thrown away.
    private var discardInputAfterDraw = false
    public private(set) var state: AppState

    /// Makes a client for an account; nil when the setup allows no switching (tests).
    public typealias Connector = @Sendable (AccountChoice) async throws(ConfigurationMessage) -> (ConnectClient, Connection)

    /// What the app starts with beyond the account: the setup (for the state) and what the
    /// runtime itself needs from outside.
    public struct Settings: Sendable {
        public var setup = AppSetup()
        public var connect: Connector?
        /// Where the markers of creates come from (random ids; fixed in tests).
        public var makeUUID: @Sendable () -> UUID
        /// Where what the app remembers of each account lives (nil: nothing is remembered).
        public var memoryFile: MemoryFile?
        /// The time now (fixed or stepped in tests).
        public var clock: @Sendable () -> Date

        /// The clock and the source of random ids come from outside: the runtime reads neither.
        public init(clock: @escaping @Sendable () -> Date, makeUUID: @escaping @Sendable () -> UUID) {
            self.clock = clock
            self.makeUUID = makeUUID
        }
    }

    /// Messages from effect tasks to the loop.
    enum Message: Sendable {
        /// Another account is connected: its client, for the loop to take.
        case switched(AccountChoice, ConnectClient, Connection)
        case action(AppAction)
        /// A key ready to copy: the OSC 52 write must happen on the loop's thread.
        case copy(Secret, what: String, native: String?, isSecret: Bool)
        /// A copied secret's time ran out and the clipboard was checked.
        case clipboardCleared(Clipboard.ClearOutcome)
    }

    /// Answers waiting for the loop, and how many effect tasks are still running.
    final class Mailbox: Sendable {
        private let messages = Mutex<[Message]>([])
        private let running = Mutex(0)
        /// Wakes the loop's wait for a key, so an answer is shown at once.
        private let wake: (@Sendable () -> Void)?

        init(wake: (@Sendable () -> Void)?) { self.wake = wake }

        func post(_ message: Message) {
            messages.withLock { $0.append(message) }
            wake?()
        }
        func drain() -> [Message] { messages.withLock { all in defer { all.removeAll() }; return all } }
        func started() { running.withLock { $0 += 1 } }
        func finished() { running.withLock { $0 -= 1 } }
        var isIdle: Bool { running.withLock { $0 == 0 } }
    }

    public init(
        terminal: any Terminal, client: ConnectClient, connection: Connection, clipboard: Clipboard,
        timeZone: TimeZone = .current, draftFile: DraftFile? = nil, settings: Settings,
        takeSignal: @escaping () -> Int32? = { nil }
    ) {
        self.draftFile = draftFile
        mailbox = Mailbox(wake: terminal.waker)
        connect = settings.connect
        makeUUID = settings.makeUUID
        clock = settings.clock
        memoryFile = settings.memoryFile
        self.terminal = terminal
        self.client = client
        self.clipboard = clipboard
        self.takeSignal = takeSignal
        state = AppState(size: terminal.size, connection: connection, timeZone: timeZone, setup: settings.setup, now: settings.clock())
    }

    /// Runs until the user quits or a stop signal arrives.
    public func run() {
        perform(AppReducer.start(&state))
        recall()
        switch draftFile?.load(account: DraftFile.account(of: client)) {
        case .draft(let draft, let file)?:
            offeredDraftFile = file
            dispatch(.draftFound(draft))
        case .unreadable(let keptAt)?: dispatch(.draftUnreadable(keptAt.path))
        case .none?, nil: break
        }
        var shown: Screen?
        while !state.quitting {
            let screen = AppView.render(state)
            if screen != shown {
                terminal.draw(screen)
                shown = screen
            }
            if discardInputAfterDraw {
                // The question is on screen now: only keys pressed from here answer it.
                discardInputAfterDraw = false
                terminal.discardPendingInput()
            }
            if takeSignal() != nil {
                dispatch(.stopSignal)
                break
            }
            if let key = terminal.readKey(timeoutMilliseconds: 80) {
                if key == .resize { dispatch(.resized(terminal.size)) }
                dispatch(.key(key, now: clock()))
            } else {
                dispatch(.tick(clock()))
            }
            for message in mailbox.drain() { receive(message) }
        }
        stopListLoads()
        memoryFile?.save(state.memory, account: DraftFile.account(of: client))
        saveUnfinishedWizard()
        clearCopiedSecretBeforeExit()
    }

    /// What an earlier run remembered of the account in use, as an action.
    private func recall() {
        switch memoryFile?.load(account: DraftFile.account(of: client)) {
        case .read(let memory)?: dispatch(.remembered(memory))
        case .setAside(let keptAt)?: dispatch(.rememberedUnreadable(keptAt.path))
        case .missing?, nil: break
        }
    }

    /// Keeps an unfinished wizard for the next start on this account (quit, SIGTERM, SIGHUP
    /// all end here, and a CREATE is written ahead before it is sent, so even SIGKILL leaves
    /// its claim behind); a draft that cannot be written is said, not dropped silently. With
    /// nothing unfinished, this instance's file goes.
    public func saveUnfinishedWizard() {
        guard let draftFile else { return }
        guard var draft = state.wizard?.machine.draft else {
            draftFile.delete(draftFile.url)
            return
        }
        draft.account = DraftFile.account(of: client)
        do {
            try draftFile.save(draft)
        } catch {
            exitMessages.append("the unfinished token \"\(SafeText.visible(draft.input.general.name))\" could not be saved for next time: \(error.description)")
        }
    }

    /// Applies one action now (tests drive the runtime with this).
    public func dispatch(_ action: AppAction) {
        perform(AppReducer.reduce(&state, action))
    }

    /// Waits for effect answers and applies them; for tests, which have no loop. Returns
    /// false when answers were still pending at the deadline.
    @discardableResult
    public func settle(timeout: Duration = .seconds(60)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // Tasks post before they finish: idle first, then drain, loses nothing.
            let idle = mailbox.isIdle
            let messages = mailbox.drain()
            if messages.isEmpty, idle { return true }
            for message in messages { receive(message) }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// Takes an answer on the loop's thread: terminal writes happen here, everything else
    /// is an action for the reducer.
    private func receive(_ message: Message) {
        switch message {
        case .action(let action):
            dispatch(action)
        case .switched(let choice, let client, let connection):
            stopListLoads()
            memoryFile?.save(state.memory, account: DraftFile.account(of: self.client))
            self.client = client
            dispatch(.accountSwitched(choice, .success(connection)))
            recall()
        case .clipboardCleared(let outcome):
            guard case .cleared(let sequence) = outcome else { return }
            if let sequence { terminal.sendControlSequence(sequence) }
            dispatch(.clipboardCleared)
        case .copy(let secret, let what, let native, let isSecret):
            let sequence = clipboard.osc52(secret.unmaskedValue)
            if let sequence { terminal.sendControlSequence(sequence) }
            let outcome: CopyOutcome
            if sequence == nil, native == nil {
                outcome = clipboard.mode == .off ? .copyingOff : .tooLong
            } else {
                outcome = .copied(osc52: sequence != nil, tool: native, secret: isSecret)
                if isSecret { copiedSecret = secret }
            }
            dispatch(.copied(what: what, outcome))
        }
    }

    /// Starts a task whose answer comes back through the mailbox.
    @discardableResult
    func spawn(_ work: @escaping @Sendable () async -> Message?) -> Task<Void, Never> {
        let mailbox = self.mailbox
        mailbox.started()
        return Task.detached {
            if let message = await work() { mailbox.post(message) }
            mailbox.finished()
        }
    }

    /// Performs effects as the reducer would have asked for them (tests).
    func perform(testing effects: [AppEffect]) { perform(effects) }

    /// Interprets the reducer's effects: each is handed to its feature's code (the files
    /// `AppRuntime+…`); none of them changes the state here: answers come back as actions.
    private func perform(_ effects: [AppEffect]) {
        for effect in effects {
            switch effect {
            case .loadAccount: loadAccount()
            case .loadList(let list, let loadID, let query, let page): loadList(list, loadID: loadID, query, page)
            case .cancelListLoad(let list): listLoads[list]?.cancel()
            case .readAhead(let list, let query, let page, let generation): readAhead(list, query, page, generation: generation)
            case .loadModules: request({ client throws(ConnectError) in try await Self.modules(client) }) { result in .modulesLoaded(result) }
            case .loadExtensions: request({ client throws(ConnectError) in try await client.listExtensions(page: PageRequest(limit: 1000)).items }) { result in .extensionsLoaded(result) }
            case .loadToken(let id): request({ client throws(ConnectError) in try await client.token(id: id) }) { result in .tokenLoaded(result) }
            case .loadExtension(let id): loadExtension(id)
            case .countTokens(let extensionID): countTokens(extensionID)
            case .perform(.token(let action), let id): perform(action, tokenID: id)
            case .perform(.webhook(let action), let id): perform(action, webhookID: id)
            case .copyAPIKey(let tokenID): copyAPIKey(tokenID)
            case .copyText(let text, let what): copyText(text, what: what)
            case .copyJWTSecret(let id): copyJWTSecret(id)
            case .clearCopiedSecret: clearCopiedSecret()
            case .exportKey(let tokenID, let format, let target): exportKey(tokenID, format, to: target)
            case .checkKey(let tokenID): checkKey(tokenID)
            case .loadWebhook(let id): request({ client throws(ConnectError) in try await client.webhook(id: id) }) { result in .webhookLoaded(result) }
            case .webhookForm(let effect): performWebhookForm(effect)
            case .wizard(let effect): performWizard(effect)
            case .editForm(let effect): performEdit(effect)
            case .switchAccount(let choice): switchAccount(choice)
            case .deleteDraft:
                if let file = offeredDraftFile { draftFile?.delete(file) }
                offeredDraftFile = nil
                if let own = draftFile?.url { draftFile?.delete(own) }
            case .discardPendingInput:
                discardInputAfterDraw = true
            case .quit:
                break  // the reducer has set `quitting`; the loop ends
            }
        }
    }

    /// Runs a client call as a task; its outcome comes back as the action `answer` makes of it.
    @discardableResult
    func request<T: Sendable>(
        _ call: @escaping @Sendable (ConnectClient) async throws(ConnectError) -> T,
        answer: @escaping @Sendable (Result<T, ConnectError>) -> AppAction
    ) -> Task<Void, Never> {
        let client = self.client
        return spawn { .action(answer(await attempt { () async throws(ConnectError) in try await call(client) })) }
    }

    /// Connects to another account; the client is taken on the loop's thread.
    private func switchAccount(_ choice: AccountChoice) {
        let connect = self.connect
        spawn {
            guard let connect else {
                return .action(.accountSwitched(choice, .failure(ConfigurationMessage("switching is not available here"))))
            }
            do throws(ConfigurationMessage) {
                let (client, connection) = try await connect(choice)
                return .switched(choice, client, connection)
            } catch {
                return .action(.accountSwitched(choice, .failure(error)))
            }
        }
    }
}

/// A client call's outcome as a value.
func attempt<T>(_ body: () async throws(ConnectError) -> T) async -> Result<T, ConnectError> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
