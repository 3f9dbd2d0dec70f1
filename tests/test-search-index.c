/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desktop search's index, without D-Bus: matching by name, connector type and tag, ranking,
 * the live model and the listing caches it reads, from their search index or their JSON
 * (tests/test-search-provider.c asks it over D-Bus). */
#include <glib/gstdio.h>

#include "steward-deployment-private.h"
#include "steward-profile.h"
#include "steward-search-index.h"
#include "steward-session.h"
#include "steward-test-async.h"

static StewardDatastore *
datastore_new (gint64      id,
               const char *name,
               const char *type,
               const char *tags)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) tag_list = g_strsplit (tags, ",", -1);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "store_type");
  json_builder_add_string_value (builder, g_str_equal (type, "s3") ? "dfs" : "jdbc");
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tag_list[i] != NULL; i++)
    if (*tag_list[i] != '\0')
      json_builder_add_string_value (builder, tag_list[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return steward_datastore_new_from_json (json_node_get_object (node));
}

static GListModel *
seed (void)
{
  GListStore *store = g_list_store_new (STEWARD_TYPE_DATASTORE);
  static const struct { gint64 id; const char *name, *type, *tags; } rows[] = {
    { 11, "Customer 360", "snowflake", "production,pii" },
    { 21, "CRM Contacts", "mysql", "staging,pii" },
    { 24, "Sales Mart", "snowflake", "production" },
    { 33, "Clickstream Lake", "s3", "raw" },
    { 42, "Production Sales", "postgresql", "production" },
    { 60, "prod_sales", "postgresql", "" },
    { 70, "ÄRGER Archiv", "postgresql", "Überblick" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(StewardDatastore) datastore = datastore_new (rows[i].id, rows[i].name, rows[i].type,
                                                             rows[i].tags);

      g_list_store_append (store, datastore);
    }
  return G_LIST_MODEL (store);
}

static const char *
label (const char *type)
{
  return g_str_equal (type, "s3") ? "Amazon S3" : type;
}

/* The datastore ids of @ids, which must all be of @profile_id, in order, as "11,21". */
static char *
ids_of (char       **ids,
        const char  *profile_id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *profile = NULL;
      gint64 id;

      g_assert_true (steward_search_result_id_parse (ids[i], &profile, &id));
      g_assert_cmpstr (profile, ==, profile_id);
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", id);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
search (StewardSearchIndex *index,
        const char         *profile_id,
        const char         *query,
        guint               max)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  g_auto(GStrv) ids = steward_search_index_search (index, (const char * const *) terms, max);

  return ids_of (ids, profile_id);
}

#define assert_search(index, profile, query, expected) \
  G_STMT_START { \
    g_autofree char *found_ = search (index, profile, query, 50); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_matching (void)
{
  g_autoptr(StewardSearchIndex) index = steward_search_index_new (label);
  g_autoptr(GListModel) datastores = seed ();
  g_autofree char *capped = NULL;
  const StewardSearchHit *hit;

  steward_search_index_set_live (index, "p1", datastores);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 7);

  /* By name, whatever the case; the name's start first, then a word of it, by name. */
  assert_search (index, "p1", "sales", "24,60,42");
  assert_search (index, "p1", "SALES", "24,60,42");
  /* By connector type, and by the name it shows as. */
  assert_search (index, "p1", "snowflake", "11,24");
  assert_search (index, "p1", "amazon", "33");
  /* By tag. */
  assert_search (index, "p1", "pii", "21,11");
  /* Every term must match, anywhere. */
  assert_search (index, "p1", "pii snowflake", "11");
  assert_search (index, "p1", "production sales", "42,24");
  assert_search (index, "p1", "pii raw", "");
  /* Beyond ASCII, case-folded. */
  assert_search (index, "p1", "ärger", "70");
  assert_search (index, "p1", "überblick", "70");
  /* Spaces and empty terms are not a search. */
  assert_search (index, "p1", "", "");
  assert_search (index, "p1", " ", "");

  capped = search (index, "p1", "a", 2);
  g_assert_cmpstr (capped, ==, "70,33");

  hit = steward_search_index_lookup (index, "p1:33");
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->name, ==, "Clickstream Lake");
  g_assert_cmpstr (hit->connector_type, ==, "s3");
  g_assert_cmpstr (hit->type_label, ==, "Amazon S3");
  g_assert_true (hit->dfs);
  g_assert_null (steward_search_index_lookup (index, "p1:34"));
  g_assert_null (steward_search_index_lookup (index, "p2:33"));
}

static void
test_result_ids (void)
{
  g_autofree char *id = steward_search_result_id_new ("0b9a-41", 42);
  g_autofree char *profile = NULL;
  gint64 datastore = 0;
  static const char *bad[] = {
    "", ":", "p1", "p1:", ":42", "p1:x", "p1:-3", "p1:0", "p1:42x", NULL
  };

  g_assert_cmpstr (id, ==, "0b9a-41:42");
  g_assert_true (steward_search_result_id_parse (id, &profile, &datastore));
  g_assert_cmpstr (profile, ==, "0b9a-41");
  g_assert_cmpint (datastore, ==, 42);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      char *none = NULL;

      g_assert_false (steward_search_result_id_parse (bad[i], &none, &datastore));
      g_assert_null (none);
    }
}

