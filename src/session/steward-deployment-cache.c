/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-deployment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steward-datastore-private.h"
#include "steward-deployment-private.h"
#include "steward-json-reader.h"

/* The listing cache: the last listing of a profile, kept in the user's cache directory so the
 * next start shows it at once and revalidates it in the background. One JSON document,
 *
 *   {"format": "steward-listing", "version": 1, "base_url": …, "saved_at": µs,
 *    "groups": [group…], "datastores": [datastore…]}
 *
 * with the objects in the API's own shape, read back by the same readers as the server's pages.
 * It holds nothing secret (datastores carry no credentials), is written with mode 0600, and a
 * file that cannot be read, is too large or has another version is deleted and ignored.
 *
 * Beside it (".search" for ".json") is its search index: what the desktop's search needs of each
 * datastore, which it reads in a few milliseconds where scanning the JSON takes tens
 * (steward-search-index.c). A GVariant of SEARCH_TYPE,
 *
 *   ("steward-search-index", version, base_url, stamp, [(id, name, type, dfs, [tag…])…])
 *
 * written after the JSON, with the stamp (inode, size, modification time) the JSON had once
 * written. An index whose stamp is not the JSON's is of another listing: it is not read, and the
 * JSON is scanned instead, as it is when the index is missing, damaged or of another version.
 *
 * The end of this file is StewardDeployment's side of it: showing the cached listing at start,
 * and writing the current one a moment after it changes, between frames. */

#define FORMAT "steward-listing"
#define VERSION 1
#define MAX_SIZE (256 * 1024 * 1024)

#define SEARCH_FORMAT "steward-search-index"
#define SEARCH_VERSION 1
#define SEARCH_TYPE "(sussa(xssbas))"

/* How long after the last change the cache is written. */
#define SAVE_DELAY_MS 2000

void
_steward_listing_cache_free (StewardListingCache *cache)
{
  if (cache == NULL)
    return;

  g_free (cache->base_url);
  g_clear_pointer (&cache->datastores, g_ptr_array_unref);
  g_clear_pointer (&cache->groups, g_ptr_array_unref);
  g_free (cache);
}

/* Reading */

static gboolean
member_is (const char *name,
           gsize       length,
           const char *literal)
{
  return length == strlen (literal) && memcmp (name, literal, length) == 0;
}

static void
read_array (StewardJsonReader *reader,
            GPtrArray         *into,
            gboolean           groups)
{
  if (!steward_json_reader_begin_array (reader))
    {
      steward_json_reader_skip (reader);
      return;
    }

  while (steward_json_reader_next_element (reader))
    {
      gpointer object = groups ? (gpointer) _steward_datastore_group_read (reader)
                               : (gpointer) _steward_datastore_read (reader);

      if (object != NULL)
        g_ptr_array_add (into, object);
    }
}

/* With @scan, each datastore is handed to it, the reader at its value, instead of being read
 * into an object; the cache then holds no datastores, and no groups. */
static StewardListingCache *
parse (const char               *data,
       gsize                     length,
       StewardListingScanFunc    scan,
       gpointer                  user_data,
       GError                  **error)
{
  g_autoptr(StewardListingCache) cache = g_new0 (StewardListingCache, 1);
  g_autofree char *format = NULL;
  StewardJsonReader reader;
  gint64 version = 0;
  const char *name;
  gsize name_length;

  cache->datastores = g_ptr_array_new_with_free_func (g_object_unref);
  cache->groups = g_ptr_array_new_with_free_func (g_object_unref);

  steward_json_reader_init (&reader, data, length);
  if (steward_json_reader_begin_object (&reader))
    while (steward_json_reader_next_member (&reader, &name, &name_length))
      {
        if (member_is (name, name_length, "format"))
          {
            g_free (format);
            format = steward_json_reader_read_string (&reader);
          }
        else if (member_is (name, name_length, "version"))
          steward_json_reader_read_int64 (&reader, &version);
        else if (member_is (name, name_length, "base_url"))
          {
            g_free (cache->base_url);
            cache->base_url = steward_json_reader_read_string (&reader);
          }
        else if (member_is (name, name_length, "saved_at"))
          steward_json_reader_read_int64 (&reader, &cache->saved_at);
        else if (member_is (name, name_length, "groups") && scan == NULL)
          read_array (&reader, cache->groups, TRUE);
        else if (member_is (name, name_length, "datastores") && scan != NULL)
          {
            if (steward_json_reader_begin_array (&reader))
              while (steward_json_reader_next_element (&reader))
                scan (&reader, user_data);
            else
              steward_json_reader_skip (&reader);
          }
        else if (member_is (name, name_length, "datastores"))
          read_array (&reader, cache->datastores, FALSE);
        else
          steward_json_reader_skip (&reader);
      }

  if (!steward_json_reader_end (&reader) || g_strcmp0 (format, FORMAT) != 0 || version != VERSION ||
      cache->base_url == NULL)
    {
      steward_json_reader_clear (&reader);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The saved list of datastores is unreadable"));
      return NULL;
    }

  steward_json_reader_clear (&reader);
  return g_steal_pointer (&cache);
}

