// kinerja-feedback: pembinaan and behaviour evidence — continuous feedback, dialog kinerja and
// coaching, 360° BerAKHLAK rounds, citizen ratings and the Survei Kepuasan Masyarakat.
import KinerjaFeedback
import KinerjaService

@main
enum KinerjaFeedbackMain {
    static func main() async { await ServiceCommand<FeedbackDefinition>.main() }
}
