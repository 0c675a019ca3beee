// kinerja-evaluation: the Penilaian stage — periods, proposals from evidence, the pejabat penilai's
// ratings, the predikat matrix, the distribution curve enforced at finalisation, the HR portal's queries.
import KinerjaEvaluation
import KinerjaService

@main
enum KinerjaEvaluationMain {
    static func main() async { await ServiceCommand<EvaluationDefinition>.main() }
}