/* Writes @datastores as @profile's listing cache, and its search index, as the deployment does. */
static void
write_cache (StewardProfile *profile,
             const char     *base_url,
             GListModel     *datastores)
{
  g_autofree char *path = steward_session_listing_cache_path (profile);
  g_autoptr(GListStore) groups = g_list_store_new (STEWARD_TYPE_DATASTORE_GROUP);
  g_autoptr(StewardListingWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  writer = _steward_listing_writer_new (base_url, g_get_real_time (), G_LIST_MODEL (groups));
  for (guint i = 0; i < g_list_model_get_n_items (datastores); i++)
    {
      g_autoptr(StewardDatastore) datastore = g_list_model_get_item (datastores, i);

      _steward_listing_writer_add (writer, datastore);
    }
  g_assert_true (_steward_listing_writer_write (writer, path, &error));
  g_assert_no_error (error);
}

static char *
search_index_path (StewardProfile *profile)
{
  g_autofree char *path = steward_session_listing_cache_path (profile);

  return _steward_listing_search_path (path);
}

static void
update (StewardSearchIndex *index,
        GListModel         *profiles,
        const char         *live)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  steward_search_index_update_async (index, profiles, live, NULL, steward_test_store_result_cb,
                                     &result);
  steward_test_wait_result (&result);
  g_assert_true (steward_search_index_update_finish (index, result, &error));
  g_assert_no_error (error);
}

