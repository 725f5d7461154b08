/* nfqdelay: netem-like packet faults for packets sent to an NFQUEUE (the kernel here has no sch_netem).
 * Each queued packet is held until now + delay +- jitter ms (uniform, or normal with jitter as the standard
 * deviation) and then accepted, in arrival (FIFO) order. Per packet, with the given percentages: -l drops it,
 * -o (reorder) accepts it at once, ahead of the held ones, -c flips a byte past the IP header (the L4 checksum then
 * fails and the kernel drops it, counting a checksum error), -u (duplicate) also delivers a copy through a raw
 * socket (the copy arrives on lo, so the queue rule must say `! -i lo`). -r paces the released packets to a
 * rate in kbit/s (a token bucket one packet deep; more than 2 s of backlog is dropped). Use it on the receiver's INPUT:
 *   iptables -A INPUT ! -i lo -s PEER -j NFQUEUE --queue-num 1 --queue-bypass; nfqdelay -q 1 -d 100 -j 10 -l 0 &
 * The queue is fail-open and SIGTERM/SIGINT release every held packet before exiting. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>

#define CAPACITY 65536
static struct { uint32_t id; int64_t due_us; } held[CAPACITY];
static unsigned head, tail;
static int64_t delay_us, jitter_us, rate_free_us, last_due_us;
static double loss_pct, dup_pct, reorder_pct, corrupt_pct, rate_kbit;
static int normal_jitter, raw_fd = -1;
static volatile sig_atomic_t stopping;

static int64_t now_us(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000LL + t.tv_nsec / 1000; }
static void on_signal(int sig) { (void)sig; stopping = 1; }
static int chance(double pct) { return pct > 0 && drand48() * 100.0 < pct; }

static int64_t jitter(void) {
  if (jitter_us <= 0) return 0;
  if (!normal_jitter) return (int64_t)(lrand48() % (2 * jitter_us + 1)) - jitter_us;
  double u1 = drand48(), u2 = drand48();
  if (u1 < 1e-12) u1 = 1e-12;
  return (int64_t)(sqrt(-2.0 * log(u1)) * cos(2 * M_PI * u2) * (double)jitter_us);
}

static void duplicate(unsigned char *pkt, int len) {
  if (raw_fd < 0 || len < (int)sizeof(struct iphdr)) return;
  struct iphdr *ip = (struct iphdr *)pkt;
  struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = ip->daddr };
  if (sendto(raw_fd, pkt, (size_t)len, 0, (struct sockaddr *)&to, sizeof to) < 0) perror("nfqdelay: duplicate");
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg, struct nfq_data *data, void *ctx) {
  (void)msg; (void)ctx;
  uint32_t id = ntohl(nfq_get_msg_packet_hdr(data)->packet_id);
  unsigned char *pkt = NULL;
  int len = nfq_get_payload(data, &pkt);
  if (chance(loss_pct)) return nfq_set_verdict(q, id, NF_DROP, 0, NULL);
  if (len > 0 && chance(dup_pct)) duplicate(pkt, len);
  if (len > 0 && chance(corrupt_pct)) {
    int ihl = (pkt[0] & 0x0f) * 4;
    if (len > ihl) { pkt[len - 1] ^= 0xff; return nfq_set_verdict(q, id, NF_ACCEPT, (uint32_t)len, pkt); }
  }
  int64_t now = now_us();
  if (delay_us > 0 && chance(reorder_pct)) return nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL);
  int64_t due = now + delay_us + jitter();
  if (due < last_due_us) due = last_due_us; /* FIFO: never before the packet ahead */
  if (rate_kbit > 0) {
    int bytes = len >= 4 ? (pkt[2] << 8 | pkt[3]) : 1500;
    if (due < rate_free_us) due = rate_free_us;
    if (due - now > 2000000) return nfq_set_verdict(q, id, NF_DROP, 0, NULL); /* bucket overflow */
    rate_free_us = due + (int64_t)(bytes * 8.0 * 1000.0 / rate_kbit);
  }
  if (due <= now && head == tail) return nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL);
  if (tail - head >= CAPACITY) return nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL); /* full: pass undelayed */
  held[tail % CAPACITY].id = id;
  held[tail % CAPACITY].due_us = due;
  last_due_us = due;
  tail++;
  return 0;
}

int main(int argc, char **argv) {
  int queue = 0, opt;
  while ((opt = getopt(argc, argv, "q:d:j:l:D:u:o:c:r:")) != -1) {
    if (opt == 'q') queue = atoi(optarg);
    else if (opt == 'd') delay_us = (int64_t)(atof(optarg) * 1000);
    else if (opt == 'j') jitter_us = (int64_t)(atof(optarg) * 1000);
    else if (opt == 'l') loss_pct = atof(optarg);
    else if (opt == 'D') normal_jitter = strcmp(optarg, "normal") == 0;
    else if (opt == 'u') dup_pct = atof(optarg);
    else if (opt == 'o') reorder_pct = atof(optarg);
    else if (opt == 'c') corrupt_pct = atof(optarg);
    else if (opt == 'r') rate_kbit = atof(optarg);
    else {
      fprintf(stderr, "usage: nfqdelay -q QUEUE -d DELAY_MS [-j JITTER_MS] [-D uniform|normal] [-l LOSS%%] [-u DUP%%] [-o REORDER%%] [-c CORRUPT%%] [-r KBIT_PER_S]\n");
      return 2;
    }
  }
  srand48((long)(now_us() ^ getpid()));
  signal(SIGTERM, on_signal); signal(SIGINT, on_signal);
  if (dup_pct > 0) {
    raw_fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    if (raw_fd < 0) perror("nfqdelay: raw socket for duplicates (NET_RAW?)");
  }
  struct nfq_handle *h = nfq_open();
  struct nfq_q_handle *qh = h ? nfq_create_queue(h, (uint16_t)queue, on_packet, NULL) : NULL;
  if (!qh) { perror("nfqdelay: cannot bind the queue (NET_ADMIN?)"); return 1; }
  nfq_set_mode(qh, NFQNL_COPY_PACKET, 0xffff);
  nfq_set_queue_maxlen(qh, 16384);
  nfq_set_queue_flags(qh, NFQA_CFG_F_FAIL_OPEN, NFQA_CFG_F_FAIL_OPEN);
  nfnl_rcvbufsiz(nfq_nfnlh(h), 8 << 20);
  int fd = nfq_fd(h);
  static char buf[1 << 18];
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
