/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client against hostile servers: each answer here is written byte by byte by a server that
 * lies, drips, floods, nests, redirects and mangles. Every case must end in a typed error or in
 * sane data; never a crash, a hang or memory that grows with what the server sends. */
#include <string.h>
#include <sys/resource.h>

#include "steward-api.h"
#include "steward-deployment.h"
#include "steward-test-async.h"

/* A raw HTTP server on its own thread: it reads a request's head (and body) and hands the
 * socket to the test's responder, then closes the connection. */

typedef struct _Hostile Hostile;
typedef void (*Responder) (Hostile    *hostile,
                           GSocket    *socket,
                           const char *method,
                           const char *target);

struct _Hostile
{
  GSocket      *listener;
  GThread      *thread;
  GCancellable *stop;
  GMutex        lock;
  GCond         stopped;
  gboolean      stopping;
  Responder     respond;
  gpointer      data;
  GPtrArray    *targets;   /* "METHOD /path?query" of each request, under lock */
  char         *url;
};

static gboolean
send_all (GSocket    *socket,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      /* Stopping the server interrupts a send the client stopped reading. */
      gssize sent =
          g_socket_send (socket, data, length, g_object_get_data (G_OBJECT (socket), "stop"), NULL);

      if (sent <= 0)
        return FALSE;
      data += sent;
      length -= sent;
    }
  return TRUE;
}

static gboolean
send_text (GSocket    *socket,
           const char *text)
{
  return send_all (socket, text, strlen (text));
}

/* Waits @ms unless the server is being stopped; FALSE when it is. */
static gboolean
pause_ms (Hostile *hostile,
          guint    ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  gboolean go_on;

  g_mutex_lock (&hostile->lock);
  while (!hostile->stopping && g_cond_wait_until (&hostile->stopped, &hostile->lock, until))
    ;
  go_on = !hostile->stopping;
  g_mutex_unlock (&hostile->lock);
  return go_on;
}

static void
serve (Hostile *hostile,
       GSocket *socket)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  char buffer[4096];
  const char *end;
  gsize content_length = 0;

  /* The head, then as much body as it announces (ignored). */
  while ((end = strstr (head->str, "\r\n\r\n")) == NULL)
    {
      gssize got = g_socket_receive (socket, buffer, sizeof buffer, hostile->stop, NULL);

      if (got <= 0)
        return;
      g_string_append_len (head, buffer, got);
    }
  {
    g_autofree char *lower = g_ascii_strdown (head->str, -1);
    const char *length = strstr (lower, "content-length:");

    if (length != NULL)
      content_length = g_ascii_strtoull (length + strlen ("content-length:"), NULL, 10);
  }
  for (gsize have = head->len - (end + 4 - head->str); have < content_length;)
    {
      gssize got = g_socket_receive (socket, buffer, sizeof buffer, hostile->stop, NULL);

      if (got <= 0)
        return;
      have += got;
    }

  words = g_strsplit (head->str, " ", 3);
  if (g_strv_length (words) < 2)
    return;

  g_mutex_lock (&hostile->lock);
  g_ptr_array_add (hostile->targets, g_strdup_printf ("%s %s", words[0], words[1]));
  g_mutex_unlock (&hostile->lock);

  hostile->respond (hostile, socket, words[0], words[1]);
}

static gpointer
serve_thread (gpointer user_data)
{
  Hostile *hostile = user_data;

  for (;;)
    {
      g_autoptr(GSocket) socket = g_socket_accept (hostile->listener, hostile->stop, NULL);

      if (socket == NULL)
        return NULL;
      g_object_set_data (G_OBJECT (socket), "stop", hostile->stop);
      serve (hostile, socket);
      g_socket_close (socket, NULL);
    }
}

