/// Cryptography for Kinerja on the system OpenSSL (filled in by issue 5).
enum KinerjaCryptoModule {}
