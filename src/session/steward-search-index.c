/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-search-index"

#include "config.h"

#include <string.h>

#include "steward-deployment-private.h"
#include "steward-profile.h"
#include "steward-search-index.h"
#include "steward-session.h"

/* What the desktop's search finds: the datastores of every saved profile, by name, connector
 * type and tag, answered from memory so a query over 10,000 datastores costs a few milliseconds.
 *
 * Each profile is a source. The signed-in one is live: it is indexed from the deployment's own
 * model (steward_search_index_set_live()), which is fresher than its file. The others come from
 * the listing caches the deployments write (steward-deployment-cache.c): an update stats each
 * file and reads again, on a worker thread, only those that changed since they were indexed,
 * so a query never waits for a file it has already read, and never for the network. A cache is
 * read from the search index written beside it, which holds only what a search needs and reads
 * several times faster; the JSON is scanned when that index is missing, damaged or of another
 * listing, and gives the same results. Each source holds its datastores' texts case-folded once,
 * at indexing time; a query only compares. */
struct _StewardSearchIndex
{
  GObject                     parent_instance;

  StewardSearchTypeLabelFunc  type_label;
  GHashTable                 *sources;     /* profile id → Source */
  guint                       live_serial; /* counts steward_search_index_set_live() calls */

  /* Updates asked for while one reads: they finish with it rather than read the same files on
   * another thread (the first query after start arrives while the caches are being read). */
  gboolean                    updating;
  GPtrArray                  *waiting;     /* GTask */
};

G_DEFINE_FINAL_TYPE (StewardSearchIndex, steward_search_index, G_TYPE_OBJECT)

typedef struct
{
  char       *profile_id;
  gboolean    live;
  char       *stamp;        /* the cache file's identity when read: inode, size, mtime */
  GPtrArray  *hits;         /* StewardSearchHit */
  GHashTable *by_id;        /* gint64* → StewardSearchHit (borrowed) */
} Source;

static void
hit_free (StewardSearchHit *hit)
{
  g_free (hit->result_id);
  g_free (hit->profile_id);
  g_free (hit->name);
  g_free (hit->connector_type);
  g_free (hit->type_label);
  g_free (hit->name_folded);
  g_free (hit->haystack);
  g_free (hit);
}

static void
source_free (Source *source)
{
  g_free (source->profile_id);
  g_free (source->stamp);
  g_clear_pointer (&source->by_id, g_hash_table_unref);
  g_clear_pointer (&source->hits, g_ptr_array_unref);
  g_free (source);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Source, source_free)

static const char *
identity_label (const char *type)
{
  return type;
}

/* g_utf8_casefold(), several times faster on ASCII, which most names, types and tags are: there
 * folding is lowering A-Z and nothing else, as in Unicode's case folding. */
static char *
fold (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_casefold (text, -1);

  return g_ascii_strdown (text, -1);
}

static StewardSearchHit *
hit_new (const char                 *profile_id,
         gint64                      datastore_id,
         const char                 *name,
         const char                 *type,
         gboolean                    dfs,
         const char * const         *tags,
         StewardSearchTypeLabelFunc  type_label)
{
  StewardSearchHit *hit = g_new0 (StewardSearchHit, 1);
  const char *texts[] = { NULL, NULL };
  GString *haystack;

  hit->profile_id = g_strdup (profile_id);
  hit->datastore_id = datastore_id;
  hit->result_id = steward_search_result_id_new (profile_id, datastore_id);
  hit->name = g_strdup (name != NULL ? name : "");
  hit->connector_type = g_strdup (type != NULL ? type : "");
  hit->type_label = g_strdup (type_label (hit->connector_type));
  hit->dfs = dfs;
  hit->name_folded = fold (hit->name);

  /* Lines, so that a term never matches across the end of one text and the start of the next. */
  haystack = g_string_new (hit->name_folded);
  texts[0] = hit->connector_type;
  texts[1] = hit->type_label;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *folded = fold (texts[i]);

      g_string_append_c (haystack, '\n');
      g_string_append (haystack, folded);
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *folded = fold (tags[i]);

      g_string_append_c (haystack, '\n');
      g_string_append (haystack, folded);
    }
  hit->haystack = g_string_free (haystack, FALSE);
  return hit;
}

static Source *
source_new (const char *profile_id)
{
  Source *source = g_new0 (Source, 1);

  source->profile_id = g_strdup (profile_id);
  source->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hit_free);
  source->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  return source;
}

