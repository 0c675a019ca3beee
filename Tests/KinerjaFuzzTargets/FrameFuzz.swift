import KinerjaRPC
import NIOCore

/// The RPC frame decoder and the server's connection state machine.
///
/// Input: one control byte, then the byte stream a client sends. The stream is decoded twice,
/// whole and in chunks of sizes derived from the control byte; both must give the same frames and
/// the same error at the same place, and the frames re-encoded must be the bytes consumed. The
/// frames then drive `ServerConnectionStateMachine` (small limits so that every refusal is
/// reachable) while a simulated handler consumes messages, finishes calls and drains; each action
/// is checked against the frame that caused it and against the calls the handler knows are open.
enum FrameFuzz {
    static let maxFrameSize = 1 << 16

    static var limits: RPCLimits {
        var limits = RPCLimits()
        limits.maxFrameSize = maxFrameSize
        limits.maxMetadataSize = 512
        limits.maxConcurrentCalls = 4
        limits.pingBurst = 3
        return limits
    }

    struct Decoded: Equatable {
        var frames: [Frame] = []
        var error: RPCProtocolError?
        var consumed = 0
    }

    static func run(_ data: [UInt8]) throws(FuzzFailure) {
        guard let control = data.first else { return }
        let stream = Array(data.dropFirst())
        let whole = decode(stream, chunkSeed: nil)
        let chunked = decode(stream, chunkSeed: control)
        try check(whole == chunked, "decoding whole gave \(whole.frames.count) frames, error \(String(describing: whole.error)) at \(whole.consumed); "
                  + "in chunks \(chunked.frames.count) frames, error \(String(describing: chunked.error)) at \(chunked.consumed)")
        var encoded = ByteBuffer()
        for frame in whole.frames {
            try check(frame.payload.readableBytes <= maxFrameSize, "a frame of \(frame.payload.readableBytes) bytes passed the limit")
            encoded.writeFrame(frame)
        }
        try check(Array(encoded.readableBytesView) == Array(stream.prefix(whole.consumed)), "re-encoded frames differ from the bytes consumed")
        if whole.error == nil {
            // What is left must be an incomplete frame.
            let left = stream[whole.consumed...]
            if left.count >= 4 {
                let length = left.prefix(4).reduce(0) { $0 << 8 | Int($1) }
                try check(left.count < Frame.headerSize + length, "a whole frame of \(length) bytes left undecoded")
            }
        }
        try drive(whole.frames, control: control)
    }

    /// Every frame of `stream`, fed whole or in chunks.
    static func decode(_ stream: [UInt8], chunkSeed: UInt8?) -> Decoded {
        var result = Decoded()
        var buffer = ByteBuffer()
        var position = 0
        var state = UInt32(chunkSeed ?? 0) &* 2_654_435_761 &+ 1
        var written = 0
        while position < stream.count {
            let size: Int
            if chunkSeed == nil {
                size = stream.count
            } else {
                state = state &* 1_103_515_245 &+ 12_345
                size = 1 + Int((state >> 16) % 97)
            }
            let end = min(stream.count, position + size)
            buffer.writeBytes(stream[position..<end])
            written += end - position
            position = end
            do throws(RPCProtocolError) {
                while let frame = try FrameDecoder.next(from: &buffer, maxFrameSize: maxFrameSize) {
                    result.frames.append(frame)
                }
            } catch {
                result.error = error
                break
            }
        }
        result.consumed = written - buffer.readableBytes
        return result
    }

    /// Drives the server's state machine with `frames` as a connection handler would.
    static func drive(_ frames: [Frame], control: UInt8) throws(FuzzFailure) {
        let start = NIODeadline.uptimeNanoseconds(1_000_000_000)
        let step = Int64(control >> 4) * 50_000_000  // 0–750 ms between frames: pings refill, idle may expire
        var machine = ServerConnectionStateMachine(limits: limits, now: start)
        var open: Set<UInt32> = []
        var requestsEnded: Set<UInt32> = []
        let drainAt = Int(control & 0x0F)
        for (index, frame) in frames.enumerated() {
            let now = start + .nanoseconds(Int64(index + 1) * step)
            let highest = machine.highestCallID
            let action = machine.receive(frame, now: now)
            try check(machine.highestCallID >= highest, "the highest call id went down")
            switch action {
            case .none:
                break
            case .startCall(let id, _, let ended):
                try check(frame.type == .headers && frame.callID == id && id > highest && !open.contains(id),
                          "call \(id) started by \(frame.type) on call \(frame.callID) (highest was \(highest))")
                open.insert(id)
                if ended { requestsEnded.insert(id) }
                try check(open.count <= limits.maxConcurrentCalls, "\(open.count) calls open over the limit")
            case .refuseCall(let id, _):
                try check(frame.type == .headers && frame.callID == id && !machine.isOpen(id), "call \(id) refused yet open")
            case .deliver(let id, let payload, let ended):
                try check(frame.type == .message && open.contains(id) && !requestsEnded.contains(id) && payload == frame.payload,
                          "a message delivered to call \(id), which is not open or has ended its requests")
                if ended { requestsEnded.insert(id) }
                if index % 3 != 2 { _ = machine.consumed(id) }
            case .endRequests(let id):
                try check(frame.type == .endStream && open.contains(id) && !requestsEnded.contains(id), "END_STREAM applied to call \(id) twice or unopened")
                requestsEnded.insert(id)
            case .cancelCall(let id):
                try check(frame.type == .cancel && open.remove(id) != nil && !machine.isOpen(id), "call \(id) cancelled but not open, or still open")
                requestsEnded.remove(id)
            case .windowOpened(let id):
                try check(frame.type == .windowUpdate && open.contains(id), "window opened on call \(id), which is not open")
                _ = machine.takeSendCredit(id)
            case .sendPong(let payload):
                try check(frame.type == .ping && payload.readableBytes == 8, "PONG for \(frame.type) with \(payload.readableBytes) bytes")
            case .clientGoingAway:
                try check(frame.type == .goAway, "client going away after \(frame.type)")
            case .abort, .closeConnection:
                machine.close()
                for id in open { try check(!machine.isOpen(id), "call \(id) open after close") }
                return
            }
            for id in open { try check(machine.isOpen(id), "call \(id) closed behind the handler's back") }
            // The handler answers the oldest call whose requests ended, every other frame.
            if index % 2 == 1, let id = requestsEnded.intersection(open).min() {
                _ = machine.takeSendCredit(id)
                machine.finish(id, now: now)
                open.remove(id)
                requestsEnded.remove(id)
                try check(!machine.isOpen(id), "call \(id) open after finish")
            }
            if index == drainAt {
                let last = machine.startDrain()
                try check(last == machine.highestCallID, "drain serves up to \(last), highest is \(machine.highestCallID)")
            }
            if case .goingAway = machine.phase {
                try check(machine.drained == open.isEmpty, "drained is \(machine.drained) with \(open.count) calls open")
            }
        }
    }
}
