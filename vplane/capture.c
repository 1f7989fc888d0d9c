/* vplane/capture.c: see capture.h. */
#include <config.h>
#include "capture.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "dp-packet.h"
#include "flow.h"
#include "openvswitch/dynamic-string.h"
#include "openvswitch/poll-loop.h"
#include "openvswitch/vlog.h"
#include "packets.h"
#include "pcap-file.h"
#include "util.h"

VLOG_DEFINE_THIS_MODULE(capture);

/* Frames read per capture_run(): a busy port must not hold the main
 * thread (the kernel queues the rest, and drops what overflows). */
#define CAPTURE_BATCH 64
#define CAPTURE_SNAPLEN 65535

struct capture {
    int fd;
    struct pcap_file *pcap;
    char *label, *path;
    uint64_t count, written, seen;
    uint16_t vxlan_port;
    uint32_t vni;
};

static struct capture cap = { .fd = -1 };

bool
capture_active(void)
{
    return cap.fd >= 0;
}

char *
capture_start(const char *ifname, const char *label, const char *path,
              uint64_t count, uint16_t vxlan_port, uint32_t vni)
{
    if (capture_active()) {
        return xasprintf("a capture of %s into %s is running (capture/stop "
                         "ends it)", cap.label, cap.path);
    }
    unsigned int ifindex = if_nametoindex(ifname);
    if (!ifindex) {
        return xasprintf("%s: no such interface", ifname);
    }
    /* Protocol 0 until bound: a socket opened with ETH_P_ALL would queue
     * every interface's frames until the bind. */
    int fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return xasprintf("cannot open a packet socket: %s",
                         ovs_strerror(errno));
    }
    struct sockaddr_ll sll = {
        .sll_family = AF_PACKET,
        .sll_protocol = htons(ETH_P_ALL),
        .sll_ifindex = ifindex,
    };
    if (bind(fd, (struct sockaddr *) &sll, sizeof sll)) {
        int error = errno;
        close(fd);
        return xasprintf("cannot capture on %s: %s", ifname,
                         ovs_strerror(error));
    }
    /* vplaned runs as root and the path is the caller's: the file must be
     * new (no overwriting, no symlink, no device or FIFO) and readable by
     * root only (it holds tenants' traffic).  OVS's writer then opens that
     * very file through /proc, not the path again. */
    int file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
                    | O_CLOEXEC, 0600);
    if (file < 0) {
        int error = errno;
        close(fd);
        return xasprintf("%s: cannot create: %s%s", path, ovs_strerror(error),
                         error == EEXIST ? " (captures never overwrite)" : "");
    }
    char *proc = xasprintf("/proc/self/fd/%d", file);
    struct pcap_file *pcap = ovs_pcap_open(proc, "ab");
    free(proc);
    close(file);
    if (!pcap) {
        int error = errno;
        close(fd);
        return xasprintf("%s: cannot write: %s", path, ovs_strerror(error));
    }

    free(cap.label);
    free(cap.path);
    cap = (struct capture) {
        .fd = fd, .pcap = pcap, .label = xstrdup(label),
        .path = xstrdup(path), .count = count, .vxlan_port = vxlan_port,
        .vni = vni,
    };
    VLOG_INFO("capturing %s into %s", label, path);
    return NULL;
}

void
capture_stop(void)
{
    if (capture_active()) {
        close(cap.fd);
        ovs_pcap_close(cap.pcap);
        cap.fd = -1;
        cap.pcap = NULL;
        VLOG_INFO("capture of %s into %s: %"PRIu64" frames written",
                  cap.label, cap.path, cap.written);
    }
}

/* Whether a fabric frame is VXLAN to or from the port, of the VNI asked
 * for.  Open vSwitch's parser finds the headers. */
static bool
is_wanted_vxlan(struct dp_packet *pkt)
{
    struct flow f;

    flow_extract(pkt, &f);
    if (f.dl_type != htons(ETH_TYPE_IP) || f.nw_proto != IPPROTO_UDP
        || (f.tp_dst != htons(cap.vxlan_port)
            && f.tp_src != htons(cap.vxlan_port))) {
        return false;
    }
    if (!cap.vni) {
        return true;
    }
    const uint8_t *vxlan = dp_packet_get_udp_payload(pkt);
    size_t len = vxlan ? (const uint8_t *) dp_packet_tail(pkt) - vxlan : 0;
    return (len >= 8 && (vxlan[0] & 0x08)
            && ((uint32_t) vxlan[4] << 16 | vxlan[5] << 8 | vxlan[6])
               == cap.vni);
}

void
capture_run(void)
{
    static uint8_t buf[CAPTURE_SNAPLEN];

    for (int i = 0; i < CAPTURE_BATCH && capture_active(); i++) {
        ssize_t n = recv(cap.fd, buf, sizeof buf, MSG_TRUNC);
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR) {
                VLOG_WARN("capture of %s: %s", cap.label,
                          ovs_strerror(errno));
                capture_stop();
            }
            break;
        }
        struct dp_packet pkt;
        dp_packet_use_const(&pkt, buf, MIN(n, (ssize_t) sizeof buf));
        cap.seen++;
        if (cap.vxlan_port && !is_wanted_vxlan(&pkt)) {
            continue;
        }
        ovs_pcap_write(cap.pcap, &pkt);
        if (++cap.written == cap.count) {
            capture_stop();
        }
    }
}

void
capture_wait(void)
{
    if (capture_active()) {
        poll_fd_wait(cap.fd, POLLIN);
    }
}

void
capture_format(struct ds *s)
{
    if (!cap.label) {
        ds_put_cstr(s, "no capture\n");
        return;
    }
    ds_put_format(s, "%s %s into %s: %"PRIu64, capture_active()
                  ? "capturing" : "captured", cap.label, cap.path,
                  cap.written);
    if (cap.count) {
        ds_put_format(s, " of %"PRIu64, cap.count);
    }
    ds_put_format(s, " frames (%"PRIu64" seen)\n", cap.seen);
}