static void
source_add_fields (Source                     *source,
                   gint64                      datastore_id,
                   const char                 *name,
                   const char                 *type,
                   gboolean                    dfs,
                   const char * const         *tags,
                   StewardSearchTypeLabelFunc  type_label)
{
  StewardSearchHit *hit;

  /* A listing never has an id twice; a damaged one may: the first stays. */
  if (datastore_id <= 0 || source->hits->len >= STEWARD_SEARCH_MAX_DATASTORES ||
      g_hash_table_contains (source->by_id, &datastore_id))
    return;

  hit = hit_new (source->profile_id, datastore_id, name, type, dfs, tags, type_label);
  g_hash_table_insert (source->by_id, &hit->datastore_id, hit);
  g_ptr_array_add (source->hits, hit);
}

static void
source_add (Source                     *source,
            StewardDatastore           *datastore,
            StewardSearchTypeLabelFunc  type_label)
{
  source_add_fields (source, steward_datastore_get_id (datastore),
                     steward_datastore_get_name (datastore),
                     steward_datastore_get_datastore_type (datastore),
                     steward_datastore_is_dfs (datastore),
                     steward_datastore_get_tags (datastore), type_label);
}

/* Reading a cache file: only the members a search needs of each datastore, with the names and
 * shapes the datastore's own reader accepts, without making its object (which costs five times
 * as much: dates, metrics, connection). */

typedef struct
{
  Source                     *source;
  StewardSearchTypeLabelFunc  type_label;
} Scan;

static gboolean
member_is (const char *name,
           gsize       length,
           const char *literal)
{
  return length == strlen (literal) && memcmp (name, literal, length) == 0;
}

/* Tags are names, or objects with a name. */
static char **
scan_names (StewardJsonReader *reader)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (!steward_json_reader_begin_array (reader))
    {
      steward_json_reader_skip (reader);
      return g_strv_builder_end (names);
    }

  while (steward_json_reader_next_element (reader))
    if (steward_json_reader_peek (reader) == STEWARD_JSON_OBJECT)
      {
        const char *member;
        gsize length;

        steward_json_reader_begin_object (reader);
        while (steward_json_reader_next_member (reader, &member, &length))
          if (member_is (member, length, "name"))
            {
              g_autofree char *name = steward_json_reader_read_string (reader);

              if (name != NULL)
                g_strv_builder_add (names, name);
            }
          else
            steward_json_reader_skip (reader);
      }
    else
      {
        g_autofree char *name = steward_json_reader_read_string (reader);

        if (name != NULL)
          g_strv_builder_add (names, name);
      }

  return g_strv_builder_end (names);
}

static void
scan_datastore_cb (StewardJsonReader *reader,
                   gpointer           user_data)
{
  Scan *scan = user_data;
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  g_autofree char *store_type = NULL;
  g_auto(GStrv) global_tags = NULL;
  g_auto(GStrv) tags = NULL;
  const char *member;
  gsize length;
  gint64 id = 0;

  if (!steward_json_reader_begin_object (reader))
    {
      steward_json_reader_skip (reader);
      return;
    }

  while (steward_json_reader_next_member (reader, &member, &length))
    if (member_is (member, length, "id"))
      steward_json_reader_read_int64 (reader, &id);
    else if (member_is (member, length, "name"))
      {
        g_free (name);
        name = steward_json_reader_read_string (reader);
      }
    else if (member_is (member, length, "type"))
      {
        g_free (type);
        type = steward_json_reader_read_string (reader);
      }
    else if (member_is (member, length, "store_type"))
      {
        g_free (store_type);
        store_type = steward_json_reader_read_string (reader);
      }
    else if (member_is (member, length, "global_tags"))
      {
        g_strfreev (global_tags);
        global_tags = scan_names (reader);
      }
    else if (member_is (member, length, "tags"))
      {
        g_strfreev (tags);
        tags = scan_names (reader);
      }
    else
      steward_json_reader_skip (reader);

  source_add_fields (scan->source, id, name, type,
                     store_type != NULL ? g_str_equal (store_type, "dfs")
                                        : steward_connector_type_is_dfs (type),
                     (const char * const *) (global_tags != NULL ? global_tags : tags),
                     scan->type_label);
}

/* Updating from the cache files */

typedef struct
{
  char     *profile_id;
  char     *path;
  char     *base_url;
  char     *stamp;      /* what was read last time, or NULL */
  Source   *source;     /* the answer: read again */
  gboolean  gone;       /* the answer: nothing to search there */
} Job;

