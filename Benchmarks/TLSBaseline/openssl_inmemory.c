/* The ceiling for TLSBenchmark's "ours" column: the same in-memory workloads done directly on
 * OpenSSL 3 in C, with no SwiftNIO and no handler (two SSL objects joined by memory BIOs).
 *
 *   cc -O2 -o /tmp/openssl_inmemory Benchmarks/TLSBaseline/openssl_inmemory.c -lssl -lcrypto
 *   /tmp/openssl_inmemory .dev/pki [seconds]
 */
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static SSL_CTX *context(const char *pki, const char *leaf) {
    char cert[512], key[512], ca[512];
    snprintf(cert, sizeof cert, "%s/%s.pem", pki, leaf);
    snprintf(key, sizeof key, "%s/%s.key", pki, leaf);
    snprintf(ca, sizeof ca, "%s/ca.pem", pki);
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | SSL_OP_NO_COMPRESSION);
    SSL_CTX_set_num_tickets(ctx, 0);
    SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384");
    static const unsigned char alpn[] = "\x0dkinerja-rpc/1";
    SSL_CTX_set_alpn_protos(ctx, alpn, sizeof alpn - 1);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_load_verify_file(ctx, ca) != 1) {
        ERR_print_errors_fp(stderr);
        exit(1);
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    return ctx;
}

static int select_alpn(SSL *s, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                       unsigned int inlen, void *arg) {
    (void)s; (void)arg;
    static const unsigned char ours[] = "\x0dkinerja-rpc/1";
    return SSL_select_next_proto((unsigned char **)out, outlen, ours, sizeof ours - 1, in, inlen) ==
                   OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_ALERT_FATAL;
}

/* Moves bytes from one side's write BIO into the other's read BIO. */
static int shuttle(BIO *from, BIO *to) {
    static char buffer[1 << 17];
    int moved = 0, n;
    while ((n = BIO_read(from, buffer, sizeof buffer)) > 0) {
        BIO_write(to, buffer, n);
        moved += n;
    }
    return moved;
}

typedef struct { SSL *client, *server; BIO *c_in, *c_out, *s_in, *s_out; } pair_t;

static void pair_new(pair_t *p, SSL_CTX *client, SSL_CTX *server) {
    p->client = SSL_new(client);
    p->server = SSL_new(server);
    p->c_in = BIO_new(BIO_s_mem()); p->c_out = BIO_new(BIO_s_mem());
    p->s_in = BIO_new(BIO_s_mem()); p->s_out = BIO_new(BIO_s_mem());
    SSL_set_bio(p->client, p->c_in, p->c_out);
    SSL_set_bio(p->server, p->s_in, p->s_out);
    SSL_set_connect_state(p->client);
    SSL_set_accept_state(p->server);
}

static void handshake(pair_t *p) {
    for (int round = 0; round < 20; round++) {
        int c = SSL_do_handshake(p->client), s = SSL_do_handshake(p->server);
        int moved = shuttle(p->c_out, p->s_in) + shuttle(p->s_out, p->c_in);
        if (c == 1 && s == 1 && moved == 0) return;
    }
    fprintf(stderr, "handshake failed\n");
    ERR_print_errors_fp(stderr);
    exit(1);
}

int main(int argc, char **argv) {
    const char *pki = argc > 1 ? argv[1] : ".dev/pki";
    double seconds = argc > 2 ? atof(argv[2]) : 2;
    SSL_CTX *client = context(pki, "client/hr-portal");
    SSL_CTX *server = context(pki, "service/identity");
    SSL_CTX_set_alpn_select_cb(server, select_alpn, NULL);

    long handshakes = 0;
    double start = now();
    while (now() - start < seconds) {
        pair_t p;
        pair_new(&p, client, server);
        handshake(&p);
        SSL_free(p.client);
        SSL_free(p.server);
        handshakes++;
    }
    printf("raw OpenSSL %s in memory: %.1f handshakes/s\n", OpenSSL_version(OPENSSL_VERSION), handshakes / (now() - start));

    static char payload[64 * 1024], sink[16 * 1024];
    memset(payload, 0x4b, sizeof payload);
    pair_t p;
    pair_new(&p, client, server);
    handshake(&p);
    long long bytes = 0;
    start = now();
    while (now() - start < seconds) {
        for (int i = 0; i < 16; i++) {
            SSL_write(p.client, payload, sizeof payload);
            shuttle(p.c_out, p.s_in);
            int n;
            while ((n = SSL_read(p.server, sink, sizeof sink)) > 0) bytes += n;
        }
    }
    printf("raw OpenSSL in memory, 64 KiB writes: %.1f MB/s\n", bytes / (now() - start) / 1e6);
    return 0;
}
