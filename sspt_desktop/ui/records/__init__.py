"""The student's record on screen: the student dialog (add and edit) and its parts."""
