/*
 * The limit (issue 4, "Performance"): OpenSSL used directly, blocking sockets, one thread per
 * connection, TLS 1.3 with mutual TLS, messages framed as a 4-byte big-endian length + payload.
 * Nothing here is Kinerja's protocol: it measures what TLS on this machine can do at best.
 *
 *   raw-openssl-peer server --host H --port P --pki DIR
 *   raw-openssl-peer client --host H --port P --pki DIR --mode unary|stream --connections N
 *                           --in-flight N --duration S --payload BYTES [--warmup S]
 *
 * The client prints one JSON line (Benchmarks/README.md, "The peer contract").
 *
 * On each connection the client's first frame is a hello: "U" (echo every following frame) or
 * "S" + u32 size (the server sends frames of `size` bytes until the client closes).
 * Each connection carries one call at a time, so a client opens max(connections, in-flight)
 * connections, one thread each.
 *
 * Built by Benchmarks/run.sh: cc -O2 -o raw-openssl-peer raw_openssl_peer.c -lssl -lcrypto -lpthread
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_PAYLOAD (4u << 20)

struct options {
    const char *host;
    int port;
    const char *pki;
    int stream;
    int connections;
    int in_flight;
    double duration;
    double warmup;
    uint32_t payload;
};

static void die(const char *what) {
    fprintf(stderr, "raw-openssl-peer: %s\n", what);
    ERR_print_errors_fp(stderr);
    exit(1);
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static void put_u32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24); p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8); p[3] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Reads exactly n bytes; 0 on success, -1 on EOF or error. */
static int read_full(SSL *ssl, unsigned char *buf, size_t n) {
    size_t done = 0;
    while (done < n) {
        size_t got = 0;
        if (SSL_read_ex(ssl, buf + done, n - done, &got) <= 0) return -1;
        done += got;
    }
    return 0;
}

static int write_full(SSL *ssl, const unsigned char *buf, size_t n) {
    size_t written = 0;
    /* SSL_MODE_ENABLE_PARTIAL_WRITE is off: SSL_write_ex writes everything or fails. */
    return SSL_write_ex(ssl, buf, n, &written) > 0 && written == n ? 0 : -1;
}

static char *pki_path(const char *dir, const char *file) {
    char *path = NULL;
    if (asprintf(&path, "%s/%s", dir, file) < 0) die("out of memory");
    return path;
}

/* TLS 1.3 only, mutual: our certificate, peer verified against the development CA. */
static SSL_CTX *make_context(const struct options *o, int server) {
    SSL_CTX *ctx = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method());
    if (!ctx) die("SSL_CTX_new");
    SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    char *ca = pki_path(o->pki, "ca.pem");
    char *cert = pki_path(o->pki, server ? "service/identity.pem" : "client/hr-portal.pem");
    char *key = pki_path(o->pki, server ? "service/identity.key" : "client/hr-portal.key");
    if (SSL_CTX_use_certificate_chain_file(ctx, cert) != 1) die("certificate");
    if (SSL_CTX_use_PrivateKey_file(ctx, key, SSL_FILETYPE_PEM) != 1) die("private key");
    if (SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) die("CA certificate");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | (server ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0), NULL);
    /* No tickets: every connection does a full handshake, and none is resumed mid-run. */
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    if (server) SSL_CTX_set_num_tickets(ctx, 0);
    free(ca); free(cert); free(key);
    return ctx;
}

