/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "steward-api.h"
#include "steward-demo-server.h"

G_BEGIN_DECLS

/* A demo server on a free loopback port, and a client signed in to it with a role's token. */
typedef struct
{
  StewardDemoServer *server;
  StewardClient     *client;
} StewardTestDemo;

StewardTestDemo *steward_test_demo_new      (StewardDemoRole  role);
StewardTestDemo *steward_test_demo_new_full (StewardDemoRole  role,
                                             const char      *first_property_name,
                                             ...) G_GNUC_NULL_TERMINATED;
StewardClient   *steward_test_demo_new_client (StewardTestDemo *demo,
                                               StewardDemoRole  role);
char            *steward_test_demo_last_body (StewardTestDemo *demo,
                                              const char      *method,
                                              const char      *path);
void             steward_test_demo_free     (StewardTestDemo *demo);

/* What @client's server holds now, waited for on the main loop. */
GListModel       *steward_test_list_groups   (StewardClient   *client);
StewardDatastore *steward_test_get_datastore (StewardClient   *client,
                                              gint64           id,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTestDemo, steward_test_demo_free)

G_END_DECLS
