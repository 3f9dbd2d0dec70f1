/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwMessageDialog *steward_discard_question_new (GtkWindow  *parent,
                                                const char *heading,
                                                const char *body,
                                                const char *keep_label);

G_END_DECLS
