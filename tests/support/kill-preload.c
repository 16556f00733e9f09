/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LD_PRELOADed into the real dojang binary by the crash tests: counts the
 * calls that change the file system and kills the process with SIGKILL
 * just before the Nth one, as a power cut or a crash would stop it.
 *
 *   DOJANG_TEST_KILL_AT=N          die before the Nth change (1-based)
 *   DOJANG_TEST_KILL_COUNT_FILE=F  at exit, write the number of changes to F
 *   DOJANG_TEST_KILL_WIDE=1        count SQLite's writes and messages sent
 *                                  on sockets (D-Bus) as well
 *
 * Counted: write() to a regular file, fsync(), rename(), renameat2(),
 * link(), unlink(), mkdir(), rmdir(); with KILL_WIDE also pwrite(),
 * pwrite64(), fdatasync(), send() and sendmsg(). Test-only; nothing of it
 * ships. */

#define _GNU_SOURCE
/* Both pwrite() and pwrite64() are wrapped: neither may stand for the other. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static long changes = 0;
static int counting = 0;

/* A sanitizer runtime starts before any library constructor and makes
 * folders for its report files; only the program's own changes count. */
__attribute__((constructor)) static void
start_counting (void)
{
  counting = 1;
}

static void
count_change (void)
{
  const char *kill_at;

  if (!counting)
    return;

  kill_at = getenv ("DOJANG_TEST_KILL_AT");
  changes++;
  if (kill_at != NULL && changes == atol (kill_at))
    raise (SIGKILL);
}

__attribute__((destructor)) static void
report_count (void)
{
  const char *path = getenv ("DOJANG_TEST_KILL_COUNT_FILE");
  FILE *file;

  if (path == NULL || (file = fopen (path, "w")) == NULL)
    return;
  fprintf (file, "%ld\n", changes);
  fclose (file);
}

#define REAL(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

static void
count_wide_change (void)
{
  const char *wide = getenv ("DOJANG_TEST_KILL_WIDE");

  if (wide != NULL && wide[0] == '1')
    count_change ();
}

ssize_t
pwrite (int         fd,
        const void *buffer,
        size_t      count,
        off_t       offset)
{
  count_wide_change ();
  return REAL (pwrite) (fd, buffer, count, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buffer,
          size_t      count,
          off64_t     offset)
{
  count_wide_change ();
  return REAL (pwrite64) (fd, buffer, count, offset);
}

int
fdatasync (int fd)
{
  count_wide_change ();
  return REAL (fdatasync) (fd);
}

ssize_t
send (int         fd,
      const void *buffer,
      size_t      count,
      int         flags)
{
  count_wide_change ();
  return REAL (send) (fd, buffer, count, flags);
}

ssize_t
sendmsg (int                  fd,
         const struct msghdr *message,
         int                  flags)
{
  count_wide_change ();
  return REAL (sendmsg) (fd, message, flags);
}

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  struct stat st;

  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    count_change ();

  return REAL (write) (fd, buffer, count);
}

int
fsync (int fd)
{
  count_change ();
  return REAL (fsync) (fd);
}

int
rename (const char *from,
        const char *to)
{
  count_change ();
  return REAL (rename) (from, to);
}

int
renameat2 (int           from_dir,
           const char   *from,
           int           to_dir,
           const char   *to,
           unsigned int  flags)
{
  count_change ();
  return REAL (renameat2) (from_dir, from, to_dir, to, flags);
}

int
link (const char *from,
      const char *to)
{
  count_change ();
  return REAL (link) (from, to);
}

int
unlink (const char *path)
{
  count_change ();
  return REAL (unlink) (path);
}

int
mkdir (const char *path,
       mode_t      mode)
{
  count_change ();
  return REAL (mkdir) (path, mode);
}

int
rmdir (const char *path)
{
  count_change ();
  return REAL (rmdir) (path);
}
