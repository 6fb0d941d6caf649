/*
 * Signal forwarding latency of an init/supervisor, measured end to end:
 * t0 = CLOCK_MONOTONIC just before kill(supervisor, SIGUSR1); t1 = CLOCK_MONOTONIC inside the child's
 * SIGUSR1 handler (the child is this same program in "child" role, started by the supervisor).
 * The child reports t1 on its stdout, which the supervisor passes through, so no descriptor beyond
 * 0-2 has to survive the supervisor (ours closes everything from 3 up).
 *
 *   signal_latency child
 *   signal_latency harness TRIALS WARMUP -- COMMAND...   (COMMAND ends by running "signal_latency child")
 *
 * Prints one line: label-free "p50_us p90_us p99_us max_us mean_us trials lost".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void on_usr1(int sig) {
    (void) sig;
    int64_t t = now_ns(); /* clock_gettime and write are async-signal-safe */
    ssize_t ignored = write(1, &t, sizeof t);
    (void) ignored;
}

static void on_term(int sig) {
    (void) sig;
    _exit(0);
}

static int child(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    int64_t ready = 0;
    if (write(1, &ready, sizeof ready) != sizeof ready) return 1;
    for (;;) pause();
}

/* Reads exactly 8 bytes within timeout_ms; 0 on success. */
static int read_stamp(int fd, int64_t *out, int timeout_ms) {
    size_t got = 0;
    char *p = (char *) out;
    int64_t deadline = now_ns() + (int64_t) timeout_ms * 1000000LL;
    while (got < sizeof *out) {
        int left = (int) ((deadline - now_ns()) / 1000000LL);
        if (left <= 0) return -1;
        struct pollfd pfd = {fd, POLLIN, 0};
        int r = poll(&pfd, 1, left);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        ssize_t n = read(fd, p + got, sizeof *out - got);
        if (n <= 0) return -1;
        got += (size_t) n;
    }
    return 0;
}

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static int64_t pct(const int64_t *v, int n, double p) {
    int i = (int) (p * n + 0.999999) - 1; /* nearest-rank */
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    return v[i];
}

static int harness(int trials, int warmup, char **cmd) {
    int fds[2];
    if (pipe(fds) != 0) { perror("pipe"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execvp(cmd[0], cmd);
        perror("execvp");
        _exit(127);
    }
    close(fds[1]);
    int64_t stamp;
    if (read_stamp(fds[0], &stamp, 60000) != 0 || stamp != 0) {
        fprintf(stderr, "child never became ready\n");
        kill(pid, SIGKILL);
        return 1;
    }
    usleep(100000); /* let the supervisor settle into its loop */
    int64_t *lat = calloc((size_t) trials, sizeof *lat);
    int n = 0, lost = 0;
    for (int i = 0; i < warmup + trials; i++) {
        int64_t t0 = now_ns();
        if (kill(pid, SIGUSR1) != 0) { perror("kill"); break; }
        if (read_stamp(fds[0], &stamp, 1000) != 0) { lost++; continue; }
        if (i >= warmup) lat[n++] = stamp - t0;
        usleep(3000); /* separate trials so the kernel never merges two pending USR1 */
    }
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    if (n == 0) { fprintf(stderr, "no samples\n"); return 1; }
    qsort(lat, (size_t) n, sizeof *lat, cmp);
    double sum = 0;
    for (int i = 0; i < n; i++) sum += (double) lat[i];
    printf("%.0f %.0f %.0f %.0f %.0f %d %d\n", pct(lat, n, 0.50) / 1e3, pct(lat, n, 0.90) / 1e3,
           pct(lat, n, 0.99) / 1e3, lat[n - 1] / 1e3, sum / n / 1e3, n, lost);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "child") == 0) return child();
    if (argc >= 6 && strcmp(argv[1], "harness") == 0 && strcmp(argv[4], "--") == 0) {
        return harness(atoi(argv[2]), atoi(argv[3]), argv + 5);
    }
    fprintf(stderr, "usage: %s child | harness TRIALS WARMUP -- COMMAND...\n", argv[0]);
    return 64;
}