/* Reads and parses the cache at @path, refusing a file larger than @max_size. It blocks: call it
 * on a worker thread. A missing file is G_IO_ERROR_NOT_FOUND; anything else wrong with it is
 * another error. */
StewardListingCache *
_steward_listing_cache_load (const char  *path,
                             gsize        max_size,
                             GError     **error)
{
  return _steward_listing_cache_scan (path, max_size, NULL, NULL, error);
}

/* _steward_listing_cache_load(), with @scan (if not NULL) reading each datastore as it likes:
 * for a reader that needs a few members of each, not their objects. */
StewardListingCache *
_steward_listing_cache_scan (const char              *path,
                             gsize                    max_size,
                             StewardListingScanFunc   scan,
                             gpointer                 user_data,
                             GError                 **error)
{
  g_autofree char *data = NULL;
  GStatBuf info;
  gsize length;

  if (g_stat (path, &info) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No saved list of datastores"));
      return NULL;
    }

  if (info.st_size < 0 || (guint64) info.st_size > max_size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The saved list of datastores is unreadable"));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return parse (data, length, scan, user_data, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  StewardListingCache *cache;

  cache = _steward_listing_cache_load (path, MAX_SIZE, &error);
  if (cache == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *search_path = _steward_listing_search_path (path);

          g_debug ("Dropping the listing cache %s: %s", path, error->message);
          g_unlink (path);
          g_unlink (search_path);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, cache, (GDestroyNotify) _steward_listing_cache_free);
}

void
_steward_listing_cache_read_async (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, _steward_listing_cache_read_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

StewardListingCache *
_steward_listing_cache_read_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The file's identity, to tell one written listing from another without reading it. */

static char *
stamp_of (const GStatBuf *info)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ".%06ld",
                          (guint64) info->st_ino, (gint64) info->st_size,
                          (gint64) info->st_mtim.tv_sec, (long) (info->st_mtim.tv_nsec / 1000));
}

/* Returns: (nullable): the identity of the file at @path as it is now, NULL if there is none */
char *
_steward_listing_cache_stamp (const char *path)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    return NULL;
  return stamp_of (&info);
}

/* Where the search index of the cache at @path is kept. */
char *
_steward_listing_search_path (const char *path)
{
  g_autofree char *base = g_str_has_suffix (path, ".json") ? g_strndup (path, strlen (path) - 5)
                                                          : g_strdup (path);

  return g_strconcat (base, ".search", NULL);
}

/* Reads the search index at @path, if it is of the listing whose file has @stamp now and of
 * @base_url. It blocks: call it on a worker thread. The file is distrusted: it must be the right
 * type in normal form, no larger than @max_size.
 *
 * Returns: (transfer full): its datastores, a(xssbas): (id, name, connector type, file system,
 *   tags) each */
