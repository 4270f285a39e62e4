// The only C that connect-tui needs: ncursesw with wide-character functions, and small
// functions for the globals and macros that Swift 6 cannot touch directly.
#ifndef CONNECT_TUI_CNCURSES_SHIM_H
#define CONNECT_TUI_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <langinfo.h>
#include <locale.h>
#include <termios.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }
static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }
/* The user's locale; when its characters are not UTF-8 (LANG unset, LANG=C), C.UTF-8 for
   characters, so ncursesw still writes whole UTF-8 sequences. Returns 0 if none is UTF-8. */
static inline int cn_setlocale_all(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    return 0;
}
/* Turns off XON/XOFF flow control, so Ctrl-S and Ctrl-Q reach the app as keys instead of
   freezing the output; saved as the program mode, so it holds after Ctrl-Z and fg. endwin
   restores the shell's modes, flow control included. */
static inline void cn_disable_flow_control(void) {
    struct termios modes;
    if (tcgetattr(STDIN_FILENO, &modes) != 0) return;
    modes.c_iflag &= ~(IXON | IXOFF);
    if (tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0) def_prog_mode();
}
/* newterm on the standard streams: NULL (not exit) when the terminal type is unknown. */
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }
/* Clicks of the first button and turns of the wheel (buttons 4 and 5). */
static inline mmask_t cn_mouse_events(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
#else
    return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | BUTTON4_PRESSED;
#endif
}
static inline int cn_is_button1(mmask_t state) { return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0; }
static inline int cn_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int cn_wheel_down(mmask_t state) {
#ifdef BUTTON5_PRESSED
    return (state & BUTTON5_PRESSED) != 0;
#else
    return 0;
#endif
}
/* Whether the terminal can address the cursor (TERM=dumb cannot). */
static inline int cn_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != 0 && cup != (char *)-1;
}

/* Stop signals (INT, TERM, HUP, QUIT) only set a flag; the UI loop sees it and exits
   cleanly. Crash signals restore the terminal, then die as they would have. */
static volatile sig_atomic_t cn_pending_signal = 0;
static void cn_on_stop_signal(int number) { cn_pending_signal = number; }
static void cn_on_crash_signal(int number) {
    endwin();
    static const char message[] = "\nconnect-tui crashed; the terminal was restored.\n";
    (void)!write(2, message, sizeof message - 1);
    signal(number, SIG_DFL);
    raise(number);
}
static inline void cn_install_signal_handlers(void) {
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = cn_on_stop_signal;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGINT, &stop, 0);
    sigaction(SIGTERM, &stop, 0);
    sigaction(SIGHUP, &stop, 0);
    sigaction(SIGQUIT, &stop, 0);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = cn_on_crash_signal;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_RESETHAND;
    int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &crash, 0);
}
/* Ctrl-Z: curses' own handler gives the terminal back, stops, and redraws on resume; around
   it, bracketed paste goes off for the shell and on again for the app. */
static inline struct sigaction *cn_curses_suspend(void) {
    static struct sigaction saved;
    return &saved;
}
static void cn_on_suspend(int number) {
    static const char off[] = "\033[?2004l", on[] = "\033[?2004h";
    (void)!write(1, off, sizeof off - 1);
    void (*curses)(int) = cn_curses_suspend()->sa_handler;
    if (curses != SIG_DFL && curses != SIG_IGN && curses != 0) {
        curses(number);
    } else {
        signal(SIGTSTP, SIG_DFL);
        raise(SIGTSTP);
        struct sigaction again;
        memset(&again, 0, sizeof again);
        again.sa_handler = cn_on_suspend;
        sigemptyset(&again.sa_mask);
        sigaction(SIGTSTP, &again, 0);
    }
    (void)!write(1, on, sizeof on - 1);
}
static inline void cn_wrap_suspend_for_bracketed_paste(void) {
    struct sigaction ours;
    memset(&ours, 0, sizeof ours);
    ours.sa_handler = cn_on_suspend;
    sigemptyset(&ours.sa_mask);
    sigaction(SIGTSTP, &ours, cn_curses_suspend());
}
/* close(2) for code whose own `close` hides it; the same on Linux and macOS. */
static inline int cn_close_descriptor(int descriptor) { return close(descriptor); }
static inline int cn_take_signal(void) {
    int number = cn_pending_signal;
    cn_pending_signal = 0;
    return number;
}

#endif
