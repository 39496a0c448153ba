# boundary.sh — the pure core stays pure: firmware/core includes no SDL and
# no file or clock header, and calls nothing that opens, reads or writes a
# file, reads the clock or waits. Time comes in as a value and the content
# as bytes; firmware/sdl/ reads both (clock.c, content_file.c).
#
# Calls are looked for in code only: comments and the insides of string
# and character literals are blanked first, so a message like "the file
# cannot be read (...)" or a comment on localtime_r is no hit, and neither
# is a name that only ends in a forbidden one (content_read_x, parse_clock)
# or a member called through a pointer (m->read). The sample below proves
# the pattern both ways on every run.
. "$(dirname "$0")/lib.sh"
core="$src/firmware/core"

# code_only FILE...: FILE:LINE: the line with comments and literals blanked
code_only() {
	awk '
	FNR == 1 { st = "" }
	{
		out = ""; n = length($0)
		for (i = 1; i <= n; i++) {
			c = substr($0, i, 1); d = substr($0, i, 2)
			if (st == "comment") {
				if (d == "*/") { st = ""; i++; out = out " " }
				continue
			}
			if (st == "str" || st == "chr") {
				if (c == "\\") { i++; continue }
				if ((st == "str" && c == "\"") || (st == "chr" && c == "'\''")) { st = ""; out = out c }
				continue
			}
			if (d == "/*") { st = "comment"; i++; continue }
			if (d == "//") break
			if (c == "\"") st = "str"
			else if (c == "'\''") st = "chr"
			out = out c
		}
		if (st != "comment") st = ""
		print FILENAME ":" FNR ": " out
	}' "$@"
}

# files: open, read, write, look at, list; the clock: read it, turn it
# into civil time, wait for it; and SDL, by any of its names
calls='fopen|freopen|fdopen|tmpfile|open|openat|creat|close|read|pread|readv|write|pwrite|writev'
calls="$calls|fread|fwrite|fgets|fgetc|getc|fscanf|getline|getdelim|fflush|fseek|ftell|rewind"
calls="$calls|stat|fstat|lstat|fstatat|statx|access|faccessat|opendir|fdopendir|readdir|scandir|closedir"
calls="$calls|mmap|unlink|remove|rename|mkdir|rmdir|realpath|chdir|getcwd|inotify_init|inotify_init1|inotify_add_watch"
calls="$calls|time|clock|clock_gettime|gettimeofday|ftime|times|localtime|localtime_r|gmtime|gmtime_r"
calls="$calls|mktime|timegm|ctime|ctime_r|asctime|strftime|sleep|usleep|nanosleep|clock_nanosleep"
calls="$calls|timerfd_create|timerfd_settime|poll|select|epoll_wait|SDL_[A-Za-z0-9_]*"
forbidden="(^|[^A-Za-z0-9_.>])($calls)[[:space:]]*\\("
headers='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](SDL|(fcntl|unistd|dirent|time|poll|utime)\.h|sys/(stat|time|times|timeb|mman|inotify|timerfd|poll|select|epoll)\.h)'

# the pattern, on a sample: every line marked hit must match, no other line
cat >"$tmp/sample.c" <<'EOF'
int fd = open(path, O_RDONLY);              /* hit */
n = read (fd, buf, 1);                      /* hit */
FILE *f = fopen("x.yaml", "rb");            /* hit */
if (fstat(fd, &st) != 0)                    /* hit */
time_t t = time(NULL);                      /* hit */
clock_gettime(CLOCK_MONOTONIC, &ts);        /* hit */
struct tm *tm = localtime(&t);              /* hit */
x = (SDL_GetTicks() - t0);                  /* hit */
r = content_read_x(path, &buf);
r = content_read(path, &buf, &len, d);
m = parse_clock(s, n, &i);
w = m->read(m->ctx, s) + m.open(x);
diag_add(d, 0, 0, "the file cannot be read (%s)", e);
c = '('; s = "open(";
/* read( and fopen( in a comment
 * and stat(path) on its next line */
// localtime(&t) in a line comment
EOF
code_only "$tmp/sample.c" | grep -nE "$forbidden" | cut -d: -f1 >"$tmp/got"
grep -n 'hit \*/$' "$tmp/sample.c" | cut -d: -f1 >"$tmp/want"
if cmp -s "$tmp/got" "$tmp/want"; then ok; else
	fail "the pattern does not tell calls from names, comments and text: it matched lines $(tr '\n' ' ' <"$tmp/got"), expected $(tr '\n' ' ' <"$tmp/want")"
fi

if grep -nE "$headers" "$core"/*.[ch] >"$tmp/hits"; then
	fail "firmware/core includes SDL or a file or clock header:"
	cat "$tmp/hits" >&2
else ok; fi

code_only "$core"/*.[ch] >"$tmp/code"
[ -s "$tmp/code" ] && ok || fail "no code read from $core"
if grep -E "$forbidden" "$tmp/code" >"$tmp/hits"; then
	fail "firmware/core opens a file, reads the clock or calls SDL (comments and texts blanked):"
	cat "$tmp/hits" >&2
else ok; fi
done_testing