static Hostile *
hostile_new (Responder respond,
             gpointer  data)
{
  Hostile *hostile = g_new0 (Hostile, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  hostile->respond = respond;
  hostile->data = data;
  hostile->stop = g_cancellable_new ();
  hostile->targets = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&hostile->lock);
  g_cond_init (&hostile->stopped);

  hostile->listener =
      g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (hostile->listener, any_port, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (hostile->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (hostile->listener, &error);
  g_assert_no_error (error);
  hostile->url = g_strdup_printf ("http://127.0.0.1:%u/api/",
                                  g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  hostile->thread = g_thread_new ("hostile-server", serve_thread, hostile);
  return hostile;
}

static void
hostile_free (Hostile *hostile)
{
  g_mutex_lock (&hostile->lock);
  hostile->stopping = TRUE;
  g_cond_broadcast (&hostile->stopped);
  g_mutex_unlock (&hostile->lock);
  g_cancellable_cancel (hostile->stop);
  g_thread_join (hostile->thread);

  g_socket_close (hostile->listener, NULL);
  g_object_unref (hostile->listener);
  g_object_unref (hostile->stop);
  g_ptr_array_unref (hostile->targets);
  g_mutex_clear (&hostile->lock);
  g_cond_clear (&hostile->stopped);
  g_free (hostile->url);
  g_free (hostile);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hostile, hostile_free)

static guint
hostile_count (Hostile *hostile)
{
  guint n;

  g_mutex_lock (&hostile->lock);
  n = hostile->targets->len;
  g_mutex_unlock (&hostile->lock);
  return n;
}

/* Answers with a complete response: status line, JSON type, length, body. */
static void
answer (GSocket    *socket,
        const char *status_line,
        const char *body)
{
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 %s\r\nContent-Type: application/json\r\n"
                                           "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                                           status_line, strlen (body));

  send_text (socket, head);
  send_text (socket, body);
}

static StewardClient *
client_for (Hostile *hostile)
{
  StewardClient *client = steward_client_new (hostile->url, NULL);

  steward_client_set_token (client, "test-token");
  steward_client_set_retries (client, 0, 1);
  return client;
}

static GError *
get_datastore_error (StewardClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(StewardDatastore) datastore = NULL;
  GError *error = NULL;

  steward_client_get_datastore_async (client, 1, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  datastore = steward_client_get_datastore_finish (client, result, &error);
  g_assert_null (datastore);
  g_assert_nonnull (error);
  return error;
}

static StewardDatastorePage *
list_page (StewardClient  *client,
           GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  steward_client_list_datastores_async (client, NULL, 1, 100, NULL, steward_test_store_result_cb,
                                        &result);
  steward_test_wait_result (&result);
  return steward_client_list_datastores_finish (client, result, error);
}

static glong
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Wrong types in every field, numbers out of every range, and one id twice: sane values, and one
 * object per datastore and per group. */

static void
wrong_types_valid_respond (Hostile    *hostile,
                           GSocket    *socket,
                           const char *method,
                           const char *target)
{
  if (g_str_has_prefix (target, "/api/datastore-groups"))
    answer (socket, "200 OK",
            "[{\"id\": \"x\", \"name\": 7}, {\"id\": 3, \"name\": \"G\"}, "
            "{\"id\": 3, \"name\": \"G again\"}, {\"name\": \"no id\"}, {\"id\": 0}]");
  else if (strstr (target, "enrichment_only=true") != NULL)
    answer (socket, "200 OK",
            "{\"items\": [], \"total\": 0, \"page\": 1, \"size\": 100, \"pages\": 1}");
  else
    answer (socket, "200 OK",
            "{\"items\": [{\"id\": 1, \"name\": [1], \"type\": {}, \"favorite\": \"yes\", "
            "\"connected\": 2,"
            " \"teams\": \"Finance\", \"global_tags\": [null, 1, {\"name\": 2}, {\"name\": "
            "\"ok\"}],"
            " \"created\": 5, \"metrics\": [1, 2], \"connection\": 7, \"group\": {\"id\": 3, "
            "\"name\": 1e999},"
            " \"enrichment_source_record_limit\": 1e30},"
            " {\"id\": 1, \"name\": \"same id\"}, {\"id\": -4}, {\"name\": \"no id\"}, [], \"x\"],"
            " \"total\": \"many\", \"page\": null, \"size\": {}, \"pages\": -1}");
}

static void
test_wrong_types_in_valid_json (void)
{
  g_autoptr(Hostile) hostile = hostile_new (wrong_types_valid_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(StewardDeployment) deployment = steward_deployment_new (client, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  StewardDatastore *datastore;

  steward_deployment_refresh_async (deployment, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_deployment_refresh_finish (deployment, result, &error));
  g_assert_no_error (error);

  /* One object for id 1 (the later answer updates it); no object for ids that are not ids. */
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_datastores (deployment)), ==,
                    1);
  datastore = steward_deployment_find_datastore (deployment, 1);
  g_assert_nonnull (datastore);
  g_assert_cmpstr (steward_datastore_get_name (datastore), ==, "same id");
  g_assert_false (steward_datastore_get_favorite (datastore));
  g_assert_cmpint (steward_datastore_get_enrichment_source_record_limit (datastore), ==, 0);
  g_assert_cmpstr (steward_datastore_get_tags (datastore)[0], ==, "ok");

  /* Groups: one per id, none without one. */
  g_assert_cmpuint (g_list_model_get_n_items (steward_deployment_get_groups (deployment)), ==, 1);
  g_assert_cmpstr (steward_datastore_group_get_name (steward_deployment_find_group (deployment, 3)),
                   ==, "G");
}

/* Bodies the client must refuse to hold. */

static void
huge_respond (Hostile    *hostile,
              GSocket    *socket,
              const char *method,
              const char *target)
{
  static char block[65536];
  gboolean announce = GPOINTER_TO_INT (hostile->data);

  memset (block, ' ', sizeof block);
  if (announce)
    send_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       "Content-Length: 104857600\r\nConnection: close\r\n\r\n[");
  else
    send_text (socket,
               "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");

  /* 100 MB of white space, or until the client hangs up. */
  for (guint i = 0; i < 1600; i++)
    if (!send_all (socket, block, sizeof block))
      return;
}

/* AddressSanitizer keeps freed blocks in quarantine instead of reusing them, so each buffer the
 * growing body left behind still counts in the peak. */
#if defined(__SANITIZE_ADDRESS__)
#define RSS_BOUND_KB (150 * 1024)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RSS_BOUND_KB (150 * 1024)
#endif
#endif
#ifndef RSS_BOUND_KB
#define RSS_BOUND_KB (80 * 1024)
#endif

static void
test_huge_bodies (gconstpointer data)
{
  g_autoptr(Hostile) hostile = hostile_new (huge_respond, (gpointer) data);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) error = NULL;
  glong before = peak_rss_kb ();

  error = get_datastore_error (client);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "larger than Steward accepts"));
  /* Refused at the limit, not after holding all of it (which, with the buffer doubling as it
   * grows, would pass 190 MB). */
  g_assert_cmpint (peak_rss_kb () - before, <, RSS_BOUND_KB);
}

