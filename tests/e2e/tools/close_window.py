"""Ask an X11 window to close, as a window manager does when the user clicks
its close button: a WM_DELETE_WINDOW client message (python-xlib).
Usage: close_window.py TITLE   (the first window titled TITLE, or "<what is
open> – TITLE" as the app names itself while a paper is open)."""
import sys

from Xlib import X, display, protocol


def names(win, d):
    """The window's legacy and UTF-8 titles (GTK sets both; a title with a dash is not Latin-1)."""
    found = []

    def utf8_name():
        prop = win.get_full_property(d.intern_atom("_NET_WM_NAME"), X.AnyPropertyType)
        return prop.value if prop else None

    for read in (win.get_wm_name, utf8_name):
        try:
            found.append(read())
        except Exception:
            pass
    return [n.decode("utf-8", "replace") if isinstance(n, bytes) else n for n in found if n]


def find(win, title, d):
    if any(name == title or name.endswith(" \u2013 " + title) for name in names(win, d)):
        return win
    try:
        children = win.query_tree().children
    except Exception:
        return None
    for child in children:
        found = find(child, title, d)
        if found is not None:
            return found
    return None


def main(title):
    d = display.Display()
    win = find(d.screen().root, title, d)
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