static void
job_free (Job *job)
{
  g_free (job->profile_id);
  g_free (job->path);
  g_free (job->base_url);
  g_free (job->stamp);
  g_clear_pointer (&job->source, source_free);
  g_free (job);
}

typedef struct
{
  GPtrArray                  *jobs;
  char                       *live_profile_id;
  guint                       live_serial;
  StewardSearchTypeLabelFunc  type_label;
} Update;

static void
update_free (Update *update)
{
  g_ptr_array_unref (update->jobs);
  g_free (update->live_profile_id);
  g_free (update);
}

/* The cache's search index, if it is of the listing the cache holds now (@stamp, @base_url). */
static Source *
read_search_index (Job                        *job,
                   const char                 *stamp,
                   const char                 *base_url,
                   StewardSearchTypeLabelFunc  type_label)
{
  g_autofree char *path = _steward_listing_search_path (job->path);
  g_autoptr(GVariant) datastores = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Source) source = NULL;
  GVariantIter iter;
  const char *name;
  const char *type;
  const char **tags;
  gboolean dfs;
  gint64 id;

  datastores = _steward_listing_search_load (path, stamp, base_url, STEWARD_SEARCH_MAX_CACHE_SIZE,
                                             &error);
  if (datastores == NULL)
    {
      g_debug ("Scanning %s rather than its search index: %s", job->path, error->message);
      return NULL;
    }

  source = source_new (job->profile_id);
  g_variant_iter_init (&iter, datastores);
  while (source->hits->len < STEWARD_SEARCH_MAX_DATASTORES &&
         g_variant_iter_next (&iter, "(x&s&sb^a&s)", &id, &name, &type, &dfs, &tags))
    {
      source_add_fields (source, id, name, type, dfs, tags, type_label);
      g_free (tags);
    }
  return g_steal_pointer (&source);
}

static void
run_job (Job                        *job,
         StewardSearchTypeLabelFunc  type_label)
{
  g_autofree char *stamp = _steward_listing_cache_stamp (job->path);
  g_autoptr(StewardListingCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  Scan scan;

  if (stamp == NULL)
    {
      job->gone = TRUE;
      return;
    }

  if (g_strcmp0 (stamp, job->stamp) == 0)
    return;

  /* The file changed (or was replaced) since it was indexed: the deployment saves it whole. */
  base_url = job->base_url != NULL ? steward_url_normalize_base (job->base_url, NULL) : NULL;
  if ((job->source = read_search_index (job, stamp, base_url, type_label)) != NULL)
    {
      job->source->stamp = g_steal_pointer (&stamp);
      return;
    }

  scan.source = source_new (job->profile_id);
  scan.type_label = type_label;
  cache = _steward_listing_cache_scan (job->path, STEWARD_SEARCH_MAX_CACHE_SIZE,
                                       scan_datastore_cb, &scan, &error);
  if (cache == NULL || g_strcmp0 (cache->base_url, base_url) != 0)
    {
      /* Unreadable, or of the URL the profile had before: nothing of it is to be found. The
       * deployment deletes a broken file when it next reads it. */
      g_debug ("Not searching %s: %s", job->path, error != NULL ? error->message : "another URL");
      source_free (scan.source);
      job->gone = TRUE;
      return;
    }

  job->source = g_steal_pointer (&scan.source);
  job->source->stamp = g_steal_pointer (&stamp);
}

static void
update_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Update *update = task_data;

  for (guint i = 0; i < update->jobs->len; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      run_job (g_ptr_array_index (update->jobs, i), update->type_label);
    }

  g_task_return_boolean (task, TRUE);
}

