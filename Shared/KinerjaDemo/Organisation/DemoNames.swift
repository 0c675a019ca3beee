/// Given names and family names common in Kupang and the rest of Nusa Tenggara Timur.
///
/// Family names are those of Kupang's Rote, Sabu, Timor (Dawan), Flores and Alor families;
/// given names follow the Christian (mostly Protestant in Kupang, Catholic in Flores) and
/// Muslim naming seen in the city's civil service.
enum DemoNames {
    /// Given names of men.
    static let male = [
        "Yohanes", "Fransiskus", "Yosef", "Petrus", "Paulus", "Markus", "Yakobus", "Stefanus", "Agustinus",
        "Alfonsus", "Benediktus", "Kristoforus", "Dominikus", "Gregorius", "Herman", "Yulius", "Daniel",
        "Samuel", "Yeremias", "Imanuel", "Obed", "Melkianus", "Semuel", "Yusuf", "Ahmad", "Muhammad",
        "Rudolf", "Jefri", "Frengki", "Ferdinandus", "Aloysius", "Hendrik", "Marthen", "Nikolaus", "Simon",
        "Andreas", "Filipus", "Matheus", "Lukas", "Eduardus", "Yoakim", "Arnoldus", "Zakarias", "Elias",
        "Yonathan", "Marselinus", "Kornelis", "Okto", "Jemmy", "Dominggus", "Abraham", "Yesaya", "Ishak",
        "Ricky", "Adi", "Ronald", "Alexander", "Albert", "Gabriel", "Wilhelmus",
    ]
    /// Given names of women.
    static let female = [
        "Maria", "Adriana", "Yuliana", "Agustina", "Margaretha", "Elisabeth", "Katarina", "Veronika",
        "Theresia", "Yohana", "Fransiska", "Anastasia", "Dorkas", "Debora", "Ester", "Ruth", "Naomi",
        "Rambu", "Sarlin", "Yunita", "Novita", "Imelda", "Florentina", "Bernadeta", "Siti", "Nurhayati",
        "Mersi", "Oktavia", "Selfina", "Marselina", "Mariana", "Apriana", "Lusia", "Susana", "Dewi",
        "Yosephina", "Yasinta", "Emiliana", "Serlina", "Ance", "Hermina", "Fince", "Ribka", "Sance",
        "Wilhelmina", "Magdalena", "Paulina", "Kristina", "Regina", "Aprilia", "Grace", "Martha", "Lidia",
        "Yenny", "Sri", "Rosalinda", "Kornelia", "Dina", "Jubelina", "Irene",
    ]
    /// Family names.
    static let family = [
        "Ndun", "Lay", "Bessie", "Foenay", "Manafe", "Tallo", "Nalle", "Riwu", "Kana", "Amalo", "Sinlae",
        "Fanggidae", "Messakh", "Ratu", "Dethan", "Mooy", "Pello", "Lenggu", "Bunga", "Taopan", "Nenotek",
        "Toelle", "Haning", "Bire", "Kapitan", "Radja", "Ludji", "Lado", "Hayon", "Kolo", "Dami", "Djami",
        "Nope", "Tefa", "Bani", "Neonbeni", "Benu", "Tanesib", "Ataupah", "Nubatonis", "Sabuna", "Loe",
        "Pah", "Adoe", "Mbatu", "Nggadas", "Ully", "Lobo", "Seran", "Bria", "Mali", "Fernandez", "Da Costa",
        "Tukan", "Koten", "Lewar", "Making", "Ruku", "Huma", "Tede", "Ratu Edo", "Therik", "Kase", "Lakapu",
        "Bolla", "Rihi", "Ngahu", "Dimu", "Pandie", "Sooai", "Leo", "Funay", "Koreh", "Sjioen", "Muskanan",
    ]
    /// The ASCII lower-case form of a name for an e-mail address ("Da Costa" → "dacosta").
    static func mailPart(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0))
        }))
    }
}
