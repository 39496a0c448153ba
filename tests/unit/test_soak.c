/* test_soak.c — days of a kiosk's life in the pure core, on a fake clock.
 *
 * One simulated kiosk (800x480, fake measurer) runs through random visitors:
 * taps on the buttons of the frame on screen and anywhere else, swipes, slow
 * drags, language and text-size changes, Quick exit, waits of every length
 * and idle periods long enough for the notice and the privacy reset; every
 * few simulated minutes the content is reloaded, alternating valid (A, B)
 * and invalid (C, half of A) texts, with the core of what firmware/sdl/run.c
 * does: load; if LOAD_OK rebind the kiosk, free the old content and lay out
 * again; otherwise keep what is shown. Input goes through the gesture
 * recogniser and scene_hit() like the real loop's, and time moves the way
 * the real loop sleeps: to kiosk_next_deadline(), or a 16 ms frame while a
 * transition animates.
 *
 * Checked as it goes: a Quick exit tap shows the neutral screen in the very
 * next frame (no transition, nothing of the visit left); idle always ends in
 * a reset; a reload while nobody is reading goes on in the new content's
 * default language; an invalid reload changes nothing; draw list and hit
 * counts stay bounded; each content's arena is the same size every time it
 * is loaded; and the memory in use at the same resting state (after an idle
 * reset, same content) is the same to the byte every time (in the ASan
 * build, which counts exactly) — so nothing grows.
 * Under ASan/LSan the run also ends with zero leaks.
 *
 * SIGNPOST_SOAK_HOURS (default 8: well under a second, for CI) sets the
 * simulated time and SIGNPOST_SOAK_SEED the random seed; the same seed gives
 * the same run everywhere. tests/bench/soak.sh runs 72 hours. */
#include "fixture.h"
#include "test.h"

#include "deck.h"
#include "gesture.h"
#include "kiosk.h"
#include "load.h"
#include "scene.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#ifdef SOAK_ASAN
/* from <sanitizer/allocator_interface.h>: bytes the program has allocated
 * and not yet freed, exactly as requested. Only ASan counts exactly: glibc's
 * mallinfo2() counts chunks parked in its per-thread cache as in use, so
 * other builds print the figure but do not check it. */
size_t __sanitizer_get_current_allocated_bytes(void);
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

#define W 800
#define H 480
#define MAX_ITEMS 2000 /* a frame of the densest screen holds a few hundred */
#define MAX_HITS 64
#define RELOAD_EVERY_MS (3 * 60 * 1000)
#define FRAME_MS 16

/* ---- the contents --------------------------------------------------------- */

static const char text_a[] =
	"# A: two languages, a neutral Quick exit screen, a screen that paginates\n"
	"kiosk:\n"
	"  languages: [en, pl]\n"
	"  cycle: 5\n"
	"  idle_timeout: 20\n"
	"  quick_exit: neutral\n"
	"  transition: fade\n"
	"  help:\n"
	"    name: {en: \"Support line\", pl: \"Telefon wsparcia\"}\n"
	"    number: \"0808 500 2222\"\n"
	"    hours: {en: \"Day and night\", pl: \"Całą dobę\"}\n"
	"labels:\n"
	"  language_name: {en: \"English\", pl: \"Polski\"}\n"
	"screens:\n"
	"  - id: reporting\n"
	"    title: {en: \"What happens if you report\", pl: \"Co się dzieje po zgłoszeniu\"}\n"
	"    blocks:\n"
	"      - text: {en: \"Reporting is your choice.\", pl: \"Zgłoszenie to twój wybór.\"}\n"
	"      - steps:\n"
	"          - {en: \"The police ask a few questions.\", pl: \"Policja zada kilka pytań.\"}\n"
	"          - {en: \"You give your statement.\", pl: \"Składasz zeznanie.\"}\n"
	"          - {en: \"You can stop at any time.\", pl: \"Możesz przerwać w każdej chwili.\"}\n"
	"  - id: long\n"
	"    title: \"Many things to know\"\n"
	"    duration: 7\n"
	"    blocks:\n"
	"      - bullets: [\"One thing to know about it all\", \"Two things to know about it all\",\n"
	"                  \"Three things to know about it all\", \"Four things to know about it all\",\n"
	"                  \"Five things to know about it all\", \"Six things to know about it all\",\n"
	"                  \"Seven things to know about it all\", \"Eight things to know about it all\",\n"
	"                  \"Nine things to know about it all\", \"Ten things to know about it all\"]\n"
	"      - call: {name: \"The Havens\", number: \"020 3299 6900\", hours: \"Open 24 hours\"}\n"
	"  - id: rights\n"
	"    title: {en: \"Your rights\", pl: \"Twoje prawa\"}\n"
	"    blocks:\n"
	"      - bullets: [\"You do not have to withdraw a report.\", \"You can ask for a trained officer.\"]\n"
	"  - id: neutral\n"
	"    title: \"Waiting room information\"\n"
	"    show_help: false\n"
	"    blocks:\n"
	"      - text: \"Please let reception know if you need anything.\"\n";