static void
finish_waiting (StewardSearchIndex *self,
                const GError       *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    if (error != NULL)
      g_task_return_error (g_ptr_array_index (waiting, i), g_error_copy (error));
    else
      g_task_return_boolean (g_ptr_array_index (waiting, i), TRUE);
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardSearchIndex *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (G_TASK (result));
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  Source *source;

  self->updating = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      finish_waiting (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < update->jobs->len; i++)
    {
      Job *job = g_ptr_array_index (update->jobs, i);
      Source *current = g_hash_table_lookup (self->sources, job->profile_id);

      /* The profile signed in while the file was read: its live model wins. */
      if (current != NULL && current->live && self->live_serial != update->live_serial)
        {
          g_hash_table_add (wanted, current->profile_id);
          continue;
        }

      if (job->gone)
        continue;
      if (job->source != NULL)
        {
          source = g_steal_pointer (&job->source);
          g_hash_table_replace (self->sources, source->profile_id, source);
        }
      if ((current = g_hash_table_lookup (self->sources, job->profile_id)) != NULL)
        g_hash_table_add (wanted, current->profile_id);
    }

  /* Forgotten profiles, deleted files, and a live source whose profile signed out. */
  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &source))
    if (!g_hash_table_contains (wanted, source->profile_id) &&
        !(source->live && (g_strcmp0 (source->profile_id, update->live_profile_id) == 0 ||
                           self->live_serial != update->live_serial)))
      g_hash_table_iter_remove (&iter);

  finish_waiting (self, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
steward_search_index_finalize (GObject *object)
{
  StewardSearchIndex *self = STEWARD_SEARCH_INDEX (object);

  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_search_index_parent_class)->finalize (object);
}

static void
steward_search_index_class_init (StewardSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_search_index_finalize;
}

static void
steward_search_index_init (StewardSearchIndex *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) source_free);
  self->type_label = identity_label;
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/* @type_label: (nullable): how a connector type reads, for matching what the user sees */
StewardSearchIndex *
steward_search_index_new (StewardSearchTypeLabelFunc type_label)
{
  StewardSearchIndex *self = g_object_new (STEWARD_TYPE_SEARCH_INDEX, NULL);

  if (type_label != NULL)
    self->type_label = type_label;
  return self;
}

/* Indexes @datastores (a model of StewardDatastore, the signed-in deployment's) as @profile_id's,
 * in place of its cache file, until an update names another live profile. Runs on the calling
 * thread: about a millisecond per thousand datastores. */
void
steward_search_index_set_live (StewardSearchIndex *self,
                               const char         *profile_id,
                               GListModel         *datastores)
{
  g_autoptr(Source) source = NULL;
  guint n;

  g_return_if_fail (STEWARD_IS_SEARCH_INDEX (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (datastores));

  source = source_new (profile_id);
  source->live = TRUE;
  n = MIN (g_list_model_get_n_items (datastores), STEWARD_SEARCH_MAX_DATASTORES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      source_add (source, datastore, self->type_label);
    }

  g_hash_table_replace (self->sources, source->profile_id, source);
  g_steal_pointer (&source);
  self->live_serial++;
}

/* Brings the index in step with @profiles (a model of StewardProfile: the saved ones) and their
 * cache files, reading on a worker thread only the files that changed since they were indexed.
 * @live_profile_id is the profile indexed by steward_search_index_set_live(), if one still is:
 * its file is not read, and any other live source is dropped. Nothing reaches the network. */
void
steward_search_index_update_async (StewardSearchIndex  *self,
                                   GListModel          *profiles,
                                   const char          *live_profile_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Update *update;
  guint n;

  g_return_if_fail (STEWARD_IS_SEARCH_INDEX (self));
  g_return_if_fail (G_IS_LIST_MODEL (profiles));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_search_index_update_async);

  if (self->updating)
    {
      g_ptr_array_add (self->waiting, g_steal_pointer (&task));
      return;
    }
  self->updating = TRUE;

  update = g_new0 (Update, 1);
  update->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  update->live_profile_id = g_strdup (live_profile_id);
  update->type_label = self->type_label;
  update->live_serial = self->live_serial;

  n = MIN (g_list_model_get_n_items (profiles), STEWARD_SEARCH_MAX_PROFILES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardProfile) profile = g_list_model_get_item (profiles, i);
      const char *id = steward_profile_get_id (profile);
      g_autofree char *path = steward_session_listing_cache_path (profile);
      Source *known = g_hash_table_lookup (self->sources, id);
      Job *job;

      if (path == NULL || g_strcmp0 (id, live_profile_id) == 0)
        continue;

      job = g_new0 (Job, 1);
      job->profile_id = g_strdup (id);
      job->path = g_steal_pointer (&path);
      job->base_url = g_strdup (steward_profile_get_url (profile));
      job->stamp = known != NULL && !known->live ? g_strdup (known->stamp) : NULL;
      g_ptr_array_add (update->jobs, job);
    }

  /* The worker runs to its end whoever cancels: other updates may be waiting for it. */
  worker = g_task_new (self, NULL, update_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, update_in_thread);
  g_task_set_task_data (worker, update, (GDestroyNotify) update_free);
  g_task_run_in_thread (worker, update_in_thread);
}

