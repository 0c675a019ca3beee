// kinerja-identity: who everyone is (units, employees, supervisors, roles, accounts, tokens).
import KinerjaIdentity
import KinerjaService

@main
enum KinerjaIdentityMain {
    static func main() async { await ServiceCommand<IdentityDefinition>.main() }
}
