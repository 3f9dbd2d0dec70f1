/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "steward-demo-test-client.h"

#include <string.h>

/* Datastore groups, as docs/api.md describes them. */

#define ADMIN STEWARD_DEMO_ROLE_ADMIN
#define MANAGER STEWARD_DEMO_ROLE_MANAGER
#define MEMBER STEWARD_DEMO_ROLE_MEMBER

static void
assert_group_shape (JsonNode *group)
{
  g_assert_cmpint (demo_get_int (group, "id"), >, 0);
  g_assert_cmpstr (demo_get_string (group, "name"), !=, "");
  g_assert_true (g_str_has_prefix (demo_get_string (group, "icon"), "mdi-"));
  g_assert_true (g_str_has_suffix (demo_get_string (group, "created"), "Z"));
}

/* A bare array, ordered by name. */
static void
test_list (DemoFixture   *f,
           gconstpointer  data)
{
  g_autoptr(DemoResponse) list = demo_request (f, MEMBER, "GET", "/datastore-groups", NULL);

  demo_assert_status (list, SOUP_STATUS_OK);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list->root));
  g_assert_cmpuint (demo_get_length (list->root, ""), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("%u", i);

      assert_group_shape (demo_json_at (list->root, path));
    }
  g_assert_cmpstr (demo_get_string (list->root, "0.name"), ==, "Analytics");
  g_assert_cmpstr (demo_get_string (list->root, "0.icon"), ==, "mdi-chart-box-outline");
  g_assert_cmpint (demo_get_int (list->root, "0.id"), ==, 2);
  g_assert_cmpstr (demo_get_string (list->root, "0.created"), ==, "2026-03-31T14:05:00.000000Z");
  g_assert_cmpstr (demo_get_string (list->root, "1.name"), ==, "Gold Tier");
  g_assert_cmpstr (demo_get_string (list->root, "1.icon"), ==, "mdi-podium-gold");
  g_assert_cmpstr (demo_get_string (list->root, "2.name"), ==, "Mission Critical");
  g_assert_cmpstr (demo_get_string (list->root, "2.icon"), ==, "mdi-star-outline");
  g_assert_cmpint (demo_get_int (list->root, "2.id"), ==, 1);
}

/* The reference's create, update and delete examples, in order. */
static void
test_reference_examples (DemoFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(DemoResponse) created =
    demo_request (f, ADMIN, "POST", "/datastore-groups",
                  "{\"name\": \"Production\", \"icon\": \"mdi-podium-gold\"}");
  g_autoptr(DemoResponse) updated =
    demo_request (f, ADMIN, "PUT", "/datastore-groups/3",
                  "{\"name\": \"Prod Critical\", \"icon\": \"mdi-star-outline\"}");
  g_autoptr(DemoResponse) deleted = demo_request (f, ADMIN, "DELETE", "/datastore-groups/3", NULL);
  g_autoptr(DemoResponse) again = demo_request (f, ADMIN, "DELETE", "/datastore-groups/3", NULL);
  g_autoptr(DemoResponse) next = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                               "{\"name\": \"Next\"}");

  demo_assert_status (created, SOUP_STATUS_OK);
  assert_group_shape (created->root);
  g_assert_cmpint (demo_get_int (created->root, "id"), ==, 3);
  g_assert_cmpstr (demo_get_string (created->root, "name"), ==, "Production");
  g_assert_cmpstr (demo_get_string (created->root, "icon"), ==, "mdi-podium-gold");

  demo_assert_status (updated, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (updated->root, "id"), ==, 3);
  g_assert_cmpstr (demo_get_string (updated->root, "name"), ==, "Prod Critical");
  g_assert_cmpstr (demo_get_string (updated->root, "icon"), ==, "mdi-star-outline");
  g_assert_cmpstr (demo_get_string (updated->root, "created"), ==,
                   demo_get_string (created->root, "created"));

  demo_assert_status (deleted, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (deleted->root, "id"), ==, 3);
  g_assert_cmpstr (demo_get_string (deleted->root, "name"), ==, "Prod Critical");
  g_assert_cmpstr (demo_get_string (deleted->root, "icon"), ==, "mdi-star-outline");
  assert_group_shape (deleted->root);

  demo_assert_detail (again, SOUP_STATUS_NOT_FOUND, "Datastore group id: 3 not found");
  /* Ids are not reused; the seed's 5 is skipped. */
  g_assert_cmpint (demo_get_int (next->root, "id"), ==, 4);
}