gboolean
steward_search_index_update_finish (StewardSearchIndex  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Searching */

typedef struct
{
  guint             rank;
  StewardSearchHit *hit;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;
  int order;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if ((order = strcmp (x->hit->name_folded, y->hit->name_folded)) != 0)
    return order;
  if ((order = strcmp (x->hit->profile_id, y->hit->profile_id)) != 0)
    return order;
  if (x->hit->datastore_id != y->hit->datastore_id)
    return x->hit->datastore_id < y->hit->datastore_id ? -1 : 1;
  return 0;
}

/* Lower ranks first: the name starts with what was typed, then a word of the name does, then the
 * name holds every term, then the rest (matched by type or tag). */
static guint
rank_hit (const StewardSearchHit *hit,
          char                  **folded)
{
  const char *found;

  if (g_str_has_prefix (hit->name_folded, folded[0]))
    return 0;

  found = strstr (hit->name_folded, folded[0]);
  if (found != NULL && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (found))))
    return 1;

  for (guint i = 0; folded[i] != NULL; i++)
    if (strstr (hit->name_folded, folded[i]) == NULL)
      return 3;
  return 2;
}

/* Returns: (transfer full): the result ids of the datastores that match every one of @terms
 * (case-insensitively, in their name, connector type or tags), best first, at most
 * @max_results of them. No terms find nothing. */
char **
steward_search_index_search (StewardSearchIndex *self,
                             const char * const *terms,
                             guint               max_results)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  Source *source;

  g_return_val_if_fail (STEWARD_IS_SEARCH_INDEX (self), NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (terms[i]));

      if (*stripped != '\0')
        g_ptr_array_add (folded, g_utf8_casefold (stripped, -1));
    }
  g_ptr_array_add (folded, NULL);

  if (folded->len == 1)
    return g_strv_builder_end (ids);

  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &source))
    for (guint i = 0; i < source->hits->len; i++)
      {
        StewardSearchHit *hit = g_ptr_array_index (source->hits, i);
        gboolean all = TRUE;
        Match match;

        for (guint t = 0; all && t + 1 < folded->len; t++)
          all = strstr (hit->haystack, g_ptr_array_index (folded, t)) != NULL;
        if (!all)
          continue;

        match.hit = hit;
        match.rank = rank_hit (hit, (char **) folded->pdata);
        g_array_append_val (matches, match);
      }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len && i < max_results; i++)
    g_strv_builder_add (ids, g_array_index (matches, Match, i).hit->result_id);
  return g_strv_builder_end (ids);
}

/* Returns: (transfer none) (nullable): the datastore @result_id names, if it is still indexed */
const StewardSearchHit *
steward_search_index_lookup (StewardSearchIndex *self,
                             const char         *result_id)
{
  g_autofree char *profile_id = NULL;
  gint64 datastore_id;
  Source *source;

  g_return_val_if_fail (STEWARD_IS_SEARCH_INDEX (self), NULL);

  if (!steward_search_result_id_parse (result_id, &profile_id, &datastore_id) ||
      (source = g_hash_table_lookup (self->sources, profile_id)) == NULL)
    return NULL;

  return g_hash_table_lookup (source->by_id, &datastore_id);
}

/* How many datastores are indexed, over every profile. */
guint
steward_search_index_get_n_datastores (StewardSearchIndex *self)
{
  GHashTableIter iter;
  Source *source;
  guint n = 0;

  g_return_val_if_fail (STEWARD_IS_SEARCH_INDEX (self), 0);

  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &source))
    n += source->hits->len;
  return n;
}

/* Result ids name the profile as well as the datastore: two deployments may both have a #42. */
char *
steward_search_result_id_new (const char *profile_id,
                              gint64      datastore_id)
{
  g_return_val_if_fail (profile_id != NULL, NULL);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT, profile_id, datastore_id);
}

/* Whether @result_id is one of ours (it comes from the desktop's shell: anything may arrive). */
gboolean
steward_search_result_id_parse (const char  *result_id,
                                char       **profile_id,
                                gint64      *datastore_id)
{
  const char *colon;
  gint64 id;

  g_return_val_if_fail (profile_id != NULL, FALSE);
  g_return_val_if_fail (datastore_id != NULL, FALSE);

  if (result_id == NULL || (colon = strrchr (result_id, ':')) == NULL || colon == result_id ||
      !g_ascii_string_to_signed (colon + 1, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  *profile_id = g_strndup (result_id, colon - result_id);
  *datastore_id = id;
  return TRUE;
}
