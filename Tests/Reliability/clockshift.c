/* clockshift: an LD_PRELOAD library that steps a process's wall clock, for clock_faults.py.
 *
 * The wall clock (clock_gettime on CLOCK_REALTIME and CLOCK_REALTIME_COARSE, gettimeofday, time)
 * is the true time plus an offset in seconds read from the file $CLOCKSHIFT_FILE, read again at
 * most once a second (by the monotonic clock), so writing "3600" into it steps the running
 * process's clock an hour forward. The monotonic clocks are left alone, as a real step (NTP,
 * date -s) leaves them. Built by clock_faults.py with `cc -shared -fPIC -O2 -o clockshift.so
 * clockshift.c -ldl`. (Debian's libfaketime does the same and more, but with it preloaded a Swift
 * program sees no command-line arguments: CommandLine.arguments is empty.)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static int (*real_clock_gettime)(clockid_t, struct timespec *);
static const char *offset_file;
static _Atomic long offset_seconds;
static _Atomic long read_at = -1;

__attribute__((constructor)) static void clockshift_init(void) {
    real_clock_gettime = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    offset_file = getenv("CLOCKSHIFT_FILE");
}

/* Reads the offset without malloc or stdio (this runs inside any caller of the clock). */
static void refresh(void) {
    struct timespec now;
    if (!offset_file || real_clock_gettime(CLOCK_MONOTONIC, &now) != 0) return;
    long last = atomic_load(&read_at);
    if (last == now.tv_sec || !atomic_compare_exchange_strong(&read_at, &last, now.tv_sec)) return;
    int fd = open(offset_file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char text[32];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0) return;
    text[n] = 0;
    char *end;
    long value = strtol(text, &end, 10);
    if (end != text) atomic_store(&offset_seconds, value);
}

int clock_gettime(clockid_t id, struct timespec *ts) {
    if (!real_clock_gettime) clockshift_init();
    int result = real_clock_gettime(id, ts);
    if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE)) {
        refresh();
        ts->tv_sec += atomic_load(&offset_seconds);
    }
    return result;
}

int gettimeofday(struct timeval *tv, void *tz) {
    (void)tz;
    struct timespec ts;
    int result = clock_gettime(CLOCK_REALTIME, &ts);
    if (result == 0 && tv) {
        tv->tv_sec = ts.tv_sec;
        tv->tv_usec = ts.tv_nsec / 1000;
    }
    return result;
}

time_t time(time_t *out) {
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0) return (time_t)-1;
    if (out) *out = ts.tv_sec;
    return ts.tv_sec;
}