static const char text_b[] =
	"# B: three languages, another neutral screen, sliding, ids shared with A\n"
	"kiosk:\n"
	"  languages: [de, en, pl]\n"
	"  cycle: 4\n"
	"  idle_timeout: 15\n"
	"  quick_exit: plain\n"
	"  transition: slide\n"
	"theme:\n"
	"  background: \"#202020\"\n"
	"  accent: \"#FFCC00\"\n"
	"screens:\n"
	"  - id: plain\n"
	"    title: \"Opening hours\"\n"
	"    blocks:\n"
	"      - text: \"Monday to Friday, 9 to 5.\"\n"
	"  - id: rights\n"
	"    title: {de: \"Deine Rechte\", en: \"Your rights\", pl: \"Twoje prawa\"}\n"
	"    blocks:\n"
	"      - steps: [\"Erstens\", \"Zweitens\", \"Drittens\", \"Viertens\", \"Fünftens\", \"Sechstens\",\n"
	"                \"Siebtens\", \"Achtens\", \"Neuntens\", \"Zehntens\", \"Elftens\", \"Zwölftens\"]\n"
	"  - id: hidden\n"
	"    title: \"Not in the loop\"\n"
	"    loop: false\n"
	"    blocks:\n"
	"      - call: {name: \"Emergency\", number: \"999\"}\n"
	"  - id: reporting\n"
	"    title: \"Anzeige\"\n"
	"    blocks:\n"
	"      - text: {de: \"Deine Entscheidung.\", en: \"Your choice.\", pl: \"Twój wybór.\"}\n";

static const char text_c[] =
	"# C: a misspelt key, an unquoted colour, a Quick exit to nowhere\n"
	"kiosk:\n"
	"  languages: [en]\n"
	"  quick_exit: neutrl\n"
	"theme:\n"
	"  accent: #F2B705\n"
	"screens:\n"
	"  - id: reporting\n"
	"    titel: \"What happens if you report\"\n"
	"    blocks:\n"
	"      - text: \"Reporting is your choice.\"\n";

enum { TEXT_A, TEXT_B, TEXT_C, TEXT_HALF_A, N_TEXTS };
static const char *const text_names[N_TEXTS] = { "a.yaml", "b.yaml", "c.yaml", "half-a.yaml" };

/* The reloads cycle through B, C, A, half of A: valid and invalid alternate. */
static const int reload_order[] = { TEXT_B, TEXT_C, TEXT_A, TEXT_HALF_A };

static void text_of(int t, const char **buf, size_t *len)
{
	switch (t) {
	case TEXT_A:
		*buf = text_a, *len = sizeof text_a - 1;
		break;
	case TEXT_B:
		*buf = text_b, *len = sizeof text_b - 1;
		break;
	case TEXT_C:
		*buf = text_c, *len = sizeof text_c - 1;
		break;
	default: /* a file saved half-way: cut inside a quoted title */
		*buf = text_a;
		*len = (size_t)(strstr(text_a, "What happens") + 4 - text_a);
		break;
	}
}

/* ---- the simulated kiosk -------------------------------------------------- */

/* xorshift64*: the same run for the same seed, on every machine. */
static uint64_t rng_state;
static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32) % n;
}

struct stats {
	unsigned long steps, frames, taps, button_taps, swipes, drags, langs, sizes, quick_exits,
		idles, resets, reloads_ok, reloads_refused;
	size_t max_items, max_hits;
	size_t arena[N_TEXTS]; /* arena bytes of each content the first time */
	size_t rest_bytes[N_TEXTS]; /* memory in use at rest, per content */
	size_t rest_max[N_TEXTS];   /* ... and the most seen later (not ASan) */
	unsigned long rest_checks;
};

