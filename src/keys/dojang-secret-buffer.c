/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The text of an entry that holds a secret (a certificate password, a
 * card number) in libgcrypt's secure memory, wiped as it goes: deleted
 * characters are overwritten at once, an outgrown block is wiped before it
 * is freed, and everything is wiped when the buffer goes. GTK's own
 * password buffer only wipes when it is finalized, so a cleared entry
 * would keep the old text in memory for as long as it lives. */

#include "config.h"

#include <string.h>

#include "dojang-key-derivation.h"
#include "dojang-secret-buffer.h"

#define MIN_SIZE 32

struct _DojangSecretBuffer
{
  GtkEntryBuffer  parent_instance;

  char           *text;
  gsize           size;
  gsize           n_bytes;
  guint           n_chars;
};

G_DEFINE_FINAL_TYPE (DojangSecretBuffer, dojang_secret_buffer, GTK_TYPE_ENTRY_BUFFER)

static const char *
get_text (GtkEntryBuffer *buffer,
          gsize          *n_bytes)
{
  DojangSecretBuffer *self = DOJANG_SECRET_BUFFER (buffer);

  if (n_bytes != NULL)
    *n_bytes = self->n_bytes;

  return self->text != NULL ? self->text : "";
}

static guint
get_length (GtkEntryBuffer *buffer)
{
  return DOJANG_SECRET_BUFFER (buffer)->n_chars;
}

static void
grow (DojangSecretBuffer *self,
      gsize               needed)
{
  gsize size = MAX (self->size, MIN_SIZE);
  char *text;

  while (size < needed)
    size *= 2;

  if (size == self->size)
    return;

  text = dojang_secure_alloc (size);
  if (self->text != NULL)
    memcpy (text, self->text, self->n_bytes + 1);
  dojang_secure_free (self->text, self->size);
  self->text = text;
  self->size = size;
}

static guint
insert_text (GtkEntryBuffer *buffer,
             guint           position,
             const char     *chars,
             guint           n_chars)
{
  DojangSecretBuffer *self = DOJANG_SECRET_BUFFER (buffer);
  gsize n_bytes = g_utf8_offset_to_pointer (chars, n_chars) - chars;
  gsize at;

  grow (self, self->n_bytes + n_bytes + 1);

  at = g_utf8_offset_to_pointer (self->text, position) - self->text;
  memmove (self->text + at + n_bytes, self->text + at, self->n_bytes - at);
  memcpy (self->text + at, chars, n_bytes);
  self->n_bytes += n_bytes;
  self->n_chars += n_chars;
  self->text[self->n_bytes] = '\0';

  gtk_entry_buffer_emit_inserted_text (buffer, position, chars, n_chars);

  return n_chars;
}

static void
deleted_text (GtkEntryBuffer *buffer,
              guint           position,
              guint           n_chars)
{
  DojangSecretBuffer *self = DOJANG_SECRET_BUFFER (buffer);
  gsize start = g_utf8_offset_to_pointer (self->text, position) - self->text;
  gsize end = g_utf8_offset_to_pointer (self->text, position + n_chars) - self->text;

  memmove (self->text + start, self->text + end, self->n_bytes + 1 - end);
  self->n_bytes -= end - start;
  self->n_chars -= n_chars;
  /* The bytes that moved down are still there at the end: wipe them. */
  explicit_bzero (self->text + self->n_bytes + 1, self->size - self->n_bytes - 1);

  g_object_notify (G_OBJECT (buffer), "text");
  g_object_notify (G_OBJECT (buffer), "length");
}

static guint
delete_text (GtkEntryBuffer *buffer,
             guint           position,
             guint           n_chars)
{
  DojangSecretBuffer *self = DOJANG_SECRET_BUFFER (buffer);

  position = MIN (position, self->n_chars);
  n_chars = MIN (n_chars, self->n_chars - position);

  if (n_chars > 0)
    gtk_entry_buffer_emit_deleted_text (buffer, position, n_chars);

  return n_chars;
}

static void
dojang_secret_buffer_finalize (GObject *object)
{
  DojangSecretBuffer *self = DOJANG_SECRET_BUFFER (object);

  dojang_secure_free (self->text, self->size);
  self->text = NULL;
  self->size = self->n_bytes = self->n_chars = 0;

  G_OBJECT_CLASS (dojang_secret_buffer_parent_class)->finalize (object);
}

static void
dojang_secret_buffer_class_init (DojangSecretBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkEntryBufferClass *buffer_class = GTK_ENTRY_BUFFER_CLASS (klass);

  object_class->finalize = dojang_secret_buffer_finalize;
  buffer_class->get_text = get_text;
  buffer_class->get_length = get_length;
  buffer_class->insert_text = insert_text;
  buffer_class->delete_text = delete_text;
  buffer_class->deleted_text = deleted_text;
}

static void
dojang_secret_buffer_init (DojangSecretBuffer *self)
{
}

GtkEntryBuffer *
dojang_secret_buffer_new (void)
{
  return g_object_new (DOJANG_TYPE_SECRET_BUFFER, NULL);
}

/**
 * dojang_secret_buffer_install:
 * @editable: a #GtkEntry, #GtkPasswordEntry, #AdwEntryRow or
 *   #AdwPasswordEntryRow
 *
 * Gives the text widget inside @editable a new secret buffer. Undo is
 * turned off too: its history would keep copies of what was typed.
 *
 * Returns: (transfer none): the buffer
 */
GtkEntryBuffer *
dojang_secret_buffer_install (GtkEditable *editable)
{
  g_autoptr(GtkEntryBuffer) buffer = dojang_secret_buffer_new ();
  GtkEditable *delegate = editable;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  while (!GTK_IS_TEXT (delegate) && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  g_return_val_if_fail (GTK_IS_TEXT (delegate), NULL);

  gtk_text_set_buffer (GTK_TEXT (delegate), buffer);
  gtk_editable_set_enable_undo (delegate, FALSE);

  return buffer;
}