static void
test_caches (void)
{
  g_autoptr(StewardSearchIndex) index = steward_search_index_new (label);
  g_autoptr(GListStore) profiles = g_list_store_new (STEWARD_TYPE_PROFILE);
  g_autoptr(StewardProfile) production = steward_profile_new ("Production",
                                                              "https://prod.example.com");
  g_autoptr(StewardProfile) moved = steward_profile_new ("Moved", "https://new.example.com");
  g_autoptr(GListModel) datastores = seed ();
  g_autoptr(GListStore) renamed = g_list_store_new (STEWARD_TYPE_DATASTORE);
  g_autoptr(StewardDatastore) revenue = datastore_new (42, "Production Revenue", "postgresql", "");
  g_autofree char *path = steward_session_listing_cache_path (production);
  const char *id = steward_profile_get_id (production);

  g_list_store_append (profiles, production);
  g_list_store_append (profiles, moved);

  /* Nothing cached: nothing found. */
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 0);

  /* Updates asked for together finish together, the files read once. */
  write_cache (production, "https://prod.example.com/api/", datastores);
  {
    g_autoptr(GAsyncResult) first = NULL;
    g_autoptr(GAsyncResult) second = NULL;

    steward_search_index_update_async (index, G_LIST_MODEL (profiles), NULL, NULL,
                                       steward_test_store_result_cb, &first);
    steward_search_index_update_async (index, G_LIST_MODEL (profiles), NULL, NULL,
                                       steward_test_store_result_cb, &second);
    steward_test_wait_result (&second);
    g_assert_nonnull (first);
    g_assert_true (steward_search_index_update_finish (index, first, NULL));
    g_assert_true (steward_search_index_update_finish (index, second, NULL));
    assert_search (index, id, "sales", "24,60,42");
  }

  /* The cache of a deployment, read on an update. A cache of the URL a profile had before is not
   * that deployment's. */
  write_cache (production, "https://prod.example.com/api/", datastores);
  write_cache (moved, "https://old.example.com/api/", datastores);
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 7);
  assert_search (index, id, "sales", "24,60,42");
  /* Read from the file as from the model: types, tags, file systems. */
  assert_search (index, id, "amazon", "33");
  assert_search (index, id, "pii snowflake", "11");
  assert_search (index, id, "überblick", "70");
  {
    g_autofree char *lake = steward_search_result_id_new (id, 33);
    g_autofree char *sales = steward_search_result_id_new (id, 42);

    g_assert_true (steward_search_index_lookup (index, lake)->dfs);
    g_assert_false (steward_search_index_lookup (index, sales)->dfs);
    g_assert_cmpstr (steward_search_index_lookup (index, sales)->name, ==, "Production Sales");
  }

  /* Written again: read again. */
  g_list_store_append (renamed, revenue);
  write_cache (production, "https://prod.example.com/api/", G_LIST_MODEL (renamed));
  update (index, G_LIST_MODEL (profiles), NULL);
  assert_search (index, id, "sales", "");
  assert_search (index, id, "revenue", "42");

  /* Signed in: the live model wins over the file, until the profile signs out. */
  steward_search_index_set_live (index, id, datastores);
  update (index, G_LIST_MODEL (profiles), id);
  assert_search (index, id, "sales", "24,60,42");
  update (index, G_LIST_MODEL (profiles), NULL);
  assert_search (index, id, "revenue", "42");

  /* An unreadable file, a deleted one, a forgotten profile: nothing more to find there. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"steward-listing\"", -1, NULL));
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 0);
  write_cache (production, "https://prod.example.com/api/", datastores);
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 7);
  g_assert_cmpint (g_unlink (path), ==, 0);
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 0);
  write_cache (production, "https://prod.example.com/api/", datastores);
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 7);
  g_list_store_remove_all (profiles);
  update (index, G_LIST_MODEL (profiles), NULL);
  g_assert_cmpuint (steward_search_index_get_n_datastores (index), ==, 0);

  g_unlink (path);
  g_clear_pointer (&path, g_free);
  path = search_index_path (production);
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  path = steward_session_listing_cache_path (moved);
  g_unlink (path);
  g_clear_pointer (&path, g_free);
  path = search_index_path (moved);
  g_unlink (path);
}

/* Everything a user of the index could tell of it: what each query finds, in order, and what
 * each result shows. */