static void
test_default_icon (DemoFixture   *f,
                   gconstpointer  data)
{
  g_autoptr(DemoResponse) created = demo_request (f, MANAGER, "POST", "/datastore-groups",
                                                  "{\"name\": \"Plain\"}");
  g_autoptr(DemoResponse) renamed = demo_request (f, MANAGER, "PUT", "/datastore-groups/3",
                                                  "{\"name\": \"Plainer\"}");
  g_autoptr(DemoResponse) reiconed = demo_request (f, MANAGER, "PUT", "/datastore-groups/3",
                                                   "{\"icon\": \"mdi-flask-outline\"}");

  demo_assert_status (created, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (created->root, "icon"), ==, "mdi-bookmark-box-outline");
  g_assert_cmpstr (demo_get_string (renamed->root, "icon"), ==, "mdi-bookmark-box-outline");
  g_assert_cmpstr (demo_get_string (reiconed->root, "name"), ==, "Plainer");
  g_assert_cmpstr (demo_get_string (reiconed->root, "icon"), ==, "mdi-flask-outline");
}

static void
test_icons (DemoFixture   *f,
            gconstpointer  data)
{
  static const char *const icons[] = {
    "mdi-bookmark-box-outline", "mdi-folder-outline", "mdi-shape-outline",
    "mdi-chart-box-outline", "mdi-flask-outline", "mdi-star-outline", "mdi-texture-box",
    "mdi-podium-bronze", "mdi-podium-silver", "mdi-podium-gold",
  };
  g_autoptr(DemoResponse) bad = NULL;
  g_autoptr(DemoResponse) bad_update = NULL;
  g_autoptr(DemoResponse) number = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\": \"Icon %u\", \"icon\": \"%s\"}", i,
                                               icons[i]);
      g_autoptr(DemoResponse) created = demo_request (f, ADMIN, "POST", "/datastore-groups", body);

      demo_assert_status (created, SOUP_STATUS_OK);
      g_assert_cmpstr (demo_get_string (created->root, "icon"), ==, icons[i]);
    }

  bad = demo_request (f, ADMIN, "POST", "/datastore-groups",
                      "{\"name\": \"Bad\", \"icon\": \"mdi-heart\"}");
  demo_assert_validation (bad, "body.icon", "enum");
  bad_update = demo_request (f, ADMIN, "PUT", "/datastore-groups/1", "{\"icon\": \"star\"}");
  demo_assert_validation (bad_update, "body.icon", "enum");
  number = demo_request (f, ADMIN, "POST", "/datastore-groups", "{\"name\": \"N\", \"icon\": 6}");
  demo_assert_validation (number, "body.icon", "enum");
}

static char *
repeat (char  c,
        guint n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

/* Names are 1–100 characters, at both edges, on create and update. */
static void
test_name_limits (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autofree char *hundred = repeat ('g', 100);
  g_autofree char *hundred_one = repeat ('h', 101);
  g_autofree char *body_100 = g_strdup_printf ("{\"name\": \"%s\"}", hundred);
  g_autofree char *body_101 = g_strdup_printf ("{\"name\": \"%s\"}", hundred_one);
  g_autoptr(DemoResponse) one = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                              "{\"name\": \"Z\"}");
  g_autoptr(DemoResponse) max = demo_request (f, ADMIN, "POST", "/datastore-groups", body_100);
  g_autoptr(DemoResponse) empty = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                "{\"name\": \"\"}");
  g_autoptr(DemoResponse) blank = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                "{\"name\": \"   \"}");
  g_autoptr(DemoResponse) long_name = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                    body_101);
  g_autoptr(DemoResponse) long_update = demo_request (f, ADMIN, "PUT", "/datastore-groups/1",
                                                      body_101);
  g_autoptr(DemoResponse) missing = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                  "{\"icon\": \"mdi-texture-box\"}");
  g_autoptr(DemoResponse) number = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                 "{\"name\": 7}");
  g_autoptr(DemoResponse) list = NULL;

  demo_assert_status (one, SOUP_STATUS_OK);
  demo_assert_status (max, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (max->root, "name"), ==, hundred);
  demo_assert_validation (empty, "body.name", "string_too_short");
  demo_assert_validation (blank, "body.name", "string_too_short");
  demo_assert_validation (long_name, "body.name", "string_too_long");
  demo_assert_validation (long_update, "body.name", "string_too_long");
  demo_assert_validation (missing, "body.name", "missing");
  demo_assert_validation (number, "body.name", "string_type");

  list = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  /* Ordered by name without regard to case: "ggg…" sorts before "Gold Tier". */
  g_assert_cmpuint (demo_get_length (list->root, ""), ==, 5);
  g_assert_cmpstr (demo_get_string (list->root, "1.name"), ==, hundred);
  g_assert_cmpstr (demo_get_string (list->root, "2.name"), ==, "Gold Tier");
  g_assert_cmpstr (demo_get_string (list->root, "4.name"), ==, "Z");
}