static void tune_socket(int fd) {
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

/* ---------------------------------------------------------------- server */

struct connection {
    SSL_CTX *ctx;
    int fd;
};

static void *serve_connection(void *arg) {
    struct connection *c = arg;
    SSL *ssl = SSL_new(c->ctx);
    unsigned char *buf = malloc(MAX_PAYLOAD + 4);
    unsigned char header[4];
    if (!ssl || !buf) goto done;
    SSL_set_fd(ssl, c->fd);
    if (SSL_accept(ssl) != 1) goto done;

    /* The hello. */
    if (read_full(ssl, header, 4) != 0) goto done;
    uint32_t hello_length = get_u32(header);
    if (hello_length < 1 || hello_length > 5 || read_full(ssl, buf, hello_length) != 0) goto done;
    if (buf[0] == 'S' && hello_length == 5) {
        uint32_t size = get_u32(buf + 1);
        if (size > MAX_PAYLOAD) goto done;
        put_u32(buf, size);
        memset(buf + 4, 0x6b, size);
        while (write_full(ssl, buf, size + 4) == 0) {}
        goto done;
    }
    if (buf[0] != 'U') goto done;
    for (;;) {
        if (read_full(ssl, buf, 4) != 0) break;
        uint32_t length = get_u32(buf);
        if (length > MAX_PAYLOAD || read_full(ssl, buf + 4, length) != 0) break;
        if (write_full(ssl, buf, length + 4) != 0) break;
    }
done:
    if (ssl) SSL_free(ssl);
    close(c->fd);
    free(buf);
    free(c);
    ERR_clear_error();
    return NULL;
}

static int run_server(const struct options *o) {
    SSL_CTX *ctx = make_context(o, 1);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
    if (inet_pton(AF_INET, o->host, &address.sin_addr) != 1) die("--host must be an IPv4 address");
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0) die("bind");
    if (listen(listener, 1024) != 0) die("listen");
    fprintf(stderr, "raw-openssl-peer server listening on %s:%d\n", o->host, o->port);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attributes, 256 * 1024);
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR) continue;
            die("accept");
        }
        tune_socket(fd);
        struct connection *c = malloc(sizeof *c);
        c->ctx = ctx;
        c->fd = fd;
        pthread_t thread;
        if (pthread_create(&thread, &attributes, serve_connection, c) != 0) {
            close(fd);
            free(c);
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- client */

struct worker {
    const struct options *o;
    SSL_CTX *ctx;
    pthread_barrier_t *ready;
    uint64_t *measure_from;  /* set by the main thread once every worker has connected */
    uint64_t *measure_until;
    uint64_t *samples;       /* unary: latencies in ns */
    size_t count, capacity;
    uint64_t messages;       /* stream: messages inside the window */
    int failed;
};

static SSL *connect_tls(struct worker *w) {
    const struct options *o = w->o;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
    if (inet_pton(AF_INET, o->host, &address.sin_addr) != 1) return NULL;
    if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0) return NULL;
    tune_socket(fd);
    SSL *ssl = SSL_new(w->ctx);
    SSL_set_fd(ssl, fd);
    /* The server certificate names 127.0.0.1 (and localhost): check it. */
    X509_VERIFY_PARAM *param = SSL_get0_param(ssl);
    if (X509_VERIFY_PARAM_set1_ip_asc(param, o->host) != 1) X509_VERIFY_PARAM_set1_host(param, o->host, 0);
    if (SSL_connect(ssl) != 1) {
        SSL_free(ssl);
        close(fd);
        return NULL;
    }
    return ssl;
}

static void record(struct worker *w, uint64_t latency) {
    if (w->count == w->capacity) {
        w->capacity = w->capacity ? w->capacity * 2 : 1 << 16;
        w->samples = realloc(w->samples, w->capacity * sizeof *w->samples);
        if (!w->samples) die("out of memory");
    }
    w->samples[w->count++] = latency;
}

static void *drive(void *arg) {
    struct worker *w = arg;
    const struct options *o = w->o;
    SSL *ssl = connect_tls(w);
    unsigned char hello[9];
    size_t hello_length = 5;
    if (o->stream) {
        put_u32(hello, 5);
        hello[4] = 'S';
        put_u32(hello + 5, o->payload);
        hello_length = 9;
    } else {
        put_u32(hello, 1);
        hello[4] = 'U';
    }
    if (!ssl || write_full(ssl, hello, hello_length) != 0) w->failed = 1;
    pthread_barrier_wait(w->ready);  /* every connection is up before the clock starts */
    pthread_barrier_wait(w->ready);  /* the main thread has set the window */
    if (w->failed) return NULL;
    uint64_t from = *w->measure_from, until = *w->measure_until;
    unsigned char *buf = malloc(o->payload + 4);
    unsigned char *reply = malloc(o->payload + 4);
    if (!buf || !reply) die("out of memory");
    if (o->stream) {
        for (;;) {
            if (read_full(ssl, buf, 4) != 0) { w->failed = 1; break; }
            uint32_t length = get_u32(buf);
            if (length != o->payload || read_full(ssl, reply, length) != 0) { w->failed = 1; break; }
            uint64_t now = now_ns();
            if (now >= until) break;
            if (now >= from) w->messages++;
        }
    } else {
        put_u32(buf, o->payload);
        memset(buf + 4, 0x6b, o->payload);
        for (;;) {
            uint64_t begin = now_ns();
            if (begin >= until) break;
            if (write_full(ssl, buf, o->payload + 4) != 0 || read_full(ssl, reply, 4) != 0 ||
                get_u32(reply) != o->payload || read_full(ssl, reply + 4, o->payload) != 0) {
                w->failed = 1;
                break;
            }
            uint64_t end = now_ns();
            if (begin >= from && end <= until) record(w, end - begin);
        }
    }
    /* Close without close_notify: the server sees EOF or EPIPE and ends the thread. */
    int fd = SSL_get_fd(ssl);
    SSL_free(ssl);
    close(fd);
    free(buf);
    free(reply);
    return NULL;
}