static char *
describe_index (StewardSearchIndex *index,
                const char         *profile_id)
{
  static const char *queries[] = {
    "sales", "SALES", "snowflake", "amazon", "pii", "pii snowflake", "production sales",
    "ärger", "überblick", "a", "e", "zzz",
  };
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%u datastores\n", steward_search_index_get_n_datastores (index));
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(GStrv) terms = g_strsplit (queries[i], " ", -1);
      g_auto(GStrv) ids = steward_search_index_search (index, (const char * const *) terms, 50);

      g_string_append_printf (text, "%s:", queries[i]);
      for (guint j = 0; ids[j] != NULL; j++)
        {
          const StewardSearchHit *hit = steward_search_index_lookup (index, ids[j]);

          g_assert_nonnull (hit);
          g_assert_cmpstr (hit->profile_id, ==, profile_id);
          g_string_append_printf (text, " %s(%s|%s|%s|%d)", hit->result_id, hit->name,
                                  hit->connector_type, hit->type_label, hit->dfs);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* A search index written by hand, of the listing whose file has @stamp. */
static void
write_search_index (StewardProfile *profile,
                    const char     *base_url,
                    const char     *stamp,
                    guint32         version,
                    const char     *name)
{
  g_autofree char *path = search_index_path (profile);
  g_autoptr(GVariant) index = NULL;
  const char *tags[] = { "handmade", NULL };
  GVariantBuilder datastores;

  g_variant_builder_init (&datastores, G_VARIANT_TYPE ("a(xssbas)"));
  g_variant_builder_add (&datastores, "(xssb^as)", (gint64) 90, name, "s3", TRUE, tags);
  index = g_variant_ref_sink (g_variant_new ("(sussa(xssbas))", "steward-search-index", version,
                                             base_url, stamp, &datastores));
  g_assert_true (g_file_set_contents (path, g_variant_get_data (index), g_variant_get_size (index),
                                      NULL));
}

/* A fresh index (as at Steward's start) updated from @profiles' files. */
static StewardSearchIndex *
index_at_start (GListModel *profiles)
{
  StewardSearchIndex *index = steward_search_index_new (label);

  update (index, profiles, NULL);
  return index;
}

/* What a fresh index finds is @expected, as read from the JSON. */
static void
assert_as_json (GListModel *profiles,
                const char *profile_id,
                const char *expected)
{
  g_autoptr(StewardSearchIndex) index = index_at_start (profiles);
  g_autofree char *found = describe_index (index, profile_id);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_search_index_file (void)
{
  g_autoptr(GListStore) profiles = g_list_store_new (STEWARD_TYPE_PROFILE);
  g_autoptr(StewardProfile) profile = steward_profile_new ("Production",
                                                           "https://prod.example.com");
  g_autoptr(GListModel) datastores = seed ();
  g_autoptr(StewardSearchIndex) from_index = NULL;
  g_autoptr(StewardSearchIndex) from_json = NULL;
  g_autofree char *path = steward_session_listing_cache_path (profile);
  g_autofree char *index_path = search_index_path (profile);
  g_autofree char *with_index = NULL;
  g_autofree char *without_index = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *stamp = NULL;
  const char *id = steward_profile_get_id (profile);
  const char *url = "https://prod.example.com/api/";
  GStatBuf info;
  gsize length;

  g_list_store_append (profiles, profile);

  /* Written beside the cache, as privately. */
  write_cache (profile, url, datastores);
  g_assert_cmpint (g_stat (index_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* The same results from the search index as from the JSON. */
  from_index = index_at_start (G_LIST_MODEL (profiles));
  with_index = describe_index (from_index, id);
  g_assert_cmpint (g_unlink (index_path), ==, 0);
  from_json = index_at_start (G_LIST_MODEL (profiles));
  without_index = describe_index (from_json, id);
  g_assert_cmpstr (with_index, ==, without_index);
  g_assert_cmpuint (steward_search_index_get_n_datastores (from_json), ==, 7);
  g_clear_object (&from_index);
  g_clear_object (&from_json);

  /* The search index is what is read when it is of the listing in the file (here it holds
   * another datastore than the JSON, to tell them apart). */
  stamp = _steward_listing_cache_stamp (path);
  g_assert_nonnull (stamp);
  write_search_index (profile, url, stamp, 1, "Handmade Bucket");
  from_index = index_at_start (G_LIST_MODEL (profiles));
  assert_search (from_index, id, "handmade", "90");
  assert_search (from_index, id, "amazon bucket", "90");
  assert_search (from_index, id, "sales", "");
  {
    g_autofree char *bucket_id = steward_search_result_id_new (id, 90);
    const StewardSearchHit *bucket = steward_search_index_lookup (from_index, bucket_id);

    g_assert_nonnull (bucket);
    g_assert_cmpstr (bucket->name, ==, "Handmade Bucket");
    g_assert_cmpstr (bucket->type_label, ==, "Amazon S3");
    g_assert_true (bucket->dfs);
  }
  g_clear_object (&from_index);

  /* Another version, another URL: the JSON. */
  write_search_index (profile, url, stamp, 2, "Handmade Bucket");
  from_json = index_at_start (G_LIST_MODEL (profiles));
  assert_search (from_json, id, "handmade", "");
  assert_search (from_json, id, "sales", "24,60,42");
  g_clear_object (&from_json);
  write_search_index (profile, "https://other.example.com/api/", stamp, 1, "Handmade Bucket");
  from_json = index_at_start (G_LIST_MODEL (profiles));
  assert_search (from_json, id, "handmade", "");
  assert_search (from_json, id, "sales", "24,60,42");
  g_clear_object (&from_json);

  /* Damaged: cut short, or garbage of the right size. The JSON answers as before. */
  write_search_index (profile, url, stamp, 1, "Handmade Bucket");
  g_assert_true (g_file_get_contents (index_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (index_path, contents, length / 2, NULL));
  assert_as_json (G_LIST_MODEL (profiles), id, without_index);
  for (gsize i = 0; i < length; i++)
    contents[i] = (char) g_random_int ();
  g_assert_true (g_file_set_contents (index_path, contents, length, NULL));
  assert_as_json (G_LIST_MODEL (profiles), id, without_index);
  g_assert_true (g_file_set_contents (index_path, "", 0, NULL));
  assert_as_json (G_LIST_MODEL (profiles), id, without_index);

  /* Stale: the JSON was written again since (by a Steward that writes no search index, or the
   * index was not written yet). The JSON's listing is found, not the index's. */
  write_search_index (profile, url, stamp, 1, "Handmade Bucket");
  {
    g_autoptr(GListStore) renamed = g_list_store_new (STEWARD_TYPE_DATASTORE);
    g_autoptr(StewardDatastore) revenue = datastore_new (42, "Production Revenue", "postgresql",
                                                         "");
    g_autofree char *saved = NULL;
    gsize saved_length;

    g_list_store_append (renamed, revenue);
    g_assert_true (g_file_get_contents (index_path, &saved, &saved_length, NULL));
    write_cache (profile, url, G_LIST_MODEL (renamed));
    g_assert_true (g_file_set_contents (index_path, saved, saved_length, NULL));
  }
  from_json = index_at_start (G_LIST_MODEL (profiles));
  assert_search (from_json, id, "handmade", "");
  assert_search (from_json, id, "revenue", "42");
  g_clear_object (&from_json);

  /* An index without its JSON finds nothing. */
  write_search_index (profile, url, stamp, 1, "Handmade Bucket");
  g_assert_cmpint (g_unlink (path), ==, 0);
  from_json = index_at_start (G_LIST_MODEL (profiles));
  g_assert_cmpuint (steward_search_index_get_n_datastores (from_json), ==, 0);

  g_unlink (index_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("steward-search-index-XXXXXX", NULL);
  int status;

  /* Before GLib reads it: the caches are the test's own. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-index/matching", test_matching);
  g_test_add_func ("/search-index/result-ids", test_result_ids);
  g_test_add_func ("/search-index/caches", test_caches);
  g_test_add_func ("/search-index/search-index-file", test_search_index_file);

  status = g_test_run ();

  {
    static const char *dirs[] = { "steward/listings", "steward", "" };

    for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
      {
        g_autofree char *path = g_build_filename (cache, dirs[i], NULL);

        g_rmdir (path);
      }
  }
  return status;
}