struct sim {
	uint64_t now;
	struct content *c;
	int text; /* which text c was loaded from */
	struct deck deck;
	struct kiosk k;
	struct draw_list dl;
	struct gesture_state g;
	uint64_t next_reload;
	unsigned long n_reloads;
	struct stats st;
};

static size_t bytes_in_use(void)
{
#ifdef SOAK_ASAN
	return __sanitizer_get_current_allocated_bytes();
#elif defined(__GLIBC__)
	return mallinfo2().uordblks;
#else
	return 0;
#endif
}

static long maxrss_kib(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* Lays out every screen again for the kiosk's language and text size: what
 * run.c's relayout() does for the core. */
static void relayout(struct sim *s)
{
	deck_free(&s->deck);
	deck_build(&s->deck, &fake_measurer, s->c,
		   (struct layout_spec){ .w = W, .h = H, .lang = s->k.lang, .text_scale = s->k.text_scale });
	kiosk_set_page_counts(&s->k, s->deck.page_counts, s->deck.n);
	gesture_init(&s->g, s->deck.layouts[0].m.px_per_mm);
}

static bool has_role(const struct draw_list *l, enum draw_role r)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].role == r)
			return true;
	return false;
}

static void frame(struct sim *s)
{
	struct scene_input in = { s->c, &s->k, s->deck.layouts, &fake_measurer, s->now, NULL };
	scene_build(&s->dl, &in);
	s->st.frames++;
	if (s->dl.n > s->st.max_items)
		s->st.max_items = s->dl.n;
	if (s->dl.n_hits > s->st.max_hits)
		s->st.max_hits = s->dl.n_hits;
	bool hits_on_screen = true;
	for (size_t i = 0; i < s->dl.n_hits; i++) {
		const struct hit *h = &s->dl.hits[i];
		hits_on_screen &= h->w > 0 && h->h > 0 && h->x >= 0 && h->y >= 0 && h->x + h->w <= W &&
				  h->y + h->h <= H;
	}
	if (!hits_on_screen) /* CHECK only on failure: millions of frames */
		CHECK(hits_on_screen);
}

/* Lets simulated time pass until `until`, waking the way the real loop
 * does. Returns whether the idle notice was on screen at some point. */
static bool advance(struct sim *s, uint64_t until)
{
	bool notice = false;
	while (s->now < until) {
		uint64_t next = kiosk_next_deadline(&s->k, s->now);
		if (next <= s->now)
			next = s->now + FRAME_MS; /* a transition animates */
		s->now = next < until ? next : until;
		if (kiosk_tick(&s->k, s->now)) {
			if (s->k.lang != s->deck.lang || s->k.text_scale != s->deck.text_scale)
				relayout(s); /* the privacy reset restores both */
			frame(s);
			notice |= s->k.mode == KIOSK_IDLE && has_role(&s->dl, ROLE_NOTICE);
		}
	}
	return notice;
}

/* After a Quick exit tap: the very frame built next shows the neutral screen
 * and nothing of the visit is left. */
static void check_quick_exit(struct sim *s)
{
	const struct content *c = s->c;
	CHECK(c->quick_exit >= 0);
	CHECK(!s->k.in_transition);
	CHECK_INT(s->k.view.screen, c->quick_exit);
	CHECK_INT(s->k.view.page, 0);
	CHECK_INT(s->k.mode, KIOSK_ATTRACT);
	CHECK_INT(s->k.lang, 0);
	CHECK(s->k.text_scale == 1.0);
	CHECK_INT(s->k.n_history, 0);
	/* and the draw list: every title line is a piece of the neutral title */
	const char *title = c->screens[c->quick_exit].title.by_lang[0];
	size_t title_len = strlen(title), n_title = 0;
	bool all_neutral = true;
	for (size_t i = 0; i < s->dl.n; i++) {
		const struct draw_item *it = &s->dl.items[i];
		if (it->role == ROLE_TITLE) {
			n_title++;
			all_neutral &= it->text >= title && it->text + it->len <= title + title_len;
		}
	}
	CHECK(n_title > 0 && all_neutral);
	CHECK(!has_role(&s->dl, ROLE_NOTICE));
}

/* One recognised gesture, as run.c's feed(): hit-test where it started on
 * the frame on screen, tell the kiosk, lay out again if language or text
 * size changed, draw. Returns the action that was hit. */
