/* firstpaint: runs a program and prints, in seconds from just before its exec, when its first
 * top-level window is mapped (the X server's MapNotify) and when that window first shows a
 * painted frame: one of four rows of its pixels (three in the menu bar, one half-way down) with
 * at least MIN_COLOURS colours, where a window not yet painted is one colour. It polls every 1 ms
 * (an XGetImage of four rows takes well under that), so both times are to about 1-2 ms.
 * usage: firstpaint PROGRAM ARGS...   (needs DISPLAY; gcc -O2 firstpaint.c -lX11)
 * prints: mapped SECONDS painted SECONDS pid PID, and leaves the program running. */
#define _GNU_SOURCE
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>

#define MIN_COLOURS 3
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

static int colours_in_row(Display *d, Window w, int y, int width) {
    XImage *img = XGetImage(d, w, 0, y, width, 1, AllPlanes, ZPixmap);
    if (!img) return 0;
    unsigned long seen[16]; int n = 0;
    for (int x = 0; x < width && n < 16; x++) {
        unsigned long p = XGetPixel(img, x, 0); int found = 0;
        for (int i = 0; i < n; i++) if (seen[i] == p) { found = 1; break; }
        if (!found) seen[n++] = p;
    }
    XDestroyImage(img);
    return n;
}
static int ignore(Display *d, XErrorEvent *e) { (void)d; (void)e; return 0; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: firstpaint PROGRAM ARGS...\n"); return 2; }
    Display *d = XOpenDisplay(NULL);
    if (!d) { fprintf(stderr, "no display\n"); return 2; }
    XSetErrorHandler(ignore);
    Window root = DefaultRootWindow(d);
    XSelectInput(d, root, SubstructureNotifyMask);
    XSync(d, False);
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) { freopen("/dev/null", "w", stdout); freopen("/dev/null", "w", stderr); execvp(argv[1], argv + 1); _exit(127); }
    Window win = 0; double mapped = 0, painted = 0;
    while (now() - t0 < 20) {
        while (XPending(d)) {
            XEvent e; XNextEvent(d, &e);
            if (e.type == MapNotify && !win && !e.xmap.override_redirect) { win = e.xmap.window; mapped = now() - t0; }
        }
        if (win) {
            XWindowAttributes a;
            if (XGetWindowAttributes(d, win, &a) && a.map_state == IsViewable) {
                int rows[] = {6, 10, 14, a.height / 2};
                for (int i = 0; i < 4; i++)
                    if (rows[i] < a.height && colours_in_row(d, win, rows[i], a.width) >= MIN_COLOURS) { painted = now() - t0; break; }
                if (painted) break;
            }
        }
        usleep(1000);
    }
    printf("mapped %.4f painted %.4f pid %d\n", mapped, painted, pid);
    fflush(stdout);
    return painted ? 0 : 1;
}
