/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The common reasons a connection test fails, recognized in the driver's message. */
typedef enum
{
  STEWARD_CONNECTION_PROBLEM_UNKNOWN,
  STEWARD_CONNECTION_PROBLEM_REFUSED,
  STEWARD_CONNECTION_PROBLEM_UNKNOWN_HOST,
  STEWARD_CONNECTION_PROBLEM_AUTHENTICATION,
  STEWARD_CONNECTION_PROBLEM_PERMISSION,
} StewardConnectionProblem;

StewardConnectionProblem steward_connection_problem_from_message (const char *message);

const char *steward_connection_problem_get_hint (StewardConnectionProblem  problem);

G_END_DECLS
