/* The floor of the start-up benchmark: the least a curses program does to show one screen.
   Starts curses, fills a 120x40 screen, shows it, restores the terminal and exits. */
#include <curses.h>
#include <locale.h>

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    cbreak();
    noecho();
    for (int y = 0; y < LINES; y++) mvprintw(y, 0, "%-*s", COLS, "floor: one screen of text");
    mvprintw(LINES / 2, 2, "FLOOR READY");
    refresh();
    endwin();
    return 0;
}
