import NIOCore

/// Runs Swift tasks on a NIO event loop, so a call's handler shares its connection's thread
/// and no hop to the global executor happens per message.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // The event loop is itself thread-safe; this class holds no other state.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
