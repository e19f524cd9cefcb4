"""Ask an X11 window to close, as a window manager does when the user clicks
its close button: a WM_DELETE_WINDOW client message (python-xlib).
Usage: close_window.py TITLE   (the first top-level window with that title)."""
import sys

from Xlib import X, display, protocol


def find(win, title):
    try:
        name = win.get_wm_name()
    except Exception:
        name = None
    if name == title:
        return win
    try:
        children = win.query_tree().children
    except Exception:
        return None
    for child in children:
        found = find(child, title)
        if found is not None:
            return found
    return None


def main(title):
    d = display.Display()
    win = find(d.screen().root, title)
    if win is None:
        print(f"no window titled {title!r}", file=sys.stderr)
        sys.exit(1)
    protocols = d.intern_atom("WM_PROTOCOLS")
    delete = d.intern_atom("WM_DELETE_WINDOW")
    event = protocol.event.ClientMessage(window=win, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
    win.send_event(event, event_mask=X.NoEventMask)
    d.flush()


if __name__ == "__main__":
    main(sys.argv[1])
