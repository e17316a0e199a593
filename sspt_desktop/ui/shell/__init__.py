"""The main window and what frames the meeting: student list, meeting view, dialogs around the record file."""
