/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "steward-cli-config"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "steward-cli-config.h"

/* Reads the Qualytics CLI's config with libyaml, a real YAML parser: the file is the CLI's,
 * written by PyYAML, and may quote, comment or order its keys any way YAML allows. Only the
 * top-level scalars url, token and ssl_verify matter; anything else is ignored.
 *
 * The file is only trusted as far as it can be: it must be a regular file of the user's own that
 * nobody else can write (it decides which server a token goes to), it is refused past
 * MAX_CONFIG_SIZE (the CLI writes a few lines), and deep flow nesting is refused before libyaml
 * sees it (libyaml's scanner takes quadratic time on it: 2 MB ran for minutes). So reading it is
 * always quick, on whatever thread. */

#define MAX_CONFIG_SIZE (64 * 1024)
#define MAX_FLOW_DEPTH 16

G_DEFINE_QUARK (steward-cli-config-error-quark, steward_cli_config_error)

char *
steward_cli_config_default_path (void)
{
  return g_build_filename (g_get_home_dir (), ".qualytics", "config.yaml", NULL);
}

void
steward_cli_config_free (StewardCliConfig *config)
{
  if (config == NULL)
    return;

  g_free (config->url);
  if (config->token != NULL)
    explicit_bzero (config->token, strlen (config->token));
  g_free (config->token);
  g_free (config);
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char *yes[] = {
    "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL
  };
  static const char *no[] = {
    "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", NULL
  };

  if (g_strv_contains (yes, text))
    *value = TRUE;
  else if (g_strv_contains (no, text))
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

static void
set_malformed (GError          **error,
               const yaml_mark_t *mark,
               const char       *problem)
{
  g_set_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED,
               /* Translators: %lu is a line number, %s what is wrong there. */
               _("The Qualytics CLI configuration is not valid YAML (line %lu): %s"),
               (unsigned long) mark->line + 1, problem);
}

/* A plain scalar YAML reads as null: the key is present but says nothing. */
static gboolean
is_null_scalar (const yaml_event_t *event)
{
  static const char *nulls[] = { "", "~", "null", "Null", "NULL", NULL };

  return event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
         g_strv_contains (nulls, (const char *) event->data.scalar.value);
}

