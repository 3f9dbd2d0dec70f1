/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An error answer: the first two bytes choose the status, the rest is the body (as any server
 * may send: JSON of three shapes, HTML, nothing). */
#include <stdint.h>

#include "steward-api.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  guint status;

  if (size < 2)
    return 0;

  status = 400 + (data[0] << 8 | data[1]) % 200;
  body = g_bytes_new (data + 2, size - 2);
  error = steward_api_error_new_from_http (status, "Reason", body);
  g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  return 0;
}
