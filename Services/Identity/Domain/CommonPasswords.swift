/// Passwords too common to accept, lowercased (compared case-insensitively by ``PasswordPolicy``).
///
/// Gathered from the well-known top lists of leaked passwords (the SecLists "most common"
/// lists, the NCSC top 100 000 head, yearly vendor top-200 reports) and from words Indonesian
/// users favour (religious phrases, endearments, cities of NTT, agency names such as
/// "bkpsdm" and "pemkotkupang"). Many are shorter than the 12-character minimum on purpose:
/// the policy also refuses a listed password with digits or punctuation added around it
/// ("password12345", "Kupang2024!!").
public enum CommonPasswords {
    /// The list, lowercased and free of duplicates.
    public static let list: [String] = [
        "123456", "password", "123456789", "12345678", "12345", "qwerty", "1234567", "111111", "1234567890",
        "123123", "abc123", "1234", "password1", "iloveyou", "1q2w3e4r", "000000", "qwerty123", "zaq12wsx",
        "dragon", "sunshine", "princess", "letmein", "654321", "monkey", "27653", "1qaz2wsx", "123321",
        "qwertyuiop", "superman", "asdfghjkl", "trustno1", "football", "baseball", "welcome", "admin",
        "admin123", "administrator", "passw0rd", "p@ssw0rd", "p@ssword", "master", "hello", "freedom",
        "whatever", "qazwsx", "michael", "shadow", "ashley", "jennifer", "hunter", "ranger", "buster",
        "soccer", "harley", "batman", "andrew", "tigger", "charlie", "robert", "thomas", "hockey", "daniel",
        "starwars", "112233", "george", "computer", "michelle", "jessica", "pepper", "1111", "zxcvbn",
        "555555", "11111111", "131313", "freedom1", "777777", "888888", "999999", "666666", "222222", "333333",
        "444444", "121212", "987654321", "987654", "1234qwer", "qwer1234", "asdf1234", "qwe123", "q1w2e3r4",
        "1q2w3e", "1q2w3e4r5t", "1qazxsw2", "zxcvbnm", "asdfgh", "asdfghjk", "qwertyu", "qwerty1", "qwerty12",
        "password12", "password123", "password1234", "passwort", "motdepasse", "contraseña", "senha", "parola",
        "wachtwoord", "iloveyou1", "iloveu", "loveyou", "lovely", "love123", "babygirl", "baby123", "angel",
        "angel1", "angels", "princess1", "sweety", "sweetheart", "honey", "cookie", "chocolate", "summer",
        "winter", "autumn", "spring", "flower", "flowers", "rainbow", "butterfly", "jordan", "jordan23",
        "michael1", "justin", "nicole", "daniel1", "matthew", "anthony", "joshua", "liverpool", "chelsea",
        "arsenal", "manchester", "barcelona", "realmadrid", "juventus", "ronaldo", "messi", "neymar",
        "football1", "soccer1", "basketball", "secret", "secret123", "letmein1", "welcome1", "welcome123",
        "changeme", "default", "guest", "test", "test123", "testing", "user", "root", "toor", "login", "pass",
        "pass123", "pass1234", "access", "access14", "master123", "mustang", "shadow1", "superman1", "batman1",
        "killer", "pokemon", "naruto", "sasuke", "hello123", "hello1", "hallo", "hallo123", "abcdef",
        "abcd1234", "abc12345", "a1b2c3", "a1b2c3d4", "aa123456", "aaaaaa", "1234abcd", "123abc", "123qwe",
        "123qweasd", "qweasd", "qweasdzxc", "zaq1zaq1", "1q2w3e4r5t6y", "iloveyou2", "trustme", "147258369",
        "159753", "147258", "258456", "789456", "789456123", "159357", "qazwsxedc", "1qaz2wsx3edc", "samsung",
        "nokia", "iphone", "apple", "google", "facebook", "instagram", "youtube", "twitter", "whatsapp",
        "internet", "wifi", "computer1", "laptop", "windows", "linux", "server", "database", "oracle", "mysql",
        "cisco", "matrix", "ninja", "dragon1", "monkey1", "tiger", "lion", "eagle", "falcon", "phoenix",
        "warrior", "knight", "legend", "hunter1", "jesus", "jesus1", "christ", "god", "godisgood", "blessed",
        "faith", "grace", "amen", "hallelujah", "jesuslovesme", "bismillah", "bismillah123", "alhamdulillah",
        "assalamualaikum", "insyaallah", "allahuakbar", "subhanallah", "masyaallah", "indonesia", "indonesia1",
        "indonesia123", "merdeka", "merdeka45", "garuda", "garuda123", "pancasila", "nkri", "nkri1945",
        "jakarta", "bandung", "surabaya", "semarang", "yogyakarta", "jogja", "medan", "makassar", "denpasar",
        "bali", "kupang", "kupang123", "kupangkota", "ntt", "ntt123", "nusatenggara", "flores", "timor",
        "sumba", "rote", "alor", "sabu", "lembata", "atambua", "soe", "sayang", "sayangku", "sayangkamu",
        "sayang123", "cinta", "cintaku", "cintakamu", "cinta123", "aku", "akusayangkamu", "rahasia",
        "rahasia123", "katasandi", "sandi", "sandi123", "kunci", "kunci123", "masuk", "masuk123", "ganteng",
        "cantik", "cantik123", "manis", "bidadari", "pelangi", "bintang", "matahari", "bulan", "langit",
        "lautan", "samudra", "sahabat", "teman", "keluarga", "anakku", "mama", "papa", "mamah", "papah", "ibu",
        "bapak", "ayah", "bunda", "ayahbunda", "mamapapa", "doraemon", "spongebob", "hellokitty", "upin",
        "ipin", "boboiboy", "persib", "persija", "arema", "persebaya", "timnas", "timnasindonesia", "asn",
        "pns", "pnskupang", "pegawai", "kantor", "pemkot", "pemkotkupang", "bkpsdm", "dukcapil", "dinas",
        "kinerja", "ekinerja", "skp", "siasn", "mysapk", "bkn", "kemenpan", "admin1", "admin1234",
        "admin12345", "operator", "operator123", "user123", "selamat", "selamatpagi", "terimakasih", "sukses",
        "sukses123", "semangat", "semangat123", "berkah", "barokah", "qwerty1234", "qwerty12345",
        "1qaz2wsx3edc4rfv", "zaq12wsxcde3", "asdfghjkl1", "zxcvbnm1", "zxcvbnm123", "1234512345",
        "123456123456", "12341234", "11223344", "12121212", "1212", "123654", "123654789", "0987654321",
        "00000000", "0000", "11111", "111222", "121314", "101010", "202020", "696969", "112233445566",
        "987654321012", "123456789012", "1234567890123", "12345678901234", "123456789a", "123456789q",
        "a123456789", "q123456789", "aaaaaaaaaaaa", "password12345", "passwordpassword", "iloveyouiloveyou",
        "qwertyqwerty", "abcabcabc", "abcdefg", "abcdefgh", "abcdefghijkl", "zzzzzz", "asdasd", "asdasd123",
        "qweqwe", "123123123", "321321", "456456", "michelle1", "jessica1", "ashley1", "amanda", "andrea",
        "anita", "bella", "diana", "emma", "grace1", "julia", "maria", "yohanes", "fransiskus", "petrus",
        "paulus", "yosef", "agustinus", "adriana", "mariana", "yuliana", "margaretha", "superstar", "rockstar",
        "starwars1", "pokemon1", "minecraft", "fortnite", "roblox", "mobilelegend", "mobilelegends", "pubg",
        "freefire", "gamer", "gaming", "player1", "hunter2", "letmein123", "trustno111", "nothing", "explorer",
        "blink182", "metallica", "slipknot", "nirvana", "beatles", "eminem", "tupac",
    ]

    /// The list as a set, for lookups.
    public static let set: Set<String> = Set(list)
}
