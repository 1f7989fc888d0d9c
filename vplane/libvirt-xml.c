/* vplane/libvirt-xml.c: reads vPlane's NICs out of a domain XML.
 * See libvirt-xml.h.  Only libxml2 and the field parsers of
 * tables-config.h; no libvirt calls. */
#include <config.h>
#include "libvirt-xml.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include "tables-config.h"
#include "util.h"

/* An attribute's value as a malloc'd string, or NULL. */
static char *
attr(xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *) name);
    char *s = v ? xstrdup((const char *) v) : NULL;

    xmlFree(v);
    return s;
}

/* The first element child of 'node' named 'name' in no namespace (the
 * domain's own elements), or NULL. */
static xmlNode *
child(xmlNode *node, const char *name)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !c->ns
            && !strcmp((const char *) c->name, name)) {
            return c;
        }
    }
    return NULL;
}

static xmlXPathObject *
eval(xmlXPathContext *ctx, const char *path, xmlNode *at)
{
    ctx->node = at;
    return xmlXPathEvalExpression((const xmlChar *) path, ctx);
}

/* Fills 'spec' from one <vplane:interface> entry of the metadata. */
static char *
parse_entry(xmlXPathContext *ctx, xmlNode *entry, struct lv_nic_spec *spec)
{
    char *mac = attr(entry, "mac");
    char *error = NULL;

    spec->vnet = attr(entry, "vnet");
    if (!mac) {
        error = xstrdup("metadata: an interface without mac=\"...\"");
    } else {
        error = vp_parse_vm_mac("metadata mac", mac, &spec->mac);
    }
    if (!error && !spec->vnet) {
        error = xasprintf("metadata: interface %s without vnet=\"...\"", mac);
    } else if (!error) {
        error = vp_parse_name("metadata vnet", spec->vnet);
    }
    free(mac);

    xmlXPathObject *ips = (error ? NULL
                           : eval(ctx, "*[local-name()='ip']", entry));
    int n = ips && ips->nodesetval ? ips->nodesetval->nodeNr : 0;
    if (n > LV_MAX_IPS) {
        error = xasprintf("metadata: more than %d addresses", LV_MAX_IPS);
    }
    for (int i = 0; !error && i < n; i++) {
        char *address = attr(ips->nodesetval->nodeTab[i], "address");
        error = (address
                 ? vp_parse_unicast_ip("metadata ip", address,
                                       &spec->ips[spec->n_ips++])
                 : xstrdup("metadata: an ip without address=\"...\""));
        free(address);
    }
    xmlXPathFreeObject(ips);
    return error;
}

/* Finds the domain's <interface> with the entry's MAC and takes its tap. */
static char *
match_device(xmlXPathContext *ctx, xmlNode *root, struct lv_nic_spec *spec)
{
    xmlXPathObject *ifaces = eval(ctx, "devices/interface", root);
    int n = ifaces && ifaces->nodesetval ? ifaces->nodesetval->nodeNr : 0;
    char *error = NULL;
    bool found = false;

    for (int i = 0; i < n && !found; i++) {
        xmlNode *iface = ifaces->nodesetval->nodeTab[i];
        xmlNode *mac_node = child(iface, "mac");
        char *mac_s = mac_node ? attr(mac_node, "address") : NULL;
        struct eth_addr mac;

        if (mac_s && eth_addr_from_string(mac_s, &mac)
            && eth_addr_equals(mac, spec->mac)) {
            char *type = attr(iface, "type");
            xmlNode *target = child(iface, "target");

            found = true;
            if (!type || strcmp(type, "ethernet")) {
                error = xasprintf("interface "ETH_ADDR_FMT" is type='%s'; "
                                  "vPlane attaches type='ethernet' only",
                                  ETH_ADDR_ARGS(spec->mac),
                                  type ? type : "");
            } else if (target) {
                char *managed = attr(target, "managed");
                spec->tap = attr(target, "dev");
                spec->tap_unmanaged = managed && !strcmp(managed, "no");
                free(managed);
                if (spec->tap) {
                    error = vp_parse_new_ifname("target dev", spec->tap);
                }
            }
            free(type);
        }
        free(mac_s);
    }
    xmlXPathFreeObject(ifaces);
    if (!found && !error) {
        error = xasprintf("the domain has no interface with MAC "
                          ETH_ADDR_FMT, ETH_ADDR_ARGS(spec->mac));
    }
    return error;
}

char *
lv_parse_domain_nics(const char *xml, struct lv_nic_spec **nicsp,
                     size_t *n_nicsp)
{
    *nicsp = NULL;
    *n_nicsp = 0;

    xmlDoc *doc = xmlReadMemory(xml, strlen(xml), "domain.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR
                                | XML_PARSE_NOWARNING);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || strcmp((const char *) root->name, "domain")) {
        xmlFreeDoc(doc);
        return xstrdup("not a domain XML");
    }

    xmlXPathContext *ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *) "vplane",
                       (const xmlChar *) LV_XMLNS);
    /* The entries are matched by local name: "virsh metadata --set" puts
     * only the top element in vPlane's namespace. */
    xmlXPathObject *entries = eval(ctx, "metadata/vplane:interfaces/"
                                   "*[local-name()='interface']", root);
    int n = entries && entries->nodesetval ? entries->nodesetval->nodeNr : 0;
    struct lv_nic_spec *nics = xcalloc(n + 1, sizeof *nics);

    for (int i = 0; i < n; i++) {
        struct lv_nic_spec *spec = &nics[i];

        spec->error = parse_entry(ctx, entries->nodesetval->nodeTab[i], spec);
        if (!spec->error) {
            spec->error = match_device(ctx, root, spec);
        }
        for (int j = 0; j < i && !spec->error; j++) {
            if (eth_addr_equals(nics[j].mac, spec->mac)) {
                spec->error = xasprintf("metadata: MAC "ETH_ADDR_FMT" is "
                                        "listed twice",
                                        ETH_ADDR_ARGS(spec->mac));
            }
        }
    }
    xmlXPathFreeObject(entries);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);

    *nicsp = nics;
    *n_nicsp = n;
    return NULL;
}

void
lv_nic_spec_clear(struct lv_nic_spec *spec)
{
    free(spec->vnet);
    free(spec->tap);
    free(spec->error);
    memset(spec, 0, sizeof *spec);
}

void
lv_nic_specs_free(struct lv_nic_spec *nics, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        lv_nic_spec_clear(&nics[i]);
    }
    free(nics);
}
