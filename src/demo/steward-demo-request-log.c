/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-demo"

/* The demo server's request log: how often each "METHOD path" was asked for and the last
 * requests' queries and bodies, which tests read to check what the client sent. The server
 * thread writes it and the public API reads it, both under the lock. */

#include "steward-demo-server-private.h"

#include <string.h>

#define REQUEST_LOG_SIZE 200
#define MAX_LOGGED_BODY (64 * 1024)

void
_demo_logged_request_free (gpointer data)
{
  LoggedRequest *entry = data;

  g_free (entry->method);
  g_free (entry->path);
  g_free (entry->query);
  g_free (entry->body);
  g_free (entry);
}

void
_demo_server_log_request (StewardDemoServer *self,
                          const char        *method,
                          const char        *path,
                          GUri              *uri,
                          SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GByteArray) start = g_byte_array_new ();
  LoggedRequest *entry = g_new0 (LoggedRequest, 1);
  g_autofree char *key = g_strdup_printf ("%s %s", method, path);
  guint count;

  /* The start of the body is enough for any test to read what it sent, and 200 big bodies do
   * not pile up. */
  while (start->len < MAX_LOGGED_BODY)
    {
      g_autoptr(GBytes) chunk = soup_message_body_get_chunk (body, start->len);
      gsize length;
      const guint8 *data = chunk != NULL ? g_bytes_get_data (chunk, &length) : NULL;

      if (data == NULL || length == 0)
        break;
      g_byte_array_append (start, data, MIN (length, MAX_LOGGED_BODY - start->len));
    }

  entry->method = g_strdup (method);
  entry->path = g_strdup (path);
  entry->query = g_strdup (g_uri_get_query (uri));
  entry->body = start->len > 0 ? g_utf8_make_valid ((const char *) start->data, start->len)
                               : g_strdup ("");

  g_mutex_lock (&self->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, key));
  g_hash_table_insert (self->request_counts, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
  g_queue_push_tail (&self->request_log, entry);
  if (self->request_log.length > REQUEST_LOG_SIZE)
    _demo_logged_request_free (g_queue_pop_head (&self->request_log));
  g_mutex_unlock (&self->lock);
}

guint
steward_demo_server_count_requests (StewardDemoServer *self,
                                    const char        *method,
                                    const char        *path)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), 0);
  g_return_val_if_fail (method != NULL && path != NULL, 0);

  key = g_strdup_printf ("%s %s", method, path);
  locker = g_mutex_locker_new (&self->lock);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->request_counts, key));
}


GPtrArray *
steward_demo_server_dup_request_bodies (StewardDemoServer *self,
                                        const char        *method,
                                        const char        *path)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *bodies;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  bodies = g_ptr_array_new_with_free_func (g_free);
  locker = g_mutex_locker_new (&self->lock);
  for (GList *l = self->request_log.head; l != NULL; l = l->next)
    {
      LoggedRequest *entry = l->data;

      if (strcmp (entry->method, method) == 0 && strcmp (entry->path, path) == 0)
        g_ptr_array_add (bodies, g_strdup (entry->body));
    }

  return bodies;
}

char *
steward_demo_server_dup_last_query (StewardDemoServer *self,
                                    const char        *method,
                                    const char        *path)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (STEWARD_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  for (GList *l = self->request_log.tail; l != NULL; l = l->prev)
    {
      LoggedRequest *entry = l->data;

      if (strcmp (entry->method, method) == 0 && strcmp (entry->path, path) == 0)
        return g_strdup (entry->query);
    }

  return NULL;
}
