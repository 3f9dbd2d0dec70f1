/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

#include "steward-demo-private.h"

#include <string.h>

/* The session: who the token belongs to, the health probe, and the browser sign-in that the
 * vendor's CLI uses (it opens /cli/authorize and waits for the redirect on a loopback port). */

static const DemoUser users[] = {
  { 0, 1, "admin", "Avery Admin", "avery.admin@acme-corp.com", "Admin", DEMO_LEVEL_ADMIN },
  { 1, 2, "manager", "Morgan Manager", "morgan.manager@acme-corp.com", "Manager",
    DEMO_LEVEL_MANAGER },
  { 2, 3, "member", "Riley Member", "riley.member@acme-corp.com", "Member", DEMO_LEVEL_MEMBER },
};

/* The expired role is the admin, holding an expired token. */
const DemoUser *
_demo_user_for_role (StewardDemoRole role)
{
  switch (role)
    {
    case STEWARD_DEMO_ROLE_MANAGER:
      return &users[1];
    case STEWARD_DEMO_ROLE_MEMBER:
      return &users[2];
    case STEWARD_DEMO_ROLE_ADMIN:
    case STEWARD_DEMO_ROLE_EXPIRED:
    default:
      return &users[0];
    }
}

const DemoUser *
_demo_user_for_key (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (users); i++)
    if (strcmp (users[i].key, key) == 0)
      return &users[i];
  return NULL;
}

void
_demo_session_health (DemoRequest *req)
{
  _demo_reply_empty (req, SOUP_STATUS_NO_CONTENT);
}

void
_demo_session_me (DemoRequest *req)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", req->user->id);
  json_object_set_string_member (object, "name", req->user->name);
  json_object_set_string_member (object, "email", req->user->email);
  json_object_set_string_member (object, "role", req->user->role);
  _demo_reply_object (req, SOUP_STATUS_OK, object);
}

/* Only a loopback listener of the client itself may receive a token. */
static gboolean
is_loopback_callback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 &&
         (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0) &&
         g_uri_get_port (uri) > 0;
}

/* Approves at once: the demo has nobody to ask. */
void
_demo_session_authorize (DemoRequest *req)
{
  const char *redirect = _demo_query_get (req, "redirect_uri");
  const char *state = _demo_query_get (req, "state");
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) target = NULL;
  g_autoptr(GString) query = NULL;
  g_autofree char *token = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *location = NULL;

  if (redirect == NULL || *redirect == '\0')
    {
      _demo_reply_detail (req, SOUP_STATUS_BAD_REQUEST, "redirect_uri is required");
      return;
    }

  uri = g_uri_parse (redirect, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || !is_loopback_callback (uri))
    {
      _demo_reply_detail (req, SOUP_STATUS_BAD_REQUEST,
                          "redirect_uri must be a loopback address such as "
                          "http://127.0.0.1:PORT/callback");
      return;
    }

  token = _demo_server_issue_token (req->server, STEWARD_DEMO_ROLE_ADMIN);
  query = g_string_new (g_uri_get_query (uri));
  escaped = g_uri_escape_string (token, NULL, FALSE);
  g_string_append_printf (query, "%stoken=%s", query->len > 0 ? "&" : "", escaped);
  if (state != NULL)
    {
      g_free (escaped);
      escaped = g_uri_escape_string (state, NULL, FALSE);
      g_string_append_printf (query, "&state=%s", escaped);
    }

  target = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                        g_uri_get_port (uri), g_uri_get_path (uri), query->str,
                        g_uri_get_fragment (uri));
  location = g_uri_to_string (target);
  soup_server_message_set_redirect (req->msg, SOUP_STATUS_FOUND, location);
}