static void
deep_respond (Hostile    *hostile,
              GSocket    *socket,
              const char *method,
              const char *target)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (body, g_str_has_prefix (target, "/api/datastores?") ? '[' : '{');
  if (g_str_has_prefix (target, "/api/datastores/"))
    {
      /* As an error body, too: 404 with a deep "detail". */
      g_autofree char *deep = g_strconcat ("{\"detail\": ", body->str, NULL);

      answer (socket, "404 Not Found", deep);
      return;
    }
  answer (socket, "200 OK", body->str);
}

static void
test_deep_nesting (void)
{
  g_autoptr(Hostile) hostile = hostile_new (deep_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(StewardDatastorePage) page = list_page (client, &page_error);

  g_assert_null (page);
  g_assert_error (page_error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);

  /* The error body is not parsed past the limit; the 404 stays a 404. */
  get_error = get_datastore_error (client);
  g_assert_error (get_error, STEWARD_API_ERROR, STEWARD_API_ERROR_NOT_FOUND);
}

static void
truncated_respond (Hostile    *hostile,
                   GSocket    *socket,
                   const char *method,
                   const char *target)
{
  send_text (socket, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                     "Connection: close\r\n\r\n{\"items\": [{\"id\": 1,");
}

static void
test_truncated (void)
{
  g_autoptr(Hostile) hostile = hostile_new (truncated_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDatastorePage) page = list_page (client, &error);

  g_assert_null (page);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
}

static void
mangled_respond (Hostile    *hostile,
                 GSocket    *socket,
                 const char *method,
                 const char *target)
{
  if (g_str_has_prefix (target, "/api/datastores/"))
    answer (socket, "500 \xff\xfe broken \xc3", "<html><body>Internal error</body></html>");
  else if (strstr (target, "page=1") != NULL)
    answer (socket, "200 OK", "{\"items\": [{\"id\": 1, \"name\": \"caf\xc3\"}], \"total\": 1}");
  else
    answer (socket, "200 OK", "");
}

/* Bad UTF-8 anywhere: a typed error, and no invalid UTF-8 in any message shown. */
static void
test_bad_utf8 (void)
{
  g_autoptr(Hostile) hostile = hostile_new (mangled_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(StewardDatastorePage) page = list_page (client, &page_error);

  g_assert_null (page);
  g_assert_error (page_error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);

  get_error = get_datastore_error (client);
  g_assert_error (get_error, STEWARD_API_ERROR, STEWARD_API_ERROR_SERVER);
  g_assert_true (g_utf8_validate (get_error->message, -1, NULL));
}

static void
html_respond (Hostile    *hostile,
              GSocket    *socket,
              const char *method,
              const char *target)
{
  if (strstr (target, "empty") != NULL || g_str_has_prefix (target, "/api/datastores/"))
    answer (socket, "200 OK", "");
  else
    answer (socket, "200 OK", "<!doctype html><html><body>Login</body></html>");
}

/* A proxy's login page or an empty 200 is no answer of the API. */
static void
test_html_and_empty (void)
{
  g_autoptr(Hostile) hostile = hostile_new (html_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) page_error = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(StewardDatastorePage) page = list_page (client, &page_error);

  g_assert_null (page);
  g_assert_error (page_error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
  get_error = get_datastore_error (client);
  g_assert_error (get_error, STEWARD_API_ERROR, STEWARD_API_ERROR_PARSE);
}

static void
redirect_respond (Hostile    *hostile,
                  GSocket    *socket,
                  const char *method,
                  const char *target)
{
  Hostile *elsewhere = hostile->data;
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 302 Found\r\nLocation: %sdatastores/1\r\n"
                                           "Content-Length: 0\r\nConnection: close\r\n\r\n",
                                           elsewhere->url);

  send_text (socket, head);
}

static void
elsewhere_respond (Hostile    *hostile,
                   GSocket    *socket,
                   const char *method,
                   const char *target)
{
  answer (socket, "200 OK", "{\"id\": 1, \"name\": \"Not the deployment's\"}");
}

/* A redirect is reported, naming where it pointed; nothing is sent there. */
static void
test_redirect (void)
{
  g_autoptr(Hostile) elsewhere = hostile_new (elsewhere_respond, NULL);
  g_autoptr(Hostile) hostile = hostile_new (redirect_respond, elsewhere);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) error = get_datastore_error (client);

  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, elsewhere->url));
  g_assert_cmpuint (hostile_count (elsewhere), ==, 0);
}

