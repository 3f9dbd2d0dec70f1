/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-browser-sign-in"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/random.h>

#include "steward-browser-sign-in.h"
#include "steward-keyring.h"
#include "steward-sign-in.h"

/* Browser sign-in, the way the vendor CLI does it: listen on a loopback port, open
 * <deployment>/api/cli/authorize?redirect_uri=http://127.0.0.1:PORT/callback&state=…&hostname=…
 * in the browser, and take the token the deployment redirects back with, only if it carries the
 * state we sent. Gives up after a while (two minutes by default). The listener only accepts
 * connections from 127.0.0.1. */
struct _StewardBrowserSignIn
{
  GObject      parent_instance;

  char        *base_url;
  char        *state;
  char        *authorize_url;
  SoupServer  *server;
  SoupServerMessage *answering;   /* the callback being answered, while it is */
  GTask       *task;
  GSource     *timeout_source;
  gulong       cancelled_id;
  guint        timeout_seconds;
  gboolean     open_browser;
};

G_DEFINE_FINAL_TYPE (StewardBrowserSignIn, steward_browser_sign_in, G_TYPE_OBJECT)

static gboolean
disconnect_cb (gpointer user_data)
{
  soup_server_disconnect (SOUP_SERVER (user_data));
  return G_SOURCE_REMOVE;
}

static void
answer_sent_cb (SoupServerMessage *message,
                SoupServer        *server)
{
  /* Not from inside the message's own signal: disconnecting lets go of the message. */
  g_idle_add_full (G_PRIORITY_DEFAULT, disconnect_cb, g_object_ref (server), g_object_unref);
}

static void
stop (StewardBrowserSignIn *self)
{
  if (self->timeout_source != NULL)
    g_source_destroy (self->timeout_source);
  g_clear_pointer (&self->timeout_source, g_source_unref);

  if (self->cancelled_id != 0 && self->task != NULL)
    g_cancellable_disconnect (g_task_get_cancellable (self->task), self->cancelled_id);
  self->cancelled_id = 0;

  if (self->server == NULL)
    return;

  /* No more answers; but the browser still gets the page it is being sent, so the listener
   * closes only once that is written, even when this object is gone by then. */
  soup_server_remove_handler (self->server, NULL);
  if (self->answering != NULL)
    g_signal_connect_data (self->answering, "finished", G_CALLBACK (answer_sent_cb),
                           g_object_ref (self->server), (GClosureNotify) g_object_unref, 0);
  else
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

static void
complete (StewardBrowserSignIn *self,
          char                 *token,
          GError               *error)
{
  g_autoptr(GTask) task = NULL;

  if (self->task == NULL)
    {
      steward_keyring_wipe_string (token);
      g_clear_error (&error);
      return;
    }

  stop (self);
  task = g_steal_pointer (&self->task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) steward_keyring_wipe_string);
}

static void
respond_page (SoupServerMessage *message,
              guint              status,
              const char        *title,
              const char        *text)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                           "<title>%s</title></head><body style=\"font-family: "
                                           "sans-serif; text-align: center; margin-top: 4em\">"
                                           "<h1>%s</h1><p>%s</p></body></html>",
                                           escaped_title, escaped_title, escaped_text);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    page, strlen (page));
}

/* Compares in time independent of where the strings differ. */
static gboolean
state_matches (const char *given,
               const char *expected)
{
  gsize length = expected != NULL ? strlen (expected) : 0;
  guchar difference = 0;

  if (given == NULL || expected == NULL || strlen (given) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    difference |= (guchar) given[i] ^ (guchar) expected[i];
  return difference == 0;
}

static void
answer_callback (StewardBrowserSignIn *self,
                 SoupServerMessage    *message,
                 const char           *state,
                 const char           *token,
                 const char           *denied)
{
  /* Checked first: a callback without our state is not an answer to our request. It is
   * refused and the sign-in goes on waiting for the real one, so that a stray or hostile page
   * hitting the port cannot end it. */
  if (!state_matches (state, self->state))
    {
      respond_page (message, SOUP_STATUS_BAD_REQUEST, _("Sign-in failed"),
                    _("This answer does not belong to the sign-in Steward started. Start again "
                       "from Steward."));
      return;
    }

  if (denied != NULL || token == NULL || *token == '\0')
    {
      respond_page (message, SOUP_STATUS_OK, _("Sign-in cancelled"),
                    _("Steward was not given access. You can close this tab."));
      complete (self, NULL,
                g_error_new_literal (STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_DENIED,
                                     _("Access was denied in the browser")));
      return;
    }

  respond_page (message, SOUP_STATUS_OK, _("Signed in to Steward"),
                _("You can close this tab and return to Steward."));
  complete (self, g_strdup (token), NULL);
}

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  /* Answering may complete the task, and its callback may drop the last other reference. */
  g_autoptr(StewardBrowserSignIn) self = g_object_ref (user_data);
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *token = query != NULL ? g_hash_table_lookup (query, "token") : NULL;
  const char *denied = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  if (!g_str_equal (path, "/callback") || self->task == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  self->answering = message;
  answer_callback (self, message, state, token, denied);
  self->answering = NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  StewardBrowserSignIn *self = user_data;

  g_clear_pointer (&self->timeout_source, g_source_unref);
  complete (self, NULL,
            g_error_new_literal (STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_TIMED_OUT,
                                 _("The browser did not answer within two minutes")));
  return G_SOURCE_REMOVE;
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  g_autoptr(StewardBrowserSignIn) self = user_data;

  complete (self, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled"));
  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable         *cancellable,
              StewardBrowserSignIn *self)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  /* Always deferred: finishing here would disconnect this handler from inside its own emission,
   * and the cancellation may come from another thread. */
  g_source_set_priority (idle, G_PRIORITY_DEFAULT);
  g_source_set_callback (idle, cancelled_idle_cb, g_object_ref (self), NULL);
  g_source_attach (idle, g_task_get_context (self->task));
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardBrowserSignIn) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    complete (self, NULL,
              g_error_new (STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_FAILED,
                           _("Could not open the web browser: %s"), error->message));
}

