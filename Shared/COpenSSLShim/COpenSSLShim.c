#include "COpenSSLShim.h"

int kinerja_err_get_lib(unsigned long code) {
    return ERR_GET_LIB(code);
}

int kinerja_err_get_reason(unsigned long code) {
    return ERR_GET_REASON(code);
}

int kinerja_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

int kinerja_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

int kinerja_ssl_ctx_set1_groups_list(SSL_CTX *ctx, const char *list) {
    return (int)SSL_CTX_set1_groups_list(ctx, list);
}

long kinerja_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

long kinerja_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_session_cache_mode(ctx, mode);
}

// A ClientHello without the ALPN extension is refused with no_application_protocol: the ALPN
// select callback only runs when the client offers ALPN, so absence must be caught here.
static int kinerja_require_alpn(SSL *ssl, int *alert, void *arg) {
    (void)arg;
    const unsigned char *data = NULL;
    size_t length = 0;
    if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_application_layer_protocol_negotiation,
                                  &data, &length) == 1) {
        return SSL_CLIENT_HELLO_SUCCESS;
    }
    *alert = SSL_AD_NO_APPLICATION_PROTOCOL;
    return SSL_CLIENT_HELLO_ERROR;
}

int kinerja_ssl_ctx_set_client_hello_cb_requiring_alpn(SSL_CTX *ctx) {
    SSL_CTX_set_client_hello_cb(ctx, kinerja_require_alpn, NULL);
    return 1;
}

int kinerja_ssl_get_ex_new_index(void) {
    return SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

int kinerja_ssl_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

GENERAL_NAMES *kinerja_x509_subject_alt_names(X509 *cert) {
    return X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
}

int kinerja_general_names_count(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}

const unsigned char *kinerja_general_name_uri(const GENERAL_NAMES *names, int index, int *length) {
    const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
    if (name == NULL || name->type != GEN_URI) {
        return NULL;
    }
    *length = ASN1_STRING_length(name->d.uniformResourceIdentifier);
    return ASN1_STRING_get0_data(name->d.uniformResourceIdentifier);
}

void kinerja_general_names_free(GENERAL_NAMES *names) {
    GENERAL_NAMES_free(names);
}