static gboolean
take_value (StewardCliConfig   *config,
            const char         *key,
            const yaml_event_t *event,
            GError            **error)
{
  const char *value = (const char *) event->data.scalar.value;

  if (is_null_scalar (event))
    return TRUE;

  if (g_str_equal (key, "url"))
    {
      g_free (config->url);
      config->url = g_strdup (value);
    }
  else if (g_str_equal (key, "token"))
    {
      if (config->token != NULL)
        explicit_bzero (config->token, strlen (config->token));
      g_free (config->token);
      config->token = g_strdup (value);
    }
  else if (g_str_equal (key, "ssl_verify"))
    {
      if (!parse_bool (value, &config->ssl_verify))
        {
          set_malformed (error, &event->start_mark, _("ssl_verify must be true or false"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Walks the event stream of the first document, whose root must be a mapping. At the top level,
 * nodes alternate key, value, key, value…; a value that is a nested collection or an alias counts
 * as one node, and so does a key that is not a plain string. Only scalar values of the three keys
 * are kept. */
static gboolean
parse_events (yaml_parser_t     *parser,
              StewardCliConfig  *config,
              GError           **error)
{
  g_autofree char *key = NULL;
  gboolean expect_key = TRUE;
  gboolean root_seen = FALSE;
  gboolean done = FALSE;
  int depth = 0;

  config->ssl_verify = TRUE;

  while (!done)
    {
      yaml_event_t event;
      gboolean ok = TRUE;
      gboolean node_ended = FALSE;

      if (!yaml_parser_parse (parser, &event))
        {
          set_malformed (error, &parser->problem_mark,
                         parser->problem != NULL ? parser->problem : "");
          return FALSE;
        }

      switch (event.type)
        {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0 && event.type != YAML_MAPPING_START_EVENT)
            {
              set_malformed (error, &event.start_mark, _("the top level is not a mapping of keys"));
              ok = FALSE;
              break;
            }
          root_seen = TRUE;
          depth++;
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          depth--;
          node_ended = depth == 1;
          done = depth == 0;
          break;

        case YAML_SCALAR_EVENT:
          if (depth == 0)
            {
              set_malformed (error, &event.start_mark, _("the top level is not a mapping of keys"));
              ok = FALSE;
            }
          else if (depth == 1 && expect_key)
            {
              key = g_strdup ((const char *) event.data.scalar.value);
              expect_key = FALSE;
            }
          else if (depth == 1)
            {
              ok = take_value (config, key, &event, error);
              node_ended = TRUE;
            }
          break;

        case YAML_ALIAS_EVENT:
          node_ended = depth == 1;
          break;

        case YAML_STREAM_END_EVENT:
        case YAML_DOCUMENT_END_EVENT:
          done = TRUE;
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
      if (!ok)
        return FALSE;

      /* A key node, or a value node, is complete: the next node is the other kind. */
      if (node_ended)
        {
          if (expect_key)
            {
              g_clear_pointer (&key, g_free);
              key = g_strdup ("");   /* a key that is not one of ours */
              expect_key = FALSE;
            }
          else
            {
              g_clear_pointer (&key, g_free);
              expect_key = TRUE;
            }
        }
    }

  if (!root_seen)
    {
      g_set_error_literal (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_INCOMPLETE,
                           _("The Qualytics CLI configuration is empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
flow_nesting_within_limit (const char *text,
                           gsize       length)
{
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    if (text[i] == '[' || text[i] == '{')
      {
        if (++depth > MAX_FLOW_DEPTH)
          return FALSE;
      }
    else if ((text[i] == ']' || text[i] == '}') && depth > 0)
      depth--;

  return TRUE;
}

/* A regular file of the user's, which no one else may change. */
static gboolean
check_file (const char  *path,
            GError     **error)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (info.st_mode) || info.st_uid != getuid () ||
      (info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    {
      g_set_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED,
                   _("%s is not a file of yours that only you can change; Steward does not take a "
                     "deployment and token from it"), path);
      return FALSE;
    }

  if (info.st_size > MAX_CONFIG_SIZE)
    {
      g_set_error (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED,
                   _("%s is too large to be the Qualytics CLI’s configuration"), path);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (transfer full) (nullable): the configuration, or NULL with an error that says what
 * is wrong with the file */
StewardCliConfig *
steward_cli_config_load (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  StewardCliConfig *config;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_file (path, error) || !g_file_get_contents (path, &contents, &length, error))
    return NULL;

  config = steward_cli_config_parse (contents, length, error);
  explicit_bzero (contents, length);
  return config;
}

/* The configuration in @contents (a file's bytes): refused when larger than a config can be or
 * nested deeper than one is; otherwise read as YAML. */
StewardCliConfig *
steward_cli_config_parse (const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(StewardCliConfig) config = NULL;
  yaml_parser_t parser;
  gboolean ok;

  if (length > MAX_CONFIG_SIZE || !flow_nesting_within_limit (contents, length))
    {
      g_set_error_literal (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_MALFORMED,
                           _("The file is too large or too deeply nested to be the Qualytics "
                              "CLI’s configuration"));
      return NULL;
    }

  config = g_new0 (StewardCliConfig, 1);
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) contents, length);
  ok = parse_events (&parser, config, error);
  yaml_parser_delete (&parser);

  if (!ok)
    return NULL;

  if (config->url == NULL || *config->url == '\0' || config->token == NULL ||
      *config->token == '\0')
    {
      g_set_error_literal (error, STEWARD_CLI_CONFIG_ERROR, STEWARD_CLI_CONFIG_ERROR_INCOMPLETE,
                           _("The Qualytics CLI configuration has no url or no token"));
      return NULL;
    }

  return g_steal_pointer (&config);
}