static int compare_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double percentile_us(const uint64_t *sorted, size_t n, double p) {
    if (n == 0) return -1;
    double rank = p / 100.0 * (double)n;
    size_t index = (size_t)rank;
    if ((double)index < rank) index++;  /* nearest rank: ceil(p·n) − 1 */
    if (index > 0) index--;
    if (index >= n) index = n - 1;
    return (double)sorted[index] / 1000.0;
}

static void print_number(const char *name, double value, int last) {
    if (value < 0) printf("\"%s\":null%s", name, last ? "" : ",");
    else printf("\"%s\":%.1f%s", name, value, last ? "" : ",");
}

static int run_client(const struct options *o) {
    SSL_CTX *ctx = make_context(o, 0);
    int n = o->connections > o->in_flight ? o->connections : o->in_flight;
    struct worker *workers = calloc((size_t)n, sizeof *workers);
    pthread_t *threads = calloc((size_t)n, sizeof *threads);
    pthread_barrier_t ready;
    pthread_barrier_init(&ready, NULL, (unsigned)n + 1);
    uint64_t measure_from = 0, measure_until = 0;
    for (int i = 0; i < n; i++) {
        workers[i] = (struct worker){.o = o, .ctx = ctx, .ready = &ready,
                                     .measure_from = &measure_from, .measure_until = &measure_until};
        if (pthread_create(&threads[i], NULL, drive, &workers[i]) != 0) die("pthread_create");
    }
    pthread_barrier_wait(&ready);
    uint64_t start = now_ns();
    measure_from = start + (uint64_t)(o->warmup * 1e9);
    measure_until = measure_from + (uint64_t)(o->duration * 1e9);
    pthread_barrier_wait(&ready);
    size_t total = 0;
    uint64_t messages = 0;
    int failed = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
        total += workers[i].count;
        messages += workers[i].messages;
        failed |= workers[i].failed;
    }
    if (failed) {
        fprintf(stderr, "raw-openssl-peer: a connection failed\n");
        ERR_print_errors_fp(stderr);
        return 1;
    }
    double seconds = (double)(measure_until - measure_from) / 1e9;
    printf("{");
    if (o->stream) {
        print_number("calls_per_s", -1, 0);
        print_number("p50_us", -1, 0);
        print_number("p99_us", -1, 0);
        print_number("messages_per_s", (double)messages / seconds, 1);
    } else {
        uint64_t *all = malloc((total ? total : 1) * sizeof *all);
        size_t at = 0;
        for (int i = 0; i < n; i++) {
            memcpy(all + at, workers[i].samples, workers[i].count * sizeof *all);
            at += workers[i].count;
        }
        qsort(all, total, sizeof *all, compare_u64);
        print_number("calls_per_s", (double)total / seconds, 0);
        print_number("p50_us", percentile_us(all, total, 50), 0);
        print_number("p99_us", percentile_us(all, total, 99), 0);
        print_number("messages_per_s", -1, 1);
    }
    printf("}\n");
    fflush(stdout);
    return 0;
}

/* ---------------------------------------------------------------- main */

static void usage(void) {
    fprintf(stderr,
            "usage: raw-openssl-peer server|client --host H --port P --pki DIR [--mode unary|stream]\n"
            "       [--connections N] [--in-flight N] [--duration S] [--warmup S] [--payload BYTES]\n");
    exit(2);
}

int main(int argc, char **argv) {
    if (argc < 2) usage();
    int server = strcmp(argv[1], "server") == 0;
    if (!server && strcmp(argv[1], "client") != 0) usage();
    struct options o = {.host = "127.0.0.1", .port = 7500, .pki = ".dev/pki", .connections = 1,
                        .in_flight = 1, .duration = 10, .warmup = 1, .payload = 128};
    for (int i = 2; i < argc; i += 2) {
        if (i + 1 >= argc) usage();
        const char *name = argv[i], *value = argv[i + 1];
        if (!strcmp(name, "--host")) o.host = value;
        else if (!strcmp(name, "--port")) o.port = atoi(value);
        else if (!strcmp(name, "--pki")) o.pki = value;
        else if (!strcmp(name, "--mode")) {
            if (!strcmp(value, "stream")) o.stream = 1;
            else if (strcmp(value, "unary")) usage();
        } else if (!strcmp(name, "--connections")) o.connections = atoi(value);
        else if (!strcmp(name, "--in-flight")) o.in_flight = atoi(value);
        else if (!strcmp(name, "--duration")) o.duration = atof(value);
        else if (!strcmp(name, "--warmup")) o.warmup = atof(value);
        else if (!strcmp(name, "--payload")) o.payload = (uint32_t)strtoul(value, NULL, 10);
        /* Other --name value pairs (peer-specific options of other peers) are ignored. */
    }
    if (o.connections < 1 || o.in_flight < 1 || o.payload > MAX_PAYLOAD || o.duration <= 0) usage();
    signal(SIGPIPE, SIG_IGN);
    return server ? run_server(&o) : run_client(&o);
}
