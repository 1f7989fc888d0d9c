/* ctrl/host-view-private.h: a host view's entries, shared by host-view.c
 * (computing a view) and host-view-diff.c (sending and comparing views).
 * Nothing else uses it. */
#ifndef VPLANE_CTRL_HOST_VIEW_PRIVATE_H
#define VPLANE_CTRL_HOST_VIEW_PRIVATE_H 1

struct json;

/* The kinds of entries, by the first letter of their keys, in the order a
 * host must apply additions (VNets before what is in them). */
enum entry_kind {
    KIND_VNET = 'v',
    KIND_PORT = 'p',
    KIND_XLATE = 'x',
    KIND_ROUTE = 'r',
    KIND_HOST = 'h',
    KIND_SUBSETS = 's',
    KIND_UPLINK = 'u',          /* This host's, replaced whole. */
    KIND_FIREWALL = 'f',        /* A port's rules, by "VNET/MAC". */
    KIND_NAT = 'n',             /* A NAT rule, by "TENANT/TYPE/ADDR...". */
};

struct view_entry {
    struct json *json;          /* What the host gets. */
    char *text;                 /* 'json' serialized, to compare. */
};

#endif /* ctrl/host-view-private.h */
