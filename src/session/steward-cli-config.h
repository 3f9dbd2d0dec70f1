/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STEWARD_CLI_CONFIG_ERROR (steward_cli_config_error_quark ())

typedef enum
{
  STEWARD_CLI_CONFIG_ERROR_MALFORMED,
  STEWARD_CLI_CONFIG_ERROR_INCOMPLETE,
} StewardCliConfigError;

/* What the vendor CLI's ~/.qualytics/config.yaml says. */
typedef struct
{
  char     *url;
  char     *token;
  gboolean  ssl_verify;
} StewardCliConfig;

GQuark            steward_cli_config_error_quark (void);
char             *steward_cli_config_default_path (void);
StewardCliConfig *steward_cli_config_parse        (const char        *contents,
                                                   gsize              length,
                                                   GError           **error);
StewardCliConfig *steward_cli_config_load         (const char        *path,
                                                   GError           **error);
void              steward_cli_config_free         (StewardCliConfig  *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCliConfig, steward_cli_config_free)

G_END_DECLS