static enum kiosk_action feed(struct sim *s, struct gesture g)
{
	enum kiosk_input in;
	if (!kiosk_input_of(g.kind, &in))
		return ACTION_NONE;
	int arg;
	enum kiosk_action action = scene_hit(&s->dl, g.x, g.y, &arg);
	size_t lang = s->k.lang;
	double scale = s->k.text_scale;
	/* the rest of a waking touch does nothing, even where a button is now
	 * (the notice after Quick exit has none; the screen it wakes into has) */
	bool swallowed = in != INPUT_DOWN && s->k.swallow;
	kiosk_input(&s->k, in, action, arg, s->now);
	if (lang != s->k.lang || scale != s->k.text_scale)
		relayout(s);
	s->st.langs += lang != s->k.lang && in == INPUT_TAP && action == ACTION_SET_LANGUAGE;
	s->st.sizes += scale != s->k.text_scale && in == INPUT_TAP && action == ACTION_TEXT_SIZE;
	frame(s);
	if (in == INPUT_TAP && action == ACTION_QUICK_EXIT && !swallowed) {
		s->st.quick_exits++;
		check_quick_exit(s);
	}
	return action;
}

static void tap_at(struct sim *s, int x, int y)
{
	/* (callers draw x before y in separate statements: the order of
	 * arguments' evaluation differs between compilers) */
	advance(s, s->now + 1);
	feed(s, gesture_down(&s->g, 0, x, y, s->now));
	advance(s, s->now + 40 + rnd(120));
	feed(s, gesture_up(&s->g, 0, x, y, s->now));
	s->st.taps++;
}

static void tap_anywhere(struct sim *s)
{
	int x = (int)rnd(W);
	int y = (int)rnd(H);
	tap_at(s, x, y);
}

/* A button of the frame on screen. Quick exit (in every frame, and the only
 * button in the loop) is pressed only one time in ten, so visitors get
 * somewhere; language and text size are looked for on purpose now and then.
 * With no other button, somewhere on the screen. */
static void tap_button(struct sim *s)
{
	uint32_t r = rnd(10);
	enum kiosk_action want = r == 0 ? ACTION_QUICK_EXIT
				 : r == 1 ? ACTION_LANGUAGE
				 : r == 2 ? ACTION_TEXT_SIZE
					  : ACTION_NONE;
	const struct hit *h = NULL;
	size_t n = 0;
	for (size_t i = 0; i < s->dl.n_hits; i++) {
		const struct hit *c = &s->dl.hits[i];
		if (want != ACTION_NONE ? c->action == want : c->action != ACTION_QUICK_EXIT)
			if (rnd((uint32_t)++n) == 0)
				h = c; /* a fair pick among the candidates */
	}
	if (!h) {
		tap_anywhere(s);
		return;
	}
	struct hit copy = *h; /* the list changes under the finger */
	int x = copy.x + (int)rnd((uint32_t)copy.w);
	int y = copy.y + (int)rnd((uint32_t)copy.h);
	tap_at(s, x, y);
	s->st.button_taps++;
}

static void swipe(struct sim *s, bool to_left)
{
	int y = 60 + (int)rnd(H - 120);
	int x0 = to_left ? 600 : 200, dx = to_left ? -300 : 300;
	advance(s, s->now + 1);
	feed(s, gesture_down(&s->g, 0, x0, y, s->now));
	for (int i = 1; i <= 4; i++) {
		advance(s, s->now + 30);
		feed(s, gesture_move(&s->g, 0, x0 + dx * i / 4, y, s->now));
	}
	feed(s, gesture_up(&s->g, 0, x0 + dx, y, s->now));
	s->st.swipes++;
}

/* A slow drag (a cancel), with a second finger landing on the way. */
static void drag(struct sim *s)
{
	int x = 100 + (int)rnd(W - 200), y = 100 + (int)rnd(H - 200);
	advance(s, s->now + 1);
	feed(s, gesture_down(&s->g, 0, x, y, s->now));
	feed(s, gesture_down(&s->g, 1, W - x, H - y, s->now));
	advance(s, s->now + 1500);
	feed(s, gesture_move(&s->g, 0, x + 80, y, s->now));
	feed(s, gesture_up(&s->g, 1, W - x, H - y, s->now));
	advance(s, s->now + 500);
	feed(s, gesture_up(&s->g, 0, x + 100, y, s->now));
	s->st.drags++;
}