static void
drip_respond (Hostile    *hostile,
              GSocket    *socket,
              const char *method,
              const char *target)
{
  send_text (socket,
             "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n"
             "Connection: close\r\n\r\n");
  /* A byte every 200 ms: never silent long enough for an idle timeout. */
  while (pause_ms (hostile, 200))
    if (!send_text (socket, " "))
      return;
}

static void
test_drip (void)
{
  g_autoptr(Hostile) hostile = hostile_new (drip_respond, NULL);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  steward_client_set_deadline (client, 2);
  error = get_datastore_error (client);
  g_assert_error (error, STEWARD_API_ERROR, STEWARD_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "in time"));
  /* The deadline, not the drip, ended it. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

typedef struct
{
  const char *total;
  const char *pages;
  guint       items_per_page;  /* 0 from page 2 on: the list ends early */
  const char *page_field;
} Pagination;

static void
lying_respond (Hostile    *hostile,
               GSocket    *socket,
               const char *method,
               const char *target)
{
  Pagination *lie = hostile->data;
  g_autoptr(GString) body = g_string_new ("{\"items\": [");
  const char *page = strstr (target, "page=");
  guint number = page != NULL ? (guint) g_ascii_strtoull (page + 5, NULL, 10) : 1;
  guint n = number == 1 ? 3 : lie->items_per_page;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "%s{\"id\": %u, \"name\": \"d%u\"}", i > 0 ? ", " : "",
                            number * 100 + i, number * 100 + i);
  g_string_append_printf (body, "], \"total\": %s, \"page\": %s, \"size\": 100, \"pages\": %s}",
                          lie->total, lie->page_field, lie->pages);
  answer (socket, "200 OK", body->str);
}

static void
test_lying_pagination (gconstpointer data)
{
  const Pagination *lie = data;
  g_autoptr(Hostile) hostile = hostile_new (lying_respond, (gpointer) lie);
  g_autoptr(StewardClient) client = client_for (hostile);
  g_autoptr(StewardDatastoreLoader) loader = steward_datastore_loader_new (client, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_datastore_loader_load_async (loader, NULL, steward_test_store_result_cb, &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_datastore_loader_load_finish (loader, result, &error));
  g_assert_no_error (error);
  /* A handful of requests, not billions. */
  g_assert_cmpuint (hostile_count (hostile), <=, 8);
}

int
main (int   argc,
      char *argv[])
{
  static const Pagination huge_pages = { "3", "4294967295", 0, "1" };
  static const Pagination huge_total = { "99999999999", "99999999999", 0, "1" };
  static const Pagination wrong_page = { "3", "1", 0, "7" };
  static const Pagination short_pages = { "100000", "1000", 0, "1" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/wrong-types-and-duplicate-ids", test_wrong_types_in_valid_json);
  g_test_add_data_func ("/hostile/huge-announced-body", GINT_TO_POINTER (TRUE), test_huge_bodies);
  g_test_add_data_func ("/hostile/huge-unannounced-body", GINT_TO_POINTER (FALSE),
                        test_huge_bodies);
  g_test_add_func ("/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile/truncated-body", test_truncated);
  g_test_add_func ("/hostile/bad-utf8", test_bad_utf8);
  g_test_add_func ("/hostile/html-and-empty-200", test_html_and_empty);
  g_test_add_func ("/hostile/redirect", test_redirect);
  g_test_add_func ("/hostile/drip", test_drip);
  g_test_add_data_func ("/hostile/pagination/pages-4294967295", &huge_pages, test_lying_pagination);
  g_test_add_data_func ("/hostile/pagination/total-99999999999", &huge_total,
                        test_lying_pagination);
  g_test_add_data_func ("/hostile/pagination/wrong-page-field", &wrong_page, test_lying_pagination);
  g_test_add_data_func ("/hostile/pagination/ends-early", &short_pages, test_lying_pagination);

  return g_test_run ();
}