GVariant *
_steward_listing_search_load (const char  *path,
                              const char  *stamp,
                              const char  *base_url,
                              gsize        max_size,
                              GError     **error)
{
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *format = NULL;
  const char *index_url = NULL;
  const char *index_stamp = NULL;
  GVariant *datastores = NULL;
  char *data = NULL;
  guint32 version = 0;
  GStatBuf info;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (stamp != NULL, NULL);

  if (g_stat (path, &info) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No search index");
      return NULL;
    }
  if (info.st_size < 0 || (guint64) info.st_size > max_size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The search index is too large");
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  /* It may have grown since. */
  bytes = g_bytes_new_take (data, length);
  if (length > max_size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The search index is too large");
      return NULL;
    }

  /* Untrusted: GVariant reads anything safely, and only the normal form is accepted whole. */
  index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SEARCH_TYPE), bytes,
                                                        FALSE));
  if (!g_variant_is_normal_form (index))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The search index is damaged");
      return NULL;
    }

  g_variant_get (index, "(&su&s&s@a(xssbas))", &format, &version, &index_url, &index_stamp,
                 &datastores);
  if (!g_str_equal (format, SEARCH_FORMAT) || version != SEARCH_VERSION)
    {
      g_variant_unref (datastores);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The search index is of another version");
      return NULL;
    }
  if (!g_str_equal (index_stamp, stamp) || g_strcmp0 (index_url, base_url) != 0)
    {
      g_variant_unref (datastores);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The search index is of another listing");
      return NULL;
    }

  return datastores;
}

/* Writing: the JSON and the search index are made from the datastores a slice at a time on the
 * main thread, and written on a worker thread. */

typedef struct
{
  gint64   id;
  char    *name;
  char    *type;
  gboolean dfs;
  char   **tags;
} SearchEntry;

static void
search_entry_clear (gpointer data)
{
  SearchEntry *entry = data;

  g_free (entry->name);
  g_free (entry->type);
  g_strfreev (entry->tags);
}

struct _StewardListingWriter
{
  char    *base_url;
  GString *json;
  GArray  *search;   /* SearchEntry */
};

void
_steward_listing_writer_free (StewardListingWriter *writer)
{
  if (writer == NULL)
    return;

  g_free (writer->base_url);
  g_string_free (writer->json, TRUE);
  g_array_unref (writer->search);
  g_free (writer);
}

StewardListingWriter *
_steward_listing_writer_new (const char *base_url,
                             gint64      saved_at,
                             GListModel *groups)
{
  StewardListingWriter *writer = g_new0 (StewardListingWriter, 1);
  GString *json = g_string_sized_new (1024 * 1024);
  guint n = g_list_model_get_n_items (groups);

  writer->base_url = g_strdup (base_url);
  writer->json = json;
  writer->search = g_array_new (FALSE, FALSE, sizeof (SearchEntry));
  g_array_set_clear_func (writer->search, search_entry_clear);

  g_string_append_printf (json, "{\"format\":\"%s\",\"version\":%d,\"base_url\":", FORMAT, VERSION);
  _steward_json_write_string (json, base_url);
  g_string_append_printf (json, ",\"saved_at\":%" G_GINT64_FORMAT ",\"groups\":[", saved_at);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastoreGroup) group = g_list_model_get_item (groups, i);

      if (i > 0)
        g_string_append_c (json, ',');
      _steward_datastore_group_write (group, json);
    }
  g_string_append (json, "],\"datastores\":[");
  return writer;
}

void
_steward_listing_writer_add (StewardListingWriter *writer,
                             StewardDatastore     *datastore)
{
  const char * const *tags = steward_datastore_get_tags (datastore);
  SearchEntry entry;

  if (writer->search->len > 0)
    g_string_append_c (writer->json, ',');
  _steward_datastore_write (datastore, writer->json);

  /* What a search reads of it, as the live index reads the object (steward-search-index.c). */
  entry.id = steward_datastore_get_id (datastore);
  entry.name = g_strdup (steward_datastore_get_name (datastore));
  entry.type = g_strdup (steward_datastore_get_datastore_type (datastore));
  entry.dfs = steward_datastore_is_dfs (datastore);
  entry.tags = g_strdupv ((char **) tags);
  g_array_append_val (writer->search, entry);
}

