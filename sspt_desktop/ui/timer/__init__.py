"""The meeting clock on screen: the timer panel, the timekeeper window, the agenda strip and the chime."""
