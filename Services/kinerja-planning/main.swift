// kinerja-planning: the Perencanaan stage — SKP, RHK, IKI, targets, cascading, approvals, versions.
import KinerjaPlanning
import KinerjaService

@main
enum KinerjaPlanningMain {
    static func main() async { await ServiceCommand<PlanningDefinition>.main() }
}
