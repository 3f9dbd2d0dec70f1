/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Lenient readers for server JSON: a member that is missing, null or of another type reads as the
 * fallback instead of failing, because real servers differ in what they send. Where two names
 * exist for one field (enrichment_prefix and the older enrich_container_prefix), pass both and the
 * first present one wins. */

JsonNode   *steward_json_parse               (GBytes       *bytes,
                                              GError      **error);
gboolean    steward_json_has                 (JsonObject   *object,
                                              const char   *member);
const char *steward_json_get_string          (JsonObject   *object,
                                              const char   *member);
const char *steward_json_get_string2         (JsonObject   *object,
                                              const char   *member,
                                              const char   *old_member);
gint64      steward_json_get_int             (JsonObject   *object,
                                              const char   *member,
                                              gint64        fallback);
gint64      steward_json_get_int2            (JsonObject   *object,
                                              const char   *member,
                                              const char   *old_member,
                                              gint64        fallback);
gboolean    steward_json_get_bool            (JsonObject   *object,
                                              const char   *member,
                                              gboolean      fallback);
gboolean    steward_json_get_bool2           (JsonObject   *object,
                                              const char   *member,
                                              const char   *old_member,
                                              gboolean      fallback);
JsonObject *steward_json_get_object          (JsonObject   *object,
                                              const char   *member);
JsonArray  *steward_json_get_array           (JsonObject   *object,
                                              const char   *member);
GDateTime  *steward_json_get_datetime        (JsonObject   *object,
                                              const char   *member);
char      **steward_json_get_name_list       (JsonObject   *object,
                                              const char   *member);
JsonNode   *steward_json_strv_node           (const char * const *strv);
char       *steward_json_to_string           (JsonNode     *node);
JsonNode   *steward_json_deep_copy           (JsonNode     *node);
JsonNode   *steward_json_object_node         (JsonObject   *object);

G_END_DECLS