/* Nobody touches it for longer than idle_timeout plus the notice: the
 * notice must have shown (if someone was reading) and the kiosk must be
 * back in the loop, with the default language and size and no history. */
static void idle_period(struct sim *s)
{
	bool visited = s->k.mode != KIOSK_ATTRACT;
	uint64_t idle_ms = (uint64_t)(s->c->idle_timeout * 1000.0);
	bool notice = has_role(&s->dl, ROLE_NOTICE); /* already up after a long read */
	notice |= advance(s, s->now + idle_ms + KIOSK_IDLE_GRACE_MS + 1 + rnd(5 * 60 * 1000));
	s->st.idles++;
	s->st.resets += visited;
	if (visited && !notice)
		CHECK(notice);
	CHECK_INT(s->k.mode, KIOSK_ATTRACT);
	CHECK_INT(s->k.lang, 0);
	CHECK(s->k.text_scale == 1.0);
	CHECK_INT(s->k.n_history, 0);
	CHECK(s->deck.lang == 0 && s->deck.text_scale == 1.0);

	/* At rest on the same content, the memory in use must be the same every
	 * time (less the draw list's capacity, which only grows to its peak). */
	size_t b = bytes_in_use();
	size_t dl_bytes = s->dl.cap * sizeof *s->dl.items + s->dl.cap_hits * sizeof *s->dl.hits;
	b = b > dl_bytes ? b - dl_bytes : 0;
	if (!s->st.rest_bytes[s->text]) {
		s->st.rest_bytes[s->text] = b;
	} else if (b != s->st.rest_bytes[s->text]) {
#ifdef SOAK_ASAN
		fprintf(stderr, "soak: at rest on %s, %zu bytes in use at %.2f h; %zu the first time\n",
			text_names[s->text], b, (double)s->now / 3.6e6, s->st.rest_bytes[s->text]);
		CHECK_INT(b, s->st.rest_bytes[s->text]);
#endif
		if (b > s->st.rest_max[s->text])
			s->st.rest_max[s->text] = b;
	}
	s->st.rest_checks++;
}

/* What run.c's reload() does in the core: load; only valid content
 * replaces the old one, and the old one is freed. */
static void reload(struct sim *s)
{
	int t = reload_order[s->n_reloads++ % (sizeof reload_order / sizeof reload_order[0])];
	const char *buf;
	size_t len;
	text_of(t, &buf, &len);
	struct content *c = xcalloc(1, sizeof *c);
	struct diag_list d = { 0 };
	enum load_result r = content_load_buffer(text_names[t], buf, len, c, &d);
	bool valid = t == TEXT_A || t == TEXT_B;
	CHECK_INT(r, valid ? LOAD_OK : LOAD_INVALID);
	if (r != LOAD_OK) {
		CHECK(diag_has_errors(&d));
		diag_clear(&d);
		free(c);
		CHECK(s->k.content == s->c); /* still showing the last good one */
		s->st.reloads_refused++;
		frame(s);
		return;
	}
	diag_clear(&d);
	if (!s->st.arena[t])
		s->st.arena[t] = c->arena.used_total;
	CHECK_INT(c->arena.used_total, s->st.arena[t]);
	bool nobody = s->k.mode == KIOSK_ATTRACT;
	kiosk_rebind(&s->k, c, s->now);
	if (nobody && s->k.lang != 0) {
		/* nobody chose a language: the loop goes on in the new default */
		fprintf(stderr, "soak: reload of %s in the loop kept language '%s', not the default '%s'\n",
			text_names[t], c->langs[s->k.lang], c->langs[0]);
		CHECK_INT(s->k.lang, 0);
	}
	content_free(s->c);
	free(s->c);
	s->c = c;
	s->text = t;
	relayout(s);
	frame(s);
	s->st.reloads_ok++;
}

static void step(struct sim *s)
{
	uint32_t r = rnd(100);
	if (r < 40)
		tap_button(s);
	else if (r < 50)
		tap_anywhere(s);
	else if (r < 62)
		swipe(s, rnd(2));
	else if (r < 65)
		drag(s);
	else if (r < 88)
		advance(s, s->now + 100 + rnd(8000)); /* reading */
	else if (r < 97)
		advance(s, s->now + 8000 + rnd(60000)); /* reading slowly */
	else
		idle_period(s);
	if (s->now >= s->next_reload) {
		reload(s);
		s->next_reload = s->now + RELOAD_EVERY_MS;
	}
	s->st.steps++;
}

