#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal state to put back if a signal arrives while echo is off. Only the prompt writes
/// it, and only while no handler can run; the handler only reads it.
nonisolated(unsafe) private var echoRestore: (fd: Int32, settings: termios)?

/// Restores the terminal and lets the signal do what it would have done.
private func restoreTerminalAndReraise(_ number: Int32) {
    if var restore = echoRestore {
        tcsetattr(restore.fd, TCSAFLUSH, &restore.settings)
    }
    signal(number, SIG_DFL)
    raise(number)
}

/// Reads a secret from the controlling terminal with echo off, restoring the terminal on return,
/// on error and on SIGINT, SIGTERM, SIGHUP or SIGQUIT.
enum PasswordPrompt {
    private static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Prompts on /dev/tty and reads one line without echo.
    static func hidden(prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw CLIError.invalidArguments("no terminal to ask for a password on: use --password-stdin")
        }
        defer { close(fd) }
        writeText(fd, prompt)

        var original = termios()
        guard tcgetattr(fd, &original) == 0 else {
            throw CLIError.invalidArguments("cannot turn off echo on the terminal: use --password-stdin")
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        silent.c_lflag |= tcflag_t(ICANON)

        echoRestore = (fd, original)
        let previous = signals.map { ($0, signal($0, restoreTerminalAndReraise)) }
        defer {
            tcsetattr(fd, TCSAFLUSH, &original)
            for (number, handler) in previous { signal(number, handler) }
            echoRestore = nil
            writeText(fd, "\n")
        }
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else {
            throw CLIError.invalidArguments("cannot turn off echo on the terminal: use --password-stdin")
        }
        return try readLine(from: fd)
    }

    /// Prompts on /dev/tty and reads one line with echo (a NIP).
    static func visible(prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError.invalidArguments("no terminal to ask on: pass the value as an option") }
        defer { close(fd) }
        writeText(fd, prompt)
        return try readLine(from: fd)
    }

    private static func writeText(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { _ = write(fd, $0.baseAddress, $0.count) }
    }

    private static func readLine(from fd: Int32) throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                if bytes.isEmpty { throw CLIError.invalidArguments("no input") }
                break
            }
            if byte == 0x0A { break }
            bytes.append(byte)
            if bytes.count > 4096 { throw CLIError.invalidArguments("input line too long") }
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        guard let line = String(validating: bytes, as: UTF8.self) else {
            throw CLIError.invalidArguments("input is not UTF-8")
        }
        return line
    }
}