/* GVariant refuses strings that are not UTF-8; the JSON reader lets none through, but a
 * datastore's text need not have come through it. */
static const char *
valid_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) ? text : "";
}

static GVariant *
search_index_new (StewardListingWriter *writer,
                  const char           *stamp)
{
  GVariantBuilder datastores;

  g_variant_builder_init (&datastores, G_VARIANT_TYPE ("a(xssbas)"));
  for (guint i = 0; i < writer->search->len; i++)
    {
      SearchEntry *entry = &g_array_index (writer->search, SearchEntry, i);

      g_variant_builder_open (&datastores, G_VARIANT_TYPE ("(xssbas)"));
      g_variant_builder_add (&datastores, "x", entry->id);
      g_variant_builder_add (&datastores, "s", valid_text (entry->name));
      g_variant_builder_add (&datastores, "s", valid_text (entry->type));
      g_variant_builder_add (&datastores, "b", entry->dfs);
      g_variant_builder_open (&datastores, G_VARIANT_TYPE ("as"));
      for (guint t = 0; entry->tags != NULL && entry->tags[t] != NULL; t++)
        g_variant_builder_add (&datastores, "s", valid_text (entry->tags[t]));
      g_variant_builder_close (&datastores);
      g_variant_builder_close (&datastores);
    }

  return g_variant_ref_sink (g_variant_new ("(sussa(xssbas))", SEARCH_FORMAT, SEARCH_VERSION,
                                            valid_text (writer->base_url), stamp, &datastores));
}

/* Replaces @path with @data, mode 0600, through a rename, and says which file it wrote: the
 * identity is taken from the file itself, before the rename, so it is this content's even if
 * another writer replaces it a moment later. */
static gboolean
write_stamped (const char  *path,
               const char  *data,
               gsize        length,
               char       **stamp,
               GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  GStatBuf info;
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    goto failed;

  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        goto failed;
      data += written;
      length -= written;
    }

  /* As G_FILE_SET_CONTENTS_CONSISTENT does: never a renamed file without its content. */
  if (fsync (fd) != 0 || fstat (fd, &info) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;
  if (g_rename (tmp, path) != 0)
    goto failed;

  *stamp = stamp_of (&info);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
               g_strerror (saved_errno));
  return FALSE;
}

/* Writes the listing to @path, then its search index beside it. It blocks: call it on a worker
 * thread. */
gboolean
_steward_listing_writer_write (StewardListingWriter  *writer,
                               const char            *path,
                               GError               **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *search_path = _steward_listing_search_path (path);
  g_autofree char *stamp = NULL;
  g_autoptr(GVariant) index = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return FALSE;
    }

  g_string_append (writer->json, "]}\n");
  if (!write_stamped (path, writer->json->str, writer->json->len, &stamp, error))
    return FALSE;

  index = search_index_new (writer, stamp);
  return g_file_set_contents_full (search_path, g_variant_get_data (index),
                                   g_variant_get_size (index), G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

/* One save at a time: two of the same listing on two threads would otherwise leave the search
 * index of one beside the JSON of the other (which is safe, the index then being stale, but
 * slow). */
G_LOCK_DEFINE_STATIC (writing);

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr(GError) error = NULL;

  G_LOCK (writing);
  if (!_steward_listing_writer_write (task_data, path, &error))
    g_debug ("Could not save the listing cache %s: %s", path, error->message);
  G_UNLOCK (writing);

  g_task_return_boolean (task, TRUE);
}

/* Writes what @writer (taken) holds to @path, mode 0600, on a worker thread. */
void
_steward_listing_writer_save (StewardListingWriter *writer,
                              const char           *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, _steward_listing_writer_save);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  g_task_set_task_data (task, writer, (GDestroyNotify) _steward_listing_writer_free);
  g_task_run_in_thread (task, write_in_thread);
}

/* The deployment's listing, through the file */