static double env_number(const char *name, double fallback)
{
	const char *v = getenv(name);
	char *end;
	double x = v ? strtod(v, &end) : 0;
	return v && end != v && x > 0 ? x : fallback;
}

static void test_soak(void)
{
	double hours = env_number("SIGNPOST_SOAK_HOURS", 8);
	rng_state = (uint64_t)env_number("SIGNPOST_SOAK_SEED", 1) * 0x9E3779B97F4A7C15ULL | 1;
	clock_t t0 = clock();
	long rss0 = maxrss_kib();
	printf("soak: %.1f simulated hours, seed %.0f; ru_maxrss at start %ld KiB\n", hours,
	       env_number("SIGNPOST_SOAK_SEED", 1), rss0);
	fflush(stdout);

	struct sim s;
	memset(&s, 0, sizeof s);
	s.now = 1000;
	s.c = xcalloc(1, sizeof *s.c);
	struct diag_list d = { 0 };
	CHECK_INT(content_load_buffer(text_names[TEXT_A], text_a, sizeof text_a - 1, s.c, &d), LOAD_OK);
	diag_clear(&d);
	if (!s.c->n_screens)
		return;
	s.text = TEXT_A;
	s.st.arena[TEXT_A] = s.c->arena.used_total;
	kiosk_init(&s.k, s.c, s.now);
	relayout(&s);
	frame(&s);
	s.next_reload = s.now + RELOAD_EVERY_MS;

	uint64_t end = s.now + (uint64_t)(hours * 3600.0 * 1000.0);
	while (s.now < end)
		step(&s);

	long rss1 = maxrss_kib();
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("soak: %.2f simulated hours in %.2f s of CPU: %lu steps, %lu frames\n",
	       (double)(s.now - 1000) / 3.6e6, secs, s.st.steps, s.st.frames);
	printf("soak: %lu taps (%lu on buttons), %lu swipes, %lu drags, %lu language and %lu text size "
	       "changes, %lu quick exits, %lu idle periods (%lu resets)\n",
	       s.st.taps, s.st.button_taps, s.st.swipes, s.st.drags, s.st.langs, s.st.sizes,
	       s.st.quick_exits, s.st.idles, s.st.resets);
	printf("soak: %lu reloads (%lu ok, %lu refused); arena A %zu bytes, B %zu bytes\n",
	       s.n_reloads, s.st.reloads_ok, s.st.reloads_refused, s.st.arena[TEXT_A],
	       s.st.arena[TEXT_B]);
	printf("soak: at most %zu draw items and %zu hits a frame; memory in use at rest A %zu, "
	       "B %zu bytes (%lu times; %s)\n",
	       s.st.max_items, s.st.max_hits, s.st.rest_bytes[TEXT_A], s.st.rest_bytes[TEXT_B],
	       s.st.rest_checks,
#ifdef SOAK_ASAN
	       "exact, checked: ASan"
#else
	       "not checked without ASan"
#endif
	);
#ifndef SOAK_ASAN
	printf("soak: malloc's in-use count at rest rose at most to A %zu, B %zu bytes (its cache)\n",
	       s.st.rest_max[TEXT_A] ? s.st.rest_max[TEXT_A] : s.st.rest_bytes[TEXT_A],
	       s.st.rest_max[TEXT_B] ? s.st.rest_max[TEXT_B] : s.st.rest_bytes[TEXT_B]);
#endif
	printf("soak: ru_maxrss at start %ld KiB, at end %ld KiB\n", rss0, rss1);

	CHECK(s.st.max_items <= MAX_ITEMS);
	CHECK(s.st.max_hits <= MAX_HITS);
	/* the run really did what it says (so a broken driver cannot pass) */
	CHECK(s.st.quick_exits > 0);
	CHECK(s.st.langs > 0);
	CHECK(s.st.sizes > 0);
	CHECK(s.st.resets > 0);
	CHECK(s.st.reloads_ok > 0);
	CHECK(s.st.reloads_refused > 0);
	CHECK(s.st.swipes > 0);

	draw_list_free(&s.dl);
	kiosk_free(&s.k);
	deck_free(&s.deck);
	content_free(s.c);
	free(s.c);
}

int main(void)
{
	RUN(test_soak);
	return TEST_DONE();
}