static void
steward_browser_sign_in_dispose (GObject *object)
{
  StewardBrowserSignIn *self = STEWARD_BROWSER_SIGN_IN (object);

  stop (self);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (steward_browser_sign_in_parent_class)->dispose (object);
}

static void
steward_browser_sign_in_finalize (GObject *object)
{
  StewardBrowserSignIn *self = STEWARD_BROWSER_SIGN_IN (object);

  g_free (self->base_url);
  g_free (self->state);
  g_free (self->authorize_url);

  G_OBJECT_CLASS (steward_browser_sign_in_parent_class)->finalize (object);
}

static void
steward_browser_sign_in_class_init (StewardBrowserSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_browser_sign_in_dispose;
  object_class->finalize = steward_browser_sign_in_finalize;
}

static void
steward_browser_sign_in_init (StewardBrowserSignIn *self)
{
  self->timeout_seconds = 120;
  self->open_browser = TRUE;
}

/* @base_url: the deployment's normalized API URL, ending in "/api/" */
StewardBrowserSignIn *
steward_browser_sign_in_new (const char *base_url)
{
  StewardBrowserSignIn *self = g_object_new (STEWARD_TYPE_BROWSER_SIGN_IN, NULL);

  self->base_url = g_strdup (base_url);
  return self;
}

void
steward_browser_sign_in_set_timeout (StewardBrowserSignIn *self,
                                     guint                 seconds)
{
  g_return_if_fail (STEWARD_IS_BROWSER_SIGN_IN (self));

  self->timeout_seconds = MAX (seconds, 1);
}

/* Tests play the browser themselves. */
void
steward_browser_sign_in_set_open_browser (StewardBrowserSignIn *self,
                                          gboolean              open_browser)
{
  g_return_if_fail (STEWARD_IS_BROWSER_SIGN_IN (self));

  self->open_browser = open_browser;
}

/* Returns: (nullable): the URL the browser is sent to, once running */
const char *
steward_browser_sign_in_get_authorize_url (StewardBrowserSignIn *self)
{
  g_return_val_if_fail (STEWARD_IS_BROWSER_SIGN_IN (self), NULL);

  return self->authorize_url;
}

/* 128 bits from the system's cryptographic random source, as hex: the state must not be
 * guessable, and GLib's g_random_* is not meant for that. */
static char *
random_state (void)
{
  guint8 bytes[16];
  GString *state = g_string_new (NULL);
  gsize filled = 0;

  while (filled < sizeof bytes)
    {
      ssize_t got = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (got < 0 && errno == EINTR)
        continue;
      g_assert (got > 0);   /* getrandom() on Linux ≥ 3.17 only fails for bad arguments */
      filled += got;
    }

  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (state, "%02x", bytes[i]);
  explicit_bzero (bytes, sizeof bytes);

  return g_string_free (state, FALSE);
}

void
steward_browser_sign_in_run_async (StewardBrowserSignIn *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) url = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *escaped_redirect = NULL;
  g_autofree char *escaped_host = NULL;
  GSList *uris;
  guint port;

  g_return_if_fail (STEWARD_IS_BROWSER_SIGN_IN (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, steward_browser_sign_in_run_async);

  self->server = soup_server_new ("server-header", "Steward", NULL);
  soup_server_add_handler (self->server, NULL, callback_cb, self, NULL);

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  if (!soup_server_listen (self->server, address, 0, &error))
    {
      complete (self, NULL,
                g_error_new (STEWARD_SIGN_IN_ERROR, STEWARD_SIGN_IN_ERROR_FAILED,
                             _("Could not listen for the browser: %s"), error->message));
      return;
    }

  uris = soup_server_get_uris (self->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_free (self->state);
  self->state = random_state ();
  redirect = g_strdup_printf ("http://127.0.0.1:%u/callback", port);
  escaped_redirect = g_uri_escape_string (redirect, NULL, FALSE);
  escaped_host = g_uri_escape_string (g_get_host_name (), NULL, FALSE);

  url = g_string_new (self->base_url);
  g_string_append_printf (url, "cli/authorize?redirect_uri=%s&state=%s&hostname=%s",
                          escaped_redirect, self->state, escaped_host);
  g_free (self->authorize_url);
  self->authorize_url = g_string_free (g_steal_pointer (&url), FALSE);

  self->timeout_source = g_timeout_source_new_seconds (self->timeout_seconds);
  g_source_set_callback (self->timeout_source, timeout_cb, self, NULL);
  g_source_attach (self->timeout_source, g_task_get_context (self->task));

  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);

  if (self->open_browser)
    g_app_info_launch_default_for_uri_async (self->authorize_url, NULL, cancellable,
                                             launched_cb, g_object_ref (self));
}

/* Returns: (transfer full): the token; free it with steward_keyring_wipe_string() */
char *
steward_browser_sign_in_run_finish (StewardBrowserSignIn  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
