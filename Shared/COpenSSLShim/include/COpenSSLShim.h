// C entry points for the OpenSSL 3 macros and inline stack helpers that Swift cannot import.
// Each function is a one-line forward; policy lives in Swift (Shared/KinerjaTLS).
#ifndef KINERJA_COPENSSL_SHIM_H_
#define KINERJA_COPENSSL_SHIM_H_

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/evp.h>
#include <stddef.h>

// MARK: Option bits (SSL_OP_BIT expands to a cast shift that Swift does not import).
static const uint64_t KINERJA_SSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;
static const uint64_t KINERJA_SSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;
static const uint64_t KINERJA_SSL_OP_NO_TICKET = SSL_OP_NO_TICKET;
static const uint64_t KINERJA_SSL_OP_CIPHER_SERVER_PREFERENCE = SSL_OP_CIPHER_SERVER_PREFERENCE;
static const uint64_t KINERJA_SSL_OP_PRIORITIZE_CHACHA = SSL_OP_PRIORITIZE_CHACHA;
static const uint64_t KINERJA_SSL_OP_IGNORE_UNEXPECTED_EOF = SSL_OP_IGNORE_UNEXPECTED_EOF;

// MARK: Error codes (ERR_GET_LIB / ERR_GET_REASON are inline functions over macros).
int kinerja_err_get_lib(unsigned long code);
int kinerja_err_get_reason(unsigned long code);

// MARK: SSL_CTX macros.
int kinerja_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version);
int kinerja_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version);
int kinerja_ssl_ctx_set1_groups_list(SSL_CTX *ctx, const char *list);
long kinerja_ssl_ctx_set_mode(SSL_CTX *ctx, long mode);
long kinerja_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode);
int kinerja_ssl_ctx_set_client_hello_cb_requiring_alpn(SSL_CTX *ctx);

// MARK: SSL macros.
int kinerja_ssl_get_ex_new_index(void);
int kinerja_ssl_set_tlsext_host_name(SSL *ssl, const char *name);

// MARK: Certificates.
/// The URI subject alternative names of `cert`, or NULL when it has no SAN extension.
/// Free with kinerja_general_names_free.
GENERAL_NAMES *kinerja_x509_subject_alt_names(X509 *cert);
int kinerja_general_names_count(const GENERAL_NAMES *names);
/// The bytes of the name at `index` when it is a URI, otherwise NULL.
const unsigned char *kinerja_general_name_uri(const GENERAL_NAMES *names, int index, int *length);
void kinerja_general_names_free(GENERAL_NAMES *names);

#endif
