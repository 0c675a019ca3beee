/// Flow-control windows of one call, counted in messages (docs/PROTOCOL.md, section 2.4).
struct CallFlow: Sendable, Hashable {
    /// Messages this side may still send.
    var sendWindow: Int
    /// Messages the peer may still send.
    var receiveWindow: Int
    /// Messages received and consumed since the last WINDOW_UPDATE this side sent.
    var consumedSinceUpdate = 0
    let initialWindow: Int

    init(initialWindow: Int) {
        self.initialWindow = initialWindow
        self.sendWindow = initialWindow
        self.receiveWindow = initialWindow
    }

    /// Records a message received; false when the peer exceeded its window.
    mutating func received() -> Bool {
        guard receiveWindow > 0 else { return false }
        receiveWindow -= 1
        return true
    }

    /// Records that the application consumed a message; returns the increment to grant, if one is due.
    mutating func consumed() -> Int? {
        consumedSinceUpdate += 1
        guard consumedSinceUpdate * 2 >= initialWindow else { return nil }
        let increment = consumedSinceUpdate
        consumedSinceUpdate = 0
        receiveWindow += increment
        return increment
    }

    /// Takes a send credit; false when the window is closed.
    mutating func takeSendCredit() -> Bool {
        guard sendWindow > 0 else { return false }
        sendWindow -= 1
        return true
    }

    /// Adds credits granted by the peer; false when the window would overflow.
    mutating func grant(_ increment: Int) -> Bool {
        guard increment >= 1, sendWindow <= Int(Int32.max) - increment else { return false }
        sendWindow += increment
        return true
    }
}
