import KinerjaProto

/// What a page says, in Indonesian, when a service refused or failed a call. The service's own
/// message (English, for operators) is logged, never shown: it may name records the user may not see.
enum StatusMessage {
    static func text(_ error: any Error) -> String {
        guard let error = error as? RPCError else { return "Terjadi kesalahan. Silakan coba lagi." }
        switch error.code {
        case .invalidArgument: return "Isian tidak valid: periksa kembali data yang dimasukkan."
        case .notFound: return "Data tidak ditemukan."
        case .alreadyExists: return "Data ini sudah pernah dikirim."
        case .permissionDenied: return "Anda tidak berwenang melakukan tindakan ini."
        case .unauthenticated: return "Sesi Anda telah berakhir. Silakan masuk kembali."
        case .resourceExhausted: return "Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi."
        case .failedPrecondition: return "Tindakan ini tidak dapat dilakukan pada keadaan data saat ini."
        case .deadlineExceeded, .unavailable: return "Layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi."
        default: return "Terjadi kesalahan pada layanan. Silakan coba lagi."
        }
    }

    /// The sign-in page's message: a wrong NIP and a wrong password read the same, as at identity.
    static func signIn(_ error: any Error) -> String {
        guard let error = error as? RPCError else { return text(error) }
        switch error.code {
        case .unauthenticated, .invalidArgument: return "NIP atau kata sandi salah."
        case .resourceExhausted: return "Akun terkunci sementara atau terlalu banyak percobaan masuk. Coba lagi nanti."
        case .failedPrecondition: return "Kata sandi sekali pakai sudah kedaluwarsa. Hubungi pengelola kinerja."
        default: return text(error)
        }
    }
}