/* Unique without regard to case. */
static void
test_unique (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) exact = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                "{\"name\": \"Analytics\"}");
  g_autoptr(DemoResponse) other_case = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                     "{\"name\": \"mission CRITICAL\"}");
  g_autoptr(DemoResponse) rename_taken = demo_request (f, ADMIN, "PUT", "/datastore-groups/1",
                                                       "{\"name\": \"gold tier\"}");
  g_autoptr(DemoResponse) rename_self = demo_request (f, ADMIN, "PUT", "/datastore-groups/1",
                                                      "{\"name\": \"MISSION Critical\"}");
  g_autoptr(DemoResponse) production = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                     "{\"name\": \"Production\"}");
  g_autoptr(DemoResponse) production_again = demo_request (f, ADMIN, "POST", "/datastore-groups",
                                                           "{\"name\": \"Production\"}");

  demo_assert_detail (exact, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'Analytics' already exists");
  demo_assert_detail (other_case, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'mission CRITICAL' already exists");
  demo_assert_detail (rename_taken, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'gold tier' already exists");
  demo_assert_status (rename_self, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (rename_self->root, "name"), ==, "MISSION Critical");
  demo_assert_status (production, SOUP_STATUS_OK);
  /* The reference's own 409 example. */
  demo_assert_detail (production_again, SOUP_STATUS_CONFLICT,
                      "Datastore group name: 'Production' already exists");
}

static void
test_not_found (DemoFixture   *f,
                gconstpointer  data)
{
  g_autoptr(DemoResponse) put = demo_request (f, ADMIN, "PUT", "/datastore-groups/999",
                                              "{\"name\": \"X\"}");
  g_autoptr(DemoResponse) del = demo_request (f, ADMIN, "DELETE", "/datastore-groups/999", NULL);
  g_autoptr(DemoResponse) assign = demo_request (f, ADMIN, "PATCH", "/datastores/42/assign-group",
                                                 "{\"group_id\": 999}");
  g_autoptr(DemoResponse) datastore = demo_request (f, ADMIN, "PATCH",
                                                    "/datastores/999/assign-group",
                                                    "{\"group_id\": 1}");

  demo_assert_detail (put, SOUP_STATUS_NOT_FOUND, "Datastore group id: 999 not found");
  demo_assert_detail (del, SOUP_STATUS_NOT_FOUND, "Datastore group id: 999 not found");
  demo_assert_detail (assign, SOUP_STATUS_NOT_FOUND, "Datastore group id: 999 not found");
  demo_assert_detail (datastore, SOUP_STATUS_NOT_FOUND, "Datastore id: 999 not found");
}

/* The permission table: list Member; create, update, delete Manager. */
static void
test_permissions (DemoFixture   *f,
                  gconstpointer  data)
{
  g_autoptr(DemoResponse) list = demo_request (f, MEMBER, "GET", "/datastore-groups", NULL);
  g_autoptr(DemoResponse) create = demo_request (f, MEMBER, "POST", "/datastore-groups",
                                                 "{\"name\": \"Mine\"}");
  g_autoptr(DemoResponse) update = demo_request (f, MEMBER, "PUT", "/datastore-groups/1",
                                                 "{\"name\": \"Mine\"}");
  g_autoptr(DemoResponse) del = demo_request (f, MEMBER, "DELETE", "/datastore-groups/1", NULL);
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "DELETE", "/datastore-groups/2",
                                                  NULL);

  demo_assert_status (list, SOUP_STATUS_OK);
  demo_assert_detail (create, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  demo_assert_detail (update, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  demo_assert_detail (del, SOUP_STATUS_FORBIDDEN,
                      "You must have the Manager role to perform this action");
  demo_assert_status (manager, SOUP_STATUS_OK);
}

static guint
count_in_group (DemoFixture *f,
                gint64       group_id)
{
  g_autoptr(DemoResponse) list = demo_request_printf (f, ADMIN, "GET", NULL,
                                                      "/datastores?group=%" G_GINT64_FORMAT,
                                                      group_id);

  demo_assert_status (list, SOUP_STATUS_OK);
  return demo_get_int (list->root, "total");
}

/* Deleting a group ungroups its datastores and deletes none of them. */
static void
test_delete_ungroups (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) before = demo_request (f, ADMIN, "GET", "/datastores?size=100", NULL);
  g_autoptr(DemoResponse) patient = NULL;
  g_autoptr(DemoResponse) deleted = NULL;
  g_autoptr(DemoResponse) after = NULL;
  g_autoptr(DemoResponse) list = NULL;

  g_assert_cmpuint (count_in_group (f, 1), ==, 3);
  deleted = demo_request (f, MANAGER, "DELETE", "/datastore-groups/1", NULL);
  demo_assert_status (deleted, SOUP_STATUS_OK);
  g_assert_cmpstr (demo_get_string (deleted->root, "name"), ==, "Mission Critical");

  g_assert_cmpuint (count_in_group (f, 1), ==, 0);
  patient = demo_request (f, ADMIN, "GET", "/datastores/45", NULL);
  demo_assert_status (patient, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (patient->root, "group"));

  after = demo_request (f, ADMIN, "GET", "/datastores?size=100", NULL);
  g_assert_cmpint (demo_get_int (after->root, "total"), ==, demo_get_int (before->root, "total"));
  list = demo_request (f, ADMIN, "GET", "/datastore-groups", NULL);
  g_assert_cmpuint (demo_get_length (list->root, ""), ==, 2);
  g_assert_cmpuint (count_in_group (f, 2), ==, 2);
}

/* Assign, move to another group, unassign with null: the reference's examples. */
static void
test_assign (DemoFixture   *f,
             gconstpointer  data)
{
  g_autoptr(DemoResponse) assign = demo_request (f, ADMIN, "PATCH", "/datastores/42/assign-group",
                                                 "{ \"group_id\": 1 }");
  g_autoptr(DemoResponse) move = demo_request (f, ADMIN, "PATCH", "/datastores/42/assign-group",
                                               "{ \"group_id\": 5 }");
  g_autoptr(DemoResponse) get = demo_request (f, ADMIN, "GET", "/datastores/42", NULL);
  g_autoptr(DemoResponse) unassign = NULL;
  g_autoptr(DemoResponse) again = NULL;

  demo_assert_status (assign, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (assign->root, "id"), ==, 42);
  g_assert_cmpint (demo_get_int (assign->root, "group.id"), ==, 1);
  g_assert_cmpstr (demo_get_string (assign->root, "group.name"), ==, "Mission Critical");
  g_assert_cmpstr (demo_get_string (assign->root, "group.icon"), ==, "mdi-star-outline");
  /* The whole datastore comes back, not only the group. */
  g_assert_cmpint (demo_get_int (assign->root, "metrics.containers"), ==, 12);

  demo_assert_status (move, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (move->root, "group.id"), ==, 5);
  g_assert_cmpstr (demo_get_string (move->root, "group.name"), ==, "Gold Tier");
  g_assert_cmpint (demo_get_int (get->root, "group.id"), ==, 5);
  g_assert_cmpuint (count_in_group (f, 1), ==, 3);

  unassign = demo_request (f, ADMIN, "PATCH", "/datastores/42/assign-group",
                           "{ \"group_id\": null }");
  demo_assert_status (unassign, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (unassign->root, "group"));
  again = demo_request (f, ADMIN, "PATCH", "/datastores/42/assign-group", "{\"group_id\": null}");
  demo_assert_status (again, SOUP_STATUS_OK);
  g_assert_true (demo_is_null (again->root, "group"));
}

static void
test_assign_validation (DemoFixture   *f,
                        gconstpointer  data)
{
  g_autofree char *before = demo_snapshot (f);
  g_autofree char *after = NULL;
  static const struct
  {
    const char *body;
    const char *loc;
    const char *type;
  } cases[] = {
    { "{}", "body.group_id", "missing" },
    { "{\"group\": 1}", "body.group_id", "missing" },
    { "{\"group_id\": \"1\"}", "body.group_id", "int_type" },
    { "{\"group_id\": 1.5}", "body.group_id", "int_from_float" },
    { "{\"group_id\": true}", "body.group_id", "int_type" },
    { "{\"group_id\": 0}", "body.group_id", "greater_than_equal" },
    { "[1]", "body", "model_attributes_type" },
    { "", "body", "missing" },
    { "{\"group_id\": ", "body", "json_invalid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DemoResponse) response = demo_request (f, ADMIN, "PATCH",
                                                       "/datastores/42/assign-group",
                                                       cases[i].body);

      demo_assert_validation (response, cases[i].loc, cases[i].type);
    }

  after = demo_snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

/* Member role plus Editor permission in one of the datastore's teams; admins bypass teams. */
static void
test_assign_permissions (DemoFixture   *f,
                         gconstpointer  data)
{
  g_autoptr(DemoResponse) platform = demo_request (f, MEMBER, "PATCH",
                                                   "/datastores/27/assign-group",
                                                   "{\"group_id\": 1}");
  g_autoptr(DemoResponse) two = demo_request (f, MEMBER, "PATCH", "/datastores/48/assign-group",
                                              "{\"group_id\": null}");
  g_autoptr(DemoResponse) analytics = demo_request (f, MEMBER, "PATCH",
                                                    "/datastores/42/assign-group",
                                                    "{\"group_id\": 1}");
  g_autoptr(DemoResponse) manager = demo_request (f, MANAGER, "PATCH",
                                                  "/datastores/27/assign-group",
                                                  "{\"group_id\": 1}");
  g_autoptr(DemoResponse) expired = demo_request (f, STEWARD_DEMO_ROLE_EXPIRED, "PATCH",
                                                  "/datastores/42/assign-group",
                                                  "{\"group_id\": 1}");
  g_autoptr(DemoResponse) check = NULL;

  /* The reference's 403 text, team list and all. */
  demo_assert_detail (platform, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform']");
  demo_assert_detail (two, SOUP_STATUS_FORBIDDEN,
                      "You must have editor permission in at least one of these teams: "
                      "['Data Platform', 'Finance Team']");
  demo_assert_status (analytics, SOUP_STATUS_OK);
  demo_assert_status (manager, SOUP_STATUS_OK);
  demo_assert_detail (expired, SOUP_STATUS_UNAUTHORIZED, "Token has expired");

  /* A refused assignment leaves the datastore in its group. */
  check = demo_request (f, ADMIN, "GET", "/datastores/48", NULL);
  g_assert_cmpint (demo_get_int (check->root, "group.id"), ==, 1);
}

/* A datastore without teams is open to every role's team checks. */
static void
test_assign_no_teams (DemoFixture   *f,
                      gconstpointer  data)
{
  g_autoptr(DemoResponse) cleared = demo_request (f, ADMIN, "PUT", "/datastores/27",
                                                  "{\"teams\": []}");
  g_autoptr(DemoResponse) member = demo_request (f, MEMBER, "PATCH",
                                                 "/datastores/27/assign-group",
                                                 "{\"group_id\": 2}");

  demo_assert_status (cleared, SOUP_STATUS_OK);
  g_assert_cmpuint (demo_get_length (cleared->root, "teams"), ==, 0);
  demo_assert_status (member, SOUP_STATUS_OK);
  g_assert_cmpint (demo_get_int (member->root, "group.id"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, DemoFixture, NULL, demo_fixture_setup, func, demo_fixture_teardown)

  ADD ("/groups/list", test_list);
  ADD ("/groups/reference-examples", test_reference_examples);
  ADD ("/groups/default-icon", test_default_icon);
  ADD ("/groups/icons", test_icons);
  ADD ("/groups/name-limits", test_name_limits);
  ADD ("/groups/unique", test_unique);
  ADD ("/groups/not-found", test_not_found);
  ADD ("/groups/permissions", test_permissions);
  ADD ("/groups/delete-ungroups", test_delete_ungroups);
  ADD ("/groups/assign", test_assign);
  ADD ("/groups/assign-validation", test_assign_validation);
  ADD ("/groups/assign-permissions", test_assign_permissions);
  ADD ("/groups/assign-no-teams", test_assign_no_teams);

  return g_test_run ();
}
