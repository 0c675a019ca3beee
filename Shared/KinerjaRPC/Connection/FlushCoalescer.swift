import NIOCore

/// Coalesces the writes of one event-loop tick into one flush: the first write schedules a flush
/// for the end of the tick and later writes ride on it, so a burst of frames costs one syscall.
/// Confined to the event loop of the channel it flushes.
final class FlushCoalescer {
    private var flushPending = false

    /// Flushes `context` once the current event-loop tick ends, unless a flush is already scheduled.
    func flushSoon(_ context: ChannelHandlerContext) {
        guard !flushPending else { return }
        flushPending = true
        let loopBound = NIOLoopBound((coalescer: self, context: context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (coalescer, context) = loopBound.value
            coalescer.flushPending = false
            context.flush()
        }
    }
}
