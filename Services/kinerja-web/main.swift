// kinerja-web: the web app — HTML pages over HTTPS for browsers, the binary protocol to the services.
import KinerjaWeb

@main
enum KinerjaWebMain {
    static func main() async { await WebCommand.main() }
}