static void
cache_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardDeployment *self = g_task_get_source_object (task);
  g_autoptr(StewardListingCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;

  cache = _steward_listing_cache_read_finish (result, &error);
  if (cache == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A refresh got there first, or the profile now points elsewhere: the cache has nothing to
   * add. */
  if (self->loaded || g_strcmp0 (cache->base_url, steward_client_get_base_url (self->client)) != 0)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  for (guint i = 0; i < cache->groups->len; i++)
    steward_deployment_add_group (self, g_ptr_array_index (cache->groups, i));

  fresh = g_ptr_array_new_full (cache->datastores->len, g_object_unref);
  for (guint i = 0; i < cache->datastores->len; i++)
    {
      StewardDatastore *datastore = g_ptr_array_index (cache->datastores, i);
      gint64 id = steward_datastore_get_id (datastore);

      if (id <= 0 || g_hash_table_contains (self->by_id, &id) ||
          g_hash_table_contains (self->forgotten, &id))
        continue;
      _steward_deployment_share_group (self, datastore);
      _steward_deployment_insert_datastore (self, datastore);
      g_ptr_array_add (fresh, g_object_ref (datastore));
    }
  g_list_store_splice (self->datastores,
                       g_list_model_get_n_items (G_LIST_MODEL (self->datastores)), 0,
                       fresh->pdata, fresh->len);

  _steward_deployment_set_listed (self, cache->saved_at, TRUE);
  _steward_deployment_set_dirty (self);
  g_task_return_boolean (task, TRUE);
}

/* Shows the listing saved by an earlier run, if there is one for this deployment. Completes
 * with FALSE (and no error) when there was nothing to show. An unreadable cache is deleted. */
void
steward_deployment_load_cache_async (StewardDeployment   *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_deployment_load_cache_async);

  if (self->cache_path == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  _steward_listing_cache_read_async (self->cache_path, cancellable, cache_read_cb,
                                     g_steal_pointer (&task));
}

gboolean
steward_deployment_load_cache_finish (StewardDeployment  *self,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Writing the cache: the JSON is written a slice of datastores at a time between frames, so a
 * large set never holds up the main loop, then saved to disk on a worker thread. */

typedef struct
{
  StewardDeployment    *self;
  StewardListingWriter *writer;
  GPtrArray            *datastores;
  guint                 next;
} SaveJob;

#define SAVE_SLICE 1000

static gboolean
save_slice_cb (gpointer user_data)
{
  SaveJob *job = user_data;
  guint end = MIN (job->next + SAVE_SLICE, job->datastores->len);

  for (; job->next < end; job->next++)
    _steward_listing_writer_add (job->writer, g_ptr_array_index (job->datastores, job->next));

  if (job->next < job->datastores->len)
    return G_SOURCE_CONTINUE;

  _steward_listing_writer_save (g_steal_pointer (&job->writer), job->self->cache_path);
  return G_SOURCE_REMOVE;
}

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_clear_pointer (&job->writer, _steward_listing_writer_free);
  g_ptr_array_unref (job->datastores);
  g_object_unref (job->self);
  g_free (job);
}

/* Keeps the current listing for the next start (no-op without a cache path or a listing). */
void
steward_deployment_save_cache (StewardDeployment *self)
{
  SaveJob *job;
  guint n;

  g_return_if_fail (STEWARD_IS_DEPLOYMENT (self));

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  if (self->cache_path == NULL || !self->loaded)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->datastores));
  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->datastores = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (job->datastores, g_list_model_get_item (G_LIST_MODEL (self->datastores), i));
  job->writer = _steward_listing_writer_new (steward_client_get_base_url (self->client),
                                             self->listed_at, G_LIST_MODEL (self->groups));
  g_idle_add_full (G_PRIORITY_LOW, save_slice_cb, job, save_job_free);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  StewardDeployment *self = user_data;

  self->save_timeout = 0;
  steward_deployment_save_cache (self);
  return G_SOURCE_REMOVE;
}

/* The set changed: the cache is written once changes settle. */
void
_steward_deployment_schedule_save (StewardDeployment *self)
{
  if (self->cache_path == NULL || !self->loaded)
    return;

  g_clear_handle_id (&self->save_timeout, g_source_remove);
  self->save_timeout = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

