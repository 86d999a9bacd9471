"""The one base of every error a user can cause (a bad file, a bad option): the command line prints its
message as one line and exits non-zero. Kept free of imports so that catching it costs nothing."""


class UserError(ValueError):
    """A failure caused by the input or the options, with a one-line message that says what to fix."""
