/* nfqdelay: delay, jitter and loss for packets sent to an NFQUEUE (the kernel here has no sch_netem).
 * Each queued packet is held until now + delay +- jitter ms and then accepted, in arrival (FIFO) order;
 * with probability loss% it is dropped instead. Use it on the receiver's INPUT chain:
 *   iptables -A INPUT -s PEER -j NFQUEUE --queue-num 1 --queue-bypass; nfqdelay -q 1 -d 100 -j 10 -l 0 &
 * The queue is fail-open and SIGTERM/SIGINT release every held packet before exiting. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

#define CAPACITY 65536
static struct { uint32_t id; int64_t due_us; } held[CAPACITY];
static unsigned head, tail;
static int64_t delay_us, jitter_us;
static double loss_pct;
static volatile sig_atomic_t stopping;

static int64_t now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000LL + t.tv_nsec / 1000; }
static void on_signal(int sig) { (void)sig; stopping = 1; }

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg, struct nfq_data *data, void *ctx) {
  (void)msg; (void)ctx;
  uint32_t id = ntohl(nfq_get_msg_packet_hdr(data)->packet_id);
  if (loss_pct > 0 && drand48() * 100.0 < loss_pct) return nfq_set_verdict(q, id, NF_DROP, 0, NULL);
  if (tail - head >= CAPACITY) return nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL); /* full: pass undelayed */
  int64_t jitter = jitter_us > 0 ? (int64_t)(lrand48() % (2 * jitter_us + 1)) - jitter_us : 0;
  held[tail % CAPACITY].id = id;
  held[tail % CAPACITY].due_us = now_us() + delay_us + jitter;
  tail++;
  return 0;
}

int main(int argc, char **argv) {
  int queue = 0, opt;
  while ((opt = getopt(argc, argv, "q:d:j:l:")) != -1) {
    if (opt == 'q') queue = atoi(optarg);
    else if (opt == 'd') delay_us = (int64_t)(atof(optarg) * 1000);
    else if (opt == 'j') jitter_us = (int64_t)(atof(optarg) * 1000);
    else if (opt == 'l') loss_pct = atof(optarg);
    else { fprintf(stderr, "usage: nfqdelay -q QUEUE -d DELAY_MS [-j JITTER_MS] [-l LOSS_PERCENT]\n"); return 2; }
  }
  srand48((long)(now_us() ^ getpid()));
  signal(SIGTERM, on_signal); signal(SIGINT, on_signal);
  struct nfq_handle *h = nfq_open();
  struct nfq_q_handle *qh = h ? nfq_create_queue(h, (uint16_t)queue, on_packet, NULL) : NULL;
  if (!qh) { perror("nfqdelay: cannot bind the queue (NET_ADMIN?)"); return 1; }
  nfq_set_mode(qh, NFQNL_COPY_META, 0);
  nfq_set_queue_maxlen(qh, 16384);
  nfq_set_queue_flags(qh, NFQA_CFG_F_FAIL_OPEN, NFQA_CFG_F_FAIL_OPEN);
  int fd = nfq_fd(h);
  static char buf[1 << 16];
  while (!stopping) {
    int64_t now = now_us();
    while (head != tail && held[head % CAPACITY].due_us <= now) nfq_set_verdict(qh, held[head++ % CAPACITY].id, NF_ACCEPT, 0, NULL);
    int wait_ms = head == tail ? -1 : (int)((held[head % CAPACITY].due_us - now + 999) / 1000);
    struct pollfd p = { .fd = fd, .events = POLLIN };
    if (poll(&p, 1, wait_ms) <= 0) continue;
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0) nfq_handle_packet(h, buf, (int)n);
    else if (n < 0 && errno != ENOBUFS && errno != EINTR) { perror("nfqdelay: recv"); break; }
  }
  while (head != tail) nfq_set_verdict(qh, held[head++ % CAPACITY].id, NF_ACCEPT, 0, NULL);
  nfq_destroy_queue(qh);
  nfq_close(h);
  return 0;
}
