/* bare.c — the yardstick of tests/bench/start_time.sh: a bare SDL2 +
 * SDL2_ttf program (a window, one font, one line, present), which says
 * READY=1 to $NOTIFY_SOCKET after its first present as signpost does, then
 * waits for SIGTERM. Not part of the kiosk.
 *   cc -O2 bare.c $(pkg-config --cflags --libs sdl2 SDL2_ttf) -o bare
 *   bare WxH FONT.ttf */
#include <SDL.h>
#include <SDL_ttf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* not inlined: tests/bench/start_count.sh counts up to its first call */
__attribute__((noinline, noclone)) static void notify(const char *msg)
{
	const char *path = getenv("NOTIFY_SOCKET");
	if (!path)
		return;
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd >= 0) {
		sendto(fd, msg, strlen(msg), 0, (struct sockaddr *)&a, sizeof a);
		close(fd);
	}
}

int main(int argc, char **argv)
{
	int w = 1280, h = 800;
	if (argc < 3 || sscanf(argv[1], "%dx%d", &w, &h) != 2) {
		fprintf(stderr, "usage: bare WxH FONT.ttf\n");
		return 2;
	}
	sigset_t term;
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, NULL);
	if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0)
		return 2;
	SDL_Window *win = SDL_CreateWindow("bare", 0, 0, w, h, 0);
	SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
	TTF_Font *font = TTF_OpenFont(argv[2], 40);
	if (!r || !font)
		return 2;
	SDL_Surface *s = TTF_RenderUTF8_Blended(font, "What happens when you report", (SDL_Color){ 255, 255, 255, 255 });
	SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
	SDL_SetRenderDrawColor(r, 0x1B, 0x23, 0x40, 255);
	SDL_RenderClear(r);
	SDL_RenderCopy(r, t, NULL, &(SDL_Rect){ 40, 40, s->w, s->h });
	SDL_RenderPresent(r);
	notify("READY=1");
	if (getenv("BARE_SAY")) /* for start_count.sh, which has no socket */
		fprintf(stderr, "bare: ready\n");
	int sig;
	sigwait(&term, &sig);
	SDL_DestroyTexture(t);
	SDL_FreeSurface(s);
	TTF_CloseFont(font);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
