/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Makes @host_name resolve to 127.0.0.1 in this process, whatever the machine's /etc/hosts and
 * DNS say, so a test can reach a loopback server under a name that is not a loopback name (a
 * "remote" host). Other names resolve as before. */
void steward_test_resolver_add_host (const char *host_name);

G_END_DECLS
